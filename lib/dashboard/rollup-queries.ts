import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import type { Period } from './period';

/** The samples of the time figures, in minutes, exactly as the direct query orders them. */
export const FIRST_RESPONSE_MINUTES = sql`(extract(epoch FROM t.first_replied_at - t.created_at) / 60)::float8`;
export const RESOLUTION_MINUTES = sql`(extract(epoch FROM t.solved_at - t.created_at) / 60)::float8`;

/** One dashboard figure's query for a period. */
export type DashboardQuery = (db: Queryable, serviceId: string, p: Period) => Promise<{ rows: unknown[] }>;

/** Unresolved: what an agent still has to work on (spam excluded). */
export const OPEN_STATUSES = sql`('new', 'open', 'pending')`;

/**
 * The days a query reads live instead of from the rollup, and their instant ranges:
 * - `st.through`: the last rolled-up day (calendar day in `tz`), -infinity when the service has no
 *   rollup in this time zone (then everything is live, exactly as before the rollup);
 * - `ld`: rolled days a ticket change since the last run has made stale for this kind of figure
 *   (dashboard_dirty), plus
 *   `extraDays` (the backlog's bucket-boundary days);
 * - `lr`: the ranges [s, e) of `tickets.created_at`/`solved_at` to read live: each `ld` day up to
 *   `through`, and the tail after `through`, clipped to [from, to).
 * One statement, so the rollup, the marks and the tail are read in one snapshot.
 */
function liveCtes(
  serviceId: string,
  tz: string,
  kind: 'c' | 't' | 'o' | 's',
  from: Date | null,
  to: Date | null,
  extraDays?: SQL,
): SQL {
  const lo = from ? sql`${from}::timestamptz` : sql`'-infinity'::timestamptz`;
  const hi = to ? sql`${to}::timestamptz` : sql`'infinity'::timestamptz`;
  return sql`
    st AS (
      SELECT coalesce(max(through_day) FILTER (WHERE time_zone = ${tz}), '-infinity'::date) AS through
      FROM dashboard_rollups WHERE service_id = ${serviceId}),
    ld AS (
      SELECT DISTINCT (bin AT TIME ZONE ${tz})::date AS day FROM dashboard_dirty WHERE service_id = ${serviceId} AND kind = ${kind}
      ${extraDays ? sql`UNION SELECT day FROM (${extraDays}) x(day)` : sql``}),
    lr AS (
      SELECT greatest(ld.day::timestamp AT TIME ZONE ${tz}, ${lo}) AS s, least((ld.day + 1)::timestamp AT TIME ZONE ${tz}, ${hi}) AS e
      FROM ld, st WHERE ld.day <= st.through
      UNION ALL
      SELECT greatest((st.through + 1)::timestamp AT TIME ZONE ${tz}, ${lo}), ${hi} FROM st)`;
}

/** The origin of the 15-minute bins of dashboard_dirty and dashboard_slot_counts (migration 0019). */
export const BIN_ORIGIN = '2000-01-01 00:00:00+00';

/**
 * The all-time figures' live part (open, unresolved: time-zone free, by 15-minute slot):
 * `st.at`, the instant the slot counts end (-infinity without a rollup); `lb`, the rolled slots a
 * status or assignee change has made stale, plus `extraSlots`; `lr`, the ranges to read from
 * `tickets`: each of those slots, and everything from `st.at` on.
 */
function slotCtes(serviceId: string, extraSlots?: SQL): SQL {
  return sql`
    st AS (
      SELECT coalesce(max(through_at), '-infinity'::timestamptz) AS at FROM dashboard_rollups WHERE service_id = ${serviceId}),
    lb AS (
      SELECT DISTINCT bin FROM dashboard_dirty WHERE service_id = ${serviceId} AND kind = 'o'
      ${extraSlots ? sql`UNION SELECT bin FROM (${extraSlots}) x(bin)` : sql``}),
    lr AS (
      SELECT lb.bin AS s, lb.bin + interval '15 minutes' AS e FROM lb, st WHERE lb.bin < st.at
      UNION ALL
      SELECT st.at, 'infinity'::timestamptz FROM st)`;
}

/** Rolled-up days to read from the rollup: up to `through`, not stale, within [fromDay, toDay]. */
function rolled(alias: string, fromDay?: string, toDay?: string): SQL {
  const a = sql.raw(alias);
  return sql`${a}.day <= (SELECT through FROM st) AND ${a}.day NOT IN (SELECT day FROM ld)
    ${fromDay && toDay ? sql`AND ${a}.day BETWEEN ${fromDay}::date AND ${toDay}::date` : sql``}`;
}

