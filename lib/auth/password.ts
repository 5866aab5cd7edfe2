import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// algorithm 2 is Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** The password rule stated to users: 10–128 characters with at least one letter and one digit. */
export const passwordSchema = z
  .string()
  .min(1, { error: 'validation.required' })
  .min(PASSWORD_MIN, { error: 'validation.passwordRule' })
  .max(PASSWORD_MAX, { error: 'validation.passwordRule' })
  .refine((v) => /\p{L}/u.test(v) && /\p{N}/u.test(v), { error: 'validation.passwordRule' });

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verified against when the login ID is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing-1');
  return dummyHash;
}
