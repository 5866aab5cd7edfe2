import { inArray } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import type { Queryable } from '@/db';
import { lockKey, loginRules, loginSubject } from './login-throttle';

/** Which of these members are locked out of logging in right now (one query for a page of members). */
export async function lockedMemberIds(db: Queryable, memberIds: string[], now = new Date()): Promise<Set<string>> {
  if (!memberIds.length) return new Set();
  const rules = new Map(
    memberIds.flatMap((id) => loginRules(loginSubject(id, '')).map((r) => [r.key, { id, r }] as const)),
  );
  const locks = new Map(memberIds.map((id) => [lockKey(loginSubject(id, '')), id]));
  const rows = await db
    .select()
    .from(rateLimits)
    .where(inArray(rateLimits.key, [...rules.keys(), ...locks.keys()]));
  const locked = new Set<string>();
  for (const row of rows) {
    const lockOf = locks.get(row.key);
    if (lockOf) {
      if (row.windowStart.getTime() + row.count * 1000 > now.getTime()) locked.add(lockOf);
      continue;
    }
    const hit = rules.get(row.key)!;
    const live = row.windowStart.getTime() + hit.r.windowSeconds * 1000 > now.getTime();
    if (live && row.count >= hit.r.limit) locked.add(hit.id);
  }
  return locked;
}
