import 'server-only';
import { and, asc, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { beforeCursor, cursorTime, type TimeCursor } from '@/db/pagination';
import { members, serviceMembers, triggerDeliveries } from '@/db/schema';
import { mailState, type ReplyMailState } from './ticket-detail';
import type { Db, Queryable } from '@/db';
import { likePattern } from '@/db/like';

export const MEMBERS_PAGE = 50;

/** Members of the organization, newest first, keyset-paginated by (created_at, id). */
export async function listMembers(db: Db, params: { q?: string; before?: TimeCursor }) {
  const conds: SQL[] = [];
  if (params.q) {
    const like = likePattern(params.q);
    conds.push(or(ilike(members.name, like), ilike(members.loginId, like), ilike(members.email, like))!);
  }
  if (params.before) {
    conds.push(beforeCursor(members.createdAt, members.id, params.before));
  }
  return db
    .select({
      id: members.id,
      name: members.name,
      loginId: members.loginId,
      email: members.email,
      isOrgAdmin: members.isOrgAdmin,
      status: members.status,
      lastLoginAt: members.lastLoginAt,
      createdAt: members.createdAt,
      cursor: cursorTime(members.createdAt),
    })
    .from(members)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(members.createdAt), desc(members.id))
    .limit(MEMBERS_PAGE + 1);
}

export const MEMBER_SEARCH_PAGE = 10;

/**
 * 상담원 추가's member search: every given text (name, login ID, e-mail) must match, as a
 * substring, case-insensitively. Deactivated members are left out; `agentId` tells who is
 * already an agent of `serviceId`. Keyset-paginated by (name, id).
 */
export async function searchMembers(
  db: Queryable,
  params: { serviceId: string; name?: string; loginId?: string; email?: string; after?: { name: string; id: string } },
) {
  const conds: SQL[] = [ne(members.status, 'deactivated')];
  if (params.name) conds.push(ilike(members.name, likePattern(params.name)));
  if (params.loginId) conds.push(ilike(members.loginId, likePattern(params.loginId)));
  if (params.email) conds.push(ilike(members.email, likePattern(params.email)));
  if (params.after)
    conds.push(sql`(${members.name}, ${members.id}) > (${params.after.name}, ${params.after.id}::uuid)`);
  const rows = await db
    .select({
      id: members.id,
      name: members.name,
      loginId: members.loginId,
      email: members.email,
      status: members.status,
      isOrgAdmin: members.isOrgAdmin,
      agentId: serviceMembers.id,
    })
    .from(members)
    .leftJoin(
      serviceMembers,
      and(eq(serviceMembers.memberId, members.id), eq(serviceMembers.serviceId, params.serviceId)),
    )
    .where(and(...conds))
    .orderBy(asc(members.name), asc(members.id))
    .limit(MEMBER_SEARCH_PAGE + 1);
  const page = rows.slice(0, MEMBER_SEARCH_PAGE);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > MEMBER_SEARCH_PAGE && last ? { name: last.name, id: last.id } : null };
}

/** The state (대기/발송/실패) of each member's latest invite or password-reset mail, by member id (one indexed query). */
export async function latestMemberMails(db: Queryable, memberIds: string[]): Promise<Map<string, ReplyMailState>> {
  if (!memberIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([triggerDeliveries.target], {
      id: triggerDeliveries.id,
      target: triggerDeliveries.target,
      status: triggerDeliveries.status,
      attempts: triggerDeliveries.attempts,
      kind: triggerDeliveries.kind,
    })
    .from(triggerDeliveries)
    .where(
      and(
        eq(triggerDeliveries.kind, 'invite_mail'),
        inArray(
          triggerDeliveries.target,
          memberIds.map((id) => `member:${id}`),
        ),
      ),
    )
    .orderBy(triggerDeliveries.target, desc(triggerDeliveries.createdAt));
  return new Map(rows.map((r) => [r.target.slice('member:'.length), mailState(r)]));
}