/**
 * The dashboard's queries on the daily rollup (lib/dashboard/rollup.ts) plus the live tail: each
 * returns exactly what the same-named query of DIRECT_QUERIES (report.ts) returns, reading a few
 * hundred rollup rows and the tickets of the days since the last run (and of days a change has
 * made stale) instead of every ticket of the period.
 */
export const ROLLUP_QUERIES = {
  received: (db, serviceId, { from, to, fromDay, toDay, timeZone: tz }) =>
    db.execute(sql`
      WITH ${liveCtes(serviceId, tz, 'c', from, to)}
      SELECT to_char(day, 'YYYY-MM-DD') AS day, channel, sum(n)::int AS n FROM (
        SELECT c.day, c.key AS channel, c.n FROM dashboard_daily_counts c
        WHERE c.service_id = ${serviceId} AND c.figure = 'received' AND ${rolled('c', fromDay, toDay)}
        UNION ALL
        SELECT (t.created_at AT TIME ZONE ${tz})::date, t.channel, 1 FROM lr
        JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.created_at >= lr.s AND t.created_at < lr.e
      ) x GROUP BY 1, 2 ORDER BY 1, 2`),
  solved: (db, serviceId, { from, to, fromDay, toDay, timeZone: tz }) =>
    db.execute(sql`
      WITH ${liveCtes(serviceId, tz, 's', from, to)}
      SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(n)::int AS n FROM (
        SELECT c.day, c.n FROM dashboard_daily_counts c
        WHERE c.service_id = ${serviceId} AND c.figure = 'solved' AND ${rolled('c', fromDay, toDay)}
        UNION ALL
        SELECT (t.solved_at AT TIME ZONE ${tz})::date, 1 FROM lr
        JOIN tickets t ON t.service_id = ${serviceId} AND t.solved_at >= lr.s AND t.solved_at < lr.e AND t.spam = false
      ) x GROUP BY 1 ORDER BY 1`),
  // All rolled slots' unresolved count is one row (unresolved_all). A slot holding a bucket
  // boundary (now minus 1, 3, 7, 30 days) is read live, so every other slot falls in one bucket
  // whole: the rolled slots after the 30-day boundary are bucketed by their start and taken out of
  // the total, as are the slots read live; what is left of the total is older than 30 days.
  backlog: (db, serviceId) => {
    const bucket = (age: SQL) =>
      sql`CASE WHEN ${age} < interval '1 day' THEN 'lt1d' WHEN ${age} < interval '3 days' THEN '1to3d' WHEN ${age} < interval '7 days' THEN '3to7d' WHEN ${age} < interval '30 days' THEN '7to30d' ELSE 'gt30d' END`;
    return db.execute(sql`
      WITH ${slotCtes(serviceId, sql`SELECT date_bin('15 minutes', now() - make_interval(hours => 24 * k), ${BIN_ORIGIN}::timestamptz) FROM unnest(ARRAY[1, 3, 7, 30]) k`)},
      recent AS (
        SELECT ${bucket(sql`now() - c.slot`)} AS bucket, sum(c.n) AS n FROM dashboard_slot_counts c
        WHERE c.service_id = ${serviceId} AND c.figure = 'unresolved' AND c.slot > now() - interval '720 hours'
          AND c.slot < (SELECT at FROM st) AND c.slot NOT IN (SELECT bin FROM lb)
        GROUP BY 1)
      SELECT bucket, sum(n)::int AS n FROM (
        SELECT 'gt30d' AS bucket, c.n FROM dashboard_slot_counts c
        WHERE c.service_id = ${serviceId} AND c.figure = 'unresolved_all' AND c.slot = (SELECT at FROM st)
        UNION ALL
        SELECT bucket, n FROM recent
        UNION ALL
        SELECT 'gt30d', -sum(n) FROM recent
        UNION ALL
        SELECT 'gt30d', -c.n FROM dashboard_slot_counts c
        WHERE c.service_id = ${serviceId} AND c.figure = 'unresolved' AND c.slot IN (SELECT bin FROM lb) AND c.slot < (SELECT at FROM st)
        UNION ALL
        SELECT ${bucket(sql`now() - t.created_at`)}, 1 FROM lr
        JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.status IN ${OPEN_STATUSES} AND t.created_at >= lr.s AND t.created_at < lr.e
      ) x GROUP BY 1 HAVING sum(n) <> 0`);
  },
  times: (db, serviceId, { from, to, fromDay, toDay, timeZone: tz }) => {
    const pct = (column: string, live: SQL) => sql`(
      SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY v) FROM (
        SELECT unnest(d.${sql.raw(column)}) AS v FROM dashboard_daily_times d
        WHERE d.service_id = ${serviceId} AND ${rolled('d', fromDay, toDay)}
        UNION ALL
        SELECT ${live} FROM lr
        JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.created_at >= lr.s AND t.created_at < lr.e
        WHERE ${live} IS NOT NULL) x)`;
    return db.execute(sql`
      WITH ${liveCtes(serviceId, tz, 't', from, to)}
      SELECT f[1] AS frt_median, f[2] AS frt_p90, r[1] AS res_median, r[2] AS res_p90
      FROM (SELECT ${pct('first_response', FIRST_RESPONSE_MINUTES)} AS f, ${pct('resolution', RESOLUTION_MINUTES)} AS r) x`);
  },
  // Open: every open ticket now (the open_all row per agent, less the rolled days read live);
  // solved: the period's.
  agents: (db, serviceId, { from, to, fromDay, toDay, timeZone: tz }) =>
    db.execute(sql`
      WITH ${slotCtes(serviceId)},
      open AS (
        SELECT key, sum(n)::int AS n FROM (
          SELECT c.key, c.n FROM dashboard_slot_counts c
          WHERE c.service_id = ${serviceId} AND c.figure = 'open_all' AND c.slot = (SELECT at FROM st)
          UNION ALL
          SELECT c.key, -c.n FROM dashboard_slot_counts c
          WHERE c.service_id = ${serviceId} AND c.figure = 'open' AND c.slot IN (SELECT bin FROM lb) AND c.slot < (SELECT at FROM st)
          UNION ALL
          -- The tail per agent, so each is an index-only scan of tickets_list_assignee_idx (the
          -- status index would fetch every open ticket's row for its assignee).
          SELECT m.member_id::text, 1 FROM service_members m
          CROSS JOIN st
          JOIN tickets t ON t.service_id = ${serviceId} AND t.assignee_id = m.member_id AND t.status = 'open'
            AND t.created_at >= st.at AND t.spam = false
          WHERE m.service_id = ${serviceId}
          UNION ALL
          -- A stale slot holds a few tickets: read them by the status index.
          SELECT t.assignee_id::text, 1 FROM lr
          JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.status = 'open'
            AND t.created_at >= lr.s AND t.created_at < lr.e
          WHERE lr.e < 'infinity' AND t.assignee_id IS NOT NULL
        ) x GROUP BY 1),
      solved AS (
        WITH ${liveCtes(serviceId, tz, 's', from, to)}
        SELECT key, sum(n)::int AS n FROM (
          SELECT c.key, c.n FROM dashboard_daily_counts c WHERE c.service_id = ${serviceId} AND c.figure = 'solved' AND ${rolled('c', fromDay, toDay)}
          UNION ALL
          SELECT t.solved_by_id::text, 1 FROM lr
          JOIN tickets t ON t.service_id = ${serviceId} AND t.solved_at >= lr.s AND t.solved_at < lr.e AND t.spam = false
          WHERE t.solved_by_id IS NOT NULL
        ) x GROUP BY 1)
      SELECT sm.member_id AS "memberId", coalesce(o.n, 0) AS open, coalesce(s.n, 0) AS solved
      FROM service_members sm
      LEFT JOIN open o ON o.key = sm.member_id::text
      LEFT JOIN solved s ON s.key = sm.member_id::text
      WHERE sm.service_id = ${serviceId} AND (o.n > 0 OR s.n > 0)
      ORDER BY 2 DESC, 3 DESC, 1`),
  intake: (db, serviceId, { from, to, fromDay, toDay, timeZone: tz }) =>
    db.execute(sql`
      WITH ${liveCtes(serviceId, tz, 'c', from, to)}
      SELECT id AS "intakeTypeId", sum(n)::int AS n FROM (
        SELECT c.key::uuid AS id, c.n FROM dashboard_daily_counts c
        WHERE c.service_id = ${serviceId} AND c.figure = 'intake' AND ${rolled('c', fromDay, toDay)}
        UNION ALL
        SELECT t.intake_type_id, 1 FROM lr
        JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.created_at >= lr.s AND t.created_at < lr.e
        WHERE t.intake_type_id IS NOT NULL
      ) x GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`),
} satisfies Record<string, DashboardQuery>;
