import 'server-only';
import { and, desc, ilike, or, sql, type SQL } from 'drizzle-orm';
import { members } from '@/db/schema';
import type { Db } from '@/lib/db';

export const MEMBERS_PAGE = 50;

/** Members of the organization, newest first, keyset-paginated by (created_at, id). */
export async function listMembers(db: Db, params: { q?: string; before?: { createdAt: string; id: string } }) {
  const conds: SQL[] = [];
  if (params.q) {
    const like = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(members.name, like), ilike(members.loginId, like), ilike(members.email, like))!);
  }
  if (params.before) {
    conds.push(sql`(${members.createdAt}, ${members.id}) < (${params.before.createdAt}::timestamptz, ${params.before.id}::uuid)`);
  }
  return db
    .select({ id: members.id, name: members.name, loginId: members.loginId, email: members.email, isOrgAdmin: members.isOrgAdmin, status: members.status, lastLoginAt: members.lastLoginAt, createdAt: members.createdAt,
      // Microsecond text, so the keyset cursor round-trips exactly (a JS Date keeps only ms).
      cursor: sql<string>`to_char(${members.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
    .from(members)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(MEMBERS_PAGE + 1);
}
