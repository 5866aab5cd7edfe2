import { randomBytes } from 'node:crypto';
import { eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { members, sessions } from '@/db/schema';
import { recordAccess } from '@/lib/access-log/record';
import type { Db } from '@/lib/db';
import { noNul } from '@/lib/validation/hygiene';
import { dummyPasswordHash, verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export const loginInput = z.object({
  login: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.tooLong' }).refine(noNul, { error: 'security.nul' }),
  password: z.string().min(1, { error: 'validation.required' }).max(256, { error: 'validation.tooLong' }).refine(noNul, { error: 'security.nul' }),
});

export type LoginFailure = 'invalid_input' | 'invalid' | 'locked' | 'inactive';
export type LoginResult =
  | { ok: true; sessionId: string; memberId: string }
  | { ok: false; reason: LoginFailure; minutesLeft?: number };

type Client = { ip?: string | null; userAgent?: string | null };

/**
 * Checks a login ID or e-mail and a password. Five failures in a row lock the account for
 * fifteen minutes; the member row is locked FOR UPDATE so parallel guesses count exactly.
 */
export async function login(db: Db, raw: unknown, client: Client = {}): Promise<LoginResult> {
  const parsed = loginInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input' };
  const { login: loginName, password } = parsed.data;
  const key = loginName.toLowerCase();

  const found = await db
    .select({ id: members.id, passwordHash: members.passwordHash })
    .from(members)
    .where(or(eq(sql`lower(${members.loginId})`, key), eq(sql`lower(${members.email})`, key)))
    .limit(1);
  // Verify before taking the row lock: argon2 is slow and must not serialize other logins.
  const passwordOk = await verifyPassword(found[0]?.passwordHash ?? (await dummyPasswordHash()), password);

  return db.transaction(async (tx) => {
    const [m] = found[0]
      ? await tx.select().from(members).where(eq(members.id, found[0].id)).for('update')
      : [];
    const base = { subject: loginName, ip: client.ip, userAgent: client.userAgent };
    if (!m) {
      await recordAccess(tx, { ...base, event: 'login_failed', detail: { reason: 'unknown_login' } });
      return { ok: false, reason: 'invalid' } as const;
    }
    const now = new Date();
    if (m.lockedUntil && m.lockedUntil > now) {
      await recordAccess(tx, { ...base, memberId: m.id, event: 'login_failed', detail: { reason: 'locked' } });
      return { ok: false, reason: 'locked', minutesLeft: Math.ceil((m.lockedUntil.getTime() - now.getTime()) / 60000) } as const;
    }
    // A lock that has run out starts a fresh count.
    const failedSoFar = m.lockedUntil ? 0 : m.failedLogins;
    if (!passwordOk || !m.passwordHash || m.passwordHash !== found[0].passwordHash) {
      const failed = failedSoFar + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      const lockedUntil = lock ? new Date(now.getTime() + LOCK_MINUTES * 60000) : null;
      await tx.update(members).set({ failedLogins: failed, lockedUntil }).where(eq(members.id, m.id));
      await recordAccess(tx, { ...base, memberId: m.id, event: 'login_failed', detail: { reason: 'bad_password', failed } });
      if (lock) {
        await recordAccess(tx, { ...base, memberId: m.id, event: 'lockout', detail: { minutes: LOCK_MINUTES } });
        return { ok: false, reason: 'locked', minutesLeft: LOCK_MINUTES } as const;
      }
      return { ok: false, reason: 'invalid' } as const;
    }
    if (m.status !== 'active') {
      await recordAccess(tx, { ...base, memberId: m.id, event: 'login_failed', detail: { reason: m.status } });
      return { ok: false, reason: 'inactive' } as const;
    }
    const sessionId = randomBytes(32).toString('base64url');
    await tx.insert(sessions).values({
      id: sessionId,
      memberId: m.id,
      ip: client.ip?.slice(0, 100) ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600000),
    });
    await tx.update(members).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(members.id, m.id));
    await recordAccess(tx, { ...base, memberId: m.id, event: 'login' });
    return { ok: true, sessionId, memberId: m.id } as const;
  });
}
