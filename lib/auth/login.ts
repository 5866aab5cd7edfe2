import { randomBytes } from 'node:crypto';
import { desc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { members, rateLimits, sessions } from '@/db/schema';
import { recordAccess } from '@/lib/access-log/record';
import type { Db } from '@/db';
import { clearRateLimits, hitRateLimit, hitRateLimits, peekRateLimits } from '@/lib/rate-limit/hit';
import { noNul } from '@/lib/validation/hygiene';
import { ipRules, LOCK_SECONDS, lockKey, loginRules, loginSubject } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_HOURS = 12;

export const loginInput = z.object({
  login: z
    .string()
    .trim()
    .min(1, { error: 'validation.required' })
    .max(200, { error: 'validation.tooLong' })
    .refine(noNul, { error: 'validation.controlChars' }),
  password: z
    .string()
    .min(1, { error: 'validation.required' })
    .max(256, { error: 'validation.tooLong' })
    .refine(noNul, { error: 'validation.controlChars' }),
});

export type LoginFailure = 'invalid_input' | 'invalid' | 'locked' | 'inactive';
export type LoginResult =
  { ok: true; sessionId: string; memberId: string } | { ok: false; reason: LoginFailure; minutesLeft?: number };

type Client = { ip?: string | null; userAgent?: string | null };

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** Seconds left of a running lockout of `subject`, or null. */
async function runningLock(db: Db, subject: string): Promise<number | null> {
  const [row] = await db
    .select({ start: rateLimits.windowStart, count: rateLimits.count })
    .from(rateLimits)
    .where(eq(rateLimits.key, lockKey(subject)))
    .orderBy(desc(rateLimits.windowStart))
    .limit(1);
  if (!row) return null;
  const left = Math.ceil((row.start.getTime() + row.count * 1000 - Date.now()) / 1000);
  return left > 0 ? left : null;
}

/** Starts a lockout of `seconds` from now (stored as a rate-limit row: start = now, count = seconds). */
async function startLock(db: Db, subject: string, seconds: number): Promise<number> {
  await db
    .insert(rateLimits)
    .values({ key: lockKey(subject), windowStart: new Date(), count: seconds })
    .onConflictDoNothing();
  return seconds;
}

/**
 * Checks a login ID or e-mail and a password. Abuse is throttled with the Postgres rate
 * limiter, never by locking the member row: every attempt counts against the client's
 * address, and failures against the account (or the typed name when no account has it) in
 * tiers that back off. Known and unknown logins take the same steps (the password is always
 * verified, against a dummy hash when needed) and get the same answers. A lockout only
 * refuses new logins: the member's live sessions go on.
 */
export async function login(db: Db, raw: unknown, client: Client = {}): Promise<LoginResult> {
  const parsed = loginInput.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'invalid_input' };
  const { login: loginName, password } = parsed.data;
  const key = loginName.toLowerCase();
  const base = { subject: loginName, ip: client.ip, userAgent: client.userAgent };

  const [found] = await db
    .select({ id: members.id, passwordHash: members.passwordHash, status: members.status })
    .from(members)
    .where(or(eq(sql`lower(${members.loginId})`, key), eq(sql`lower(${members.email})`, key)))
    .limit(1);
  const rules = loginRules(loginSubject(found?.id, key));
  const subject = loginSubject(found?.id, key);
  // Only failures count against an address: a whole office behind one NAT logs in all morning.
  const byIp = await peekRateLimits(db, ipRules(client.ip));
  const locked = byIp.ok ? await runningLock(db, subject) : null;
  const held = !byIp.ok
    ? byIp
    : locked
      ? { ok: false, count: 0, retryAfterSeconds: locked }
      : await peekRateLimits(db, rules);
  // Verify even when refusing: the answer's timing must not depend on the account.
  const passwordOk =
    (await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), password)) &&
    Boolean(found?.passwordHash);

  if (!held.ok) {
    await recordAccess(db, {
      ...base,
      memberId: found?.id,
      event: 'login_failed',
      detail: { reason: byIp.ok ? 'locked' : 'ip_throttled' },
    });
    return { ok: false, reason: 'locked', minutesLeft: minutes(held.retryAfterSeconds) };
  }
  if (!passwordOk) {
    await hitRateLimits(db, ipRules(client.ip));
    const counts = [];
    for (const rule of rules) counts.push({ rule, hit: await hitRateLimit(db, rule) });
    await recordAccess(db, {
      ...base,
      memberId: found?.id,
      event: 'login_failed',
      detail: { reason: found ? 'bad_password' : 'unknown_login' },
    });
    const full = counts.filter((c) => c.hit.count >= c.rule.limit);
    if (full.length) {
      const wait = Math.max(...full.map((c) => c.hit.retryAfterSeconds));
      // Logged once, by the failure that reached a tier's limit.
      if (full.some((c) => c.hit.count === c.rule.limit)) {
        // The first tier is a true 15 minutes from this failure, not the rest of a clock window.
        const until = await startLock(db, subject, full[0] === counts[0] ? LOCK_SECONDS : wait);
        await recordAccess(db, { ...base, memberId: found?.id, event: 'lockout', detail: { minutes: minutes(until) } });
        return { ok: false, reason: 'locked', minutesLeft: minutes(until) };
      }
      return { ok: false, reason: 'locked', minutesLeft: minutes(wait) };
    }
    return { ok: false, reason: 'invalid' };
  }
  if (found!.status !== 'active') {
    await recordAccess(db, { ...base, memberId: found!.id, event: 'login_failed', detail: { reason: found!.status } });
    return { ok: false, reason: 'inactive' };
  }
  const now = new Date();
  const sessionId = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: sessionId,
      memberId: found!.id,
      ip: client.ip?.slice(0, 100) ?? null,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600000),
    });
    await tx.update(members).set({ lastLoginAt: now }).where(eq(members.id, found!.id));
    await clearRateLimits(tx, [...rules.map((r) => r.key), lockKey(subject)]);
    await recordAccess(tx, { ...base, memberId: found!.id, event: 'login' });
  });
  return { ok: true, sessionId, memberId: found!.id };
}
