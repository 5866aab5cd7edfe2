import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { AccessEvent } from '@/db/schema';
import type { Queryable } from '@/db';

export const ACCESS_LOG_PAGE = 50;

export type AccessLogFilter = {
  serviceId: string;
  memberId?: string;
  event?: AccessEvent;
  /** Inclusive first day and last day, `YYYY-MM-DD` in `timeZone`. */
  from?: string;
  to?: string;
  timeZone?: string;
  /** Keyset cursor: the last row of the previous page. */
  before?: { createdAt: string; id: number };
};

export type AccessLogRow = {
  id: number;
  createdAt: Date;
  cursor: string;
  event: AccessEvent;
  serviceId: string | null;
  subject: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  memberId: string | null;
  memberName: string | null;
  memberLoginId: string | null;
  actorName: string | null;
  actorLoginId: string | null;
};

/**
 * A service's access log (접속 로그), newest first: the rows written in the service, plus
 * the org-level rows (logins, logouts, failures, lockouts; service_id null) of its current
 * agents. Never rows of another service. Each half walks its own (…, created_at, id)
 * index to the page size, and the two are merged.
 */
export async function listServiceAccessLog(db: Queryable, f: AccessLogFilter): Promise<AccessLogRow[]> {
  const tz = f.timeZone ?? 'Asia/Seoul';
  const common: SQL[] = [];
  if (f.memberId) common.push(sql`l.member_id = ${f.memberId}::uuid`);
  if (f.event) common.push(sql`l.event = ${f.event}`);
  if (f.from) common.push(sql`l.created_at >= (${f.from}::date::timestamp at time zone ${tz})`);
  if (f.to) common.push(sql`l.created_at < ((${f.to}::date + 1)::timestamp at time zone ${tz})`);
  if (f.before) common.push(sql`(l.created_at, l.id) < (${f.before.createdAt}::timestamptz, ${f.before.id}::bigint)`);
  const and = (conds: SQL[]) => sql.join(conds, sql` and `);
  const limit = ACCESS_LOG_PAGE + 1;

  const inService = and([sql`l.service_id = ${f.serviceId}`, ...common]);
  const orgLevel = and([
    sql`l.service_id is null`,
    sql`l.member_id in (select sm.member_id from service_members sm where sm.service_id = ${f.serviceId})`,
    ...common,
  ]);
  const result = await db.execute<AccessLogRow>(sql`
    with page as (
      (select l.id, l.created_at from access_logs l where ${inService} order by l.created_at desc, l.id desc limit ${limit})
      union all
      (select l.id, l.created_at from access_logs l where ${orgLevel} order by l.created_at desc, l.id desc limit ${limit})
    )
    select l.id::text as "id", l.created_at as "createdAt",
      to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor",
      l.event, l.service_id as "serviceId", l.subject, l.detail, l.ip, l.user_agent as "userAgent",
      l.member_id as "memberId", m.name as "memberName", m.login_id as "memberLoginId",
      a.name as "actorName", a.login_id as "actorLoginId"
    from page p
    join access_logs l on l.id = p.id
    left join members m on m.id = l.member_id
    left join members a on a.id = l.actor_id
    order by p.created_at desc, p.id desc
    limit ${limit}`);
  // bigint arrives as text; ids stay far below 2^53.
  return result.rows.map((r) => ({ ...r, id: Number(r.id), createdAt: new Date(r.createdAt) }));
}
