import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import type { Queryable } from '@/db';

export type RateRule = {
  /** What is counted, e.g. `hc:ip:203.0.113.7`. */
  key: string;
  limit: number;
  windowSeconds: number;
};

export type RateResult = { ok: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one hit against a fixed window and says whether it is within the limit. One atomic
 * upsert, so concurrent requests on any number of app instances never both get the last slot.
 * A refused hit is counted too: hammering a closed window keeps it closed.
 */
export async function hitRateLimit(db: Queryable, rule: RateRule, now = new Date()): Promise<RateResult> {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rule.key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  // Old windows are worthless; sweeping a few now and then keeps the table small without a job.
  if (Math.random() < 0.01) await sweepRateLimits(db, now);
  return {
    ok: row.count <= rule.limit,
    count: row.count,
    retryAfterSeconds: Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000),
  };
}

/** Checks several rules; every one is counted, the first refusal wins. */
export async function hitRateLimits(db: Queryable, rules: RateRule[], now = new Date()): Promise<RateResult> {
  let result: RateResult = { ok: true, count: 0, retryAfterSeconds: 0 };
  for (const rule of rules) {
    const r = await hitRateLimit(db, rule, now);
    if (!r.ok && result.ok) result = r;
  }
  return result;
}

/** Deletes windows that ended more than two days ago (the longest window is a day). */
export async function sweepRateLimits(db: Queryable, now = new Date()): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 3 * 86400_000)));
}

function windowOf(rule: RateRule, now: Date): { start: Date; retryAfterSeconds: number } {
  const windowMs = rule.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { start, retryAfterSeconds: Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000) };
}

/** Reads the rules' current counts without counting a hit; the longest wait of those over their limit. */
export async function peekRateLimits(db: Queryable, rules: RateRule[], now = new Date()): Promise<RateResult> {
  let result: RateResult = { ok: true, count: 0, retryAfterSeconds: 0 };
  for (const rule of rules) {
    const w = windowOf(rule, now);
    const [row] = await db
      .select({ count: rateLimits.count })
      .from(rateLimits)
      .where(and(eq(rateLimits.key, rule.key), eq(rateLimits.windowStart, w.start)));
    const count = row?.count ?? 0;
    if (count >= rule.limit && (result.ok || w.retryAfterSeconds > result.retryAfterSeconds))
      result = { ok: false, count, retryAfterSeconds: w.retryAfterSeconds };
  }
  return result;
}

/** Forgets every window of these keys (a successful login, an admin's unlock). */
export async function clearRateLimits(db: Queryable, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(rateLimits).where(inArray(rateLimits.key, keys));
}
