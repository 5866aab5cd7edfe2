import 'server-only';
import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import type { Period } from './period';
import { OPEN_STATUSES, ROLLUP_QUERIES, type DashboardQuery } from './rollup-queries';

export const AGE_BUCKETS = ['lt1d', '1to3d', '3to7d', '7to30d', 'gt30d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export type DashboardReport = {
  receivedByDay: { day: string; channel: string; n: number }[];
  solvedByDay: { day: string; n: number }[];
  backlog: { bucket: AgeBucket; n: number }[];
  /** Minutes; null when no ticket of the period has the figure yet. */
  firstResponse: { median: number | null; p90: number | null };
  resolution: { median: number | null; p90: number | null };
  agents: { memberId: string; open: number; solved: number }[];
  topIntake: { intakeTypeId: string; n: number }[];
};

type Q = DashboardQuery;

/**
 * Each figure straight from `tickets`, by name: the definition the rollup must reproduce exactly
 * (tests/integration/dashboard-rollup.test.ts) and the bench's baseline. At 1,000,000 tickets a
 * 30-day period reads ~40,000 index entries per figure (100–170 ms), hence DASHBOARD_QUERIES.
 */
export const DIRECT_QUERIES = {
  received: (db, serviceId, { from, to, timeZone: tz }) =>
    db.execute(sql`
      SELECT to_char(created_at AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, channel, count(*)::int AS n
      FROM tickets WHERE service_id = ${serviceId} AND spam = false AND created_at >= ${from} AND created_at < ${to}
      GROUP BY 1, 2 ORDER BY 1, 2`),
  solved: (db, serviceId, { from, to, timeZone: tz }) =>
    db.execute(sql`
      SELECT to_char(solved_at AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, count(*)::int AS n
      FROM tickets WHERE service_id = ${serviceId} AND solved_at >= ${from} AND solved_at < ${to} AND spam = false
      GROUP BY 1 ORDER BY 1`),
  backlog: (db, serviceId) =>
    db.execute(sql`
      SELECT CASE WHEN age < interval '1 day' THEN 'lt1d' WHEN age < interval '3 days' THEN '1to3d' WHEN age < interval '7 days' THEN '3to7d' WHEN age < interval '30 days' THEN '7to30d' ELSE 'gt30d' END AS bucket, count(*)::int AS n
      FROM (SELECT now() - created_at AS age FROM tickets WHERE service_id = ${serviceId} AND spam = false AND status IN ${OPEN_STATUSES}) s
      GROUP BY 1`),
  times: (db, serviceId, { from, to }) =>
    db.execute(sql`
      SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_replied_at - created_at) / 60) FILTER (WHERE first_replied_at IS NOT NULL) AS frt_median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_replied_at - created_at) / 60) FILTER (WHERE first_replied_at IS NOT NULL) AS frt_p90,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM solved_at - created_at) / 60) FILTER (WHERE solved_at IS NOT NULL) AS res_median,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM solved_at - created_at) / 60) FILTER (WHERE solved_at IS NOT NULL) AS res_p90
      FROM tickets WHERE service_id = ${serviceId} AND spam = false AND created_at >= ${from} AND created_at < ${to}`),
  // Open per agent: an index-only range count on the assignee index each (grouping would read
  // every open ticket of the service); solved: one pass over the period's range of the solved index.
  agents: (db, serviceId, { from, to }) =>
    db.execute(sql`
      WITH solved AS (
        SELECT solved_by_id AS member_id, count(*)::int AS n FROM tickets
        WHERE service_id = ${serviceId} AND solved_at >= ${from} AND solved_at < ${to} AND spam = false AND solved_by_id IS NOT NULL GROUP BY 1)
      SELECT sm.member_id AS "memberId", o.n AS open, coalesce(s.n, 0) AS solved
      FROM service_members sm
      CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM tickets WHERE service_id = ${serviceId} AND assignee_id = sm.member_id AND status = 'open' AND spam = false) o
      LEFT JOIN solved s ON s.member_id = sm.member_id
      WHERE sm.service_id = ${serviceId} AND (o.n > 0 OR s.n > 0)
      ORDER BY 2 DESC, 3 DESC, 1`),
  intake: (db, serviceId, { from, to }) =>
    db.execute(sql`
      SELECT intake_type_id AS "intakeTypeId", count(*)::int AS n FROM tickets
      WHERE service_id = ${serviceId} AND spam = false AND created_at >= ${from} AND created_at < ${to} AND intake_type_id IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`),
} satisfies Record<string, Q>;

/** Each figure's query as the dashboard runs it: the daily rollup plus the live tail (rollup-queries.ts). */
export const DASHBOARD_QUERIES = ROLLUP_QUERIES satisfies Record<keyof typeof DIRECT_QUERIES, Q>;

/**
 * The dashboard's figures for a period, each one query on the rollup and an index of `tickets`:
 * received per day and channel, solved per day, the unresolved backlog by age (now, not the
 * period), first-response and resolution times (median, p90) of the tickets received in the
 * period, each agent's open tickets and tickets solved in the period, the top 10 intake types.
 * Days are calendar days in the period's time zone; spam is left out everywhere.
 */
export async function dashboardReport(db: Queryable, serviceId: string, p: Period): Promise<DashboardReport> {
  const Q = DASHBOARD_QUERIES;
  const [received, solved, backlog, times, agents, intake] = await Promise.all([
    Q.received(db, serviceId, p),
    Q.solved(db, serviceId, p),
    Q.backlog(db, serviceId),
    Q.times(db, serviceId, p),
    Q.agents(db, serviceId, p),
    Q.intake(db, serviceId, p),
  ]);
  const num = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);
  const t = times.rows[0] as Record<string, unknown>;
  const backlogRows = backlog.rows as { bucket: AgeBucket; n: number }[];
  return {
    receivedByDay: received.rows as DashboardReport['receivedByDay'],
    solvedByDay: solved.rows as DashboardReport['solvedByDay'],
    backlog: AGE_BUCKETS.map((bucket) => ({ bucket, n: backlogRows.find((r) => r.bucket === bucket)?.n ?? 0 })),
    firstResponse: { median: num(t.frt_median), p90: num(t.frt_p90) },
    resolution: { median: num(t.res_median), p90: num(t.res_p90) },
    agents: agents.rows as DashboardReport['agents'],
    topIntake: intake.rows as DashboardReport['topIntake'],
  };
}
