import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Envelope encryption for PII (DESIGN.md §7): AES-256-GCM with a random data key per ticket,
// the data key wrapped by the master key. The associated data binds every ciphertext to
// where it belongs (table, column, row, field), so a value copied to another row fails to open.

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class DecryptError extends Error {
  constructor() {
    super('ciphertext could not be authenticated');
    this.name = 'DecryptError';
  }
}

/** Where a ciphertext belongs; every part goes into the GCM associated data. */
export type Binding = { table: string; column: string; rowId: string; field?: string };

function aad(b: Binding): Buffer {
  return Buffer.from(JSON.stringify([VERSION, b.table, b.column, b.rowId, b.field ?? '']), 'utf8');
}

function seal(key: Buffer, plaintext: Buffer, binding: Binding): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(binding));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, sealed: string, binding: Binding): Buffer {
  const buf = Buffer.from(sealed, 'base64');
  if (buf.length < 1 + IV_BYTES + TAG_BYTES || buf[0] !== VERSION) throw new DecryptError();
  const iv = buf.subarray(1, 1 + IV_BYTES);
  const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(aad(binding));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptError();
  }
}

/** A fresh 256-bit data key. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** Wraps a data key with the master key, bound to the row that owns it. */
export function wrapDataKey(master: Buffer, dataKey: Buffer, owner: Binding): string {
  return seal(master, dataKey, owner);
}

export function unwrapDataKey(master: Buffer, wrapped: string, owner: Binding): Buffer {
  const key = open(master, wrapped, owner);
  if (key.length !== 32) throw new DecryptError();
  return key;
}

/** Encrypts one value (any JSON) with a data key, bound to its table, column, row and field. */
export function encryptValue(dataKey: Buffer, value: unknown, binding: Binding): string {
  return seal(dataKey, Buffer.from(JSON.stringify(value), 'utf8'), binding);
}

export function decryptValue<T = unknown>(dataKey: Buffer, sealed: string, binding: Binding): T {
  return JSON.parse(open(dataKey, sealed, binding).toString('utf8')) as T;
}
