import 'server-only';
import { and, desc, ilike, or, type SQL } from 'drizzle-orm';
import { beforeCursor, cursorTime, type TimeCursor } from '@/lib/pagination';
import { members } from '@/db/schema';
import type { Db } from '@/lib/db';

export const MEMBERS_PAGE = 50;

/** Members of the organization, newest first, keyset-paginated by (created_at, id). */
export async function listMembers(db: Db, params: { q?: string; before?: TimeCursor }) {
  const conds: SQL[] = [];
  if (params.q) {
    const like = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(members.name, like), ilike(members.loginId, like), ilike(members.email, like))!);
  }
  if (params.before) {
    conds.push(beforeCursor(members.createdAt, members.id, params.before));
  }
  return db
    .select({ id: members.id, name: members.name, loginId: members.loginId, email: members.email, isOrgAdmin: members.isOrgAdmin, status: members.status, lastLoginAt: members.lastLoginAt, createdAt: members.createdAt,
      cursor: cursorTime(members.createdAt) })
    .from(members)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(MEMBERS_PAGE + 1);
}
