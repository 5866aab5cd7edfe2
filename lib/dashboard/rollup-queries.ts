import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { dayOf, type Period } from './period';

/** The samples of the time figures, in minutes, exactly as the direct query orders them. */
export const FIRST_RESPONSE_MINUTES = sql`(extract(epoch FROM t.first_replied_at - t.created_at) / 60)::float8`;
export const RESOLUTION_MINUTES = sql`(extract(epoch FROM t.solved_at - t.created_at) / 60)::float8`;

/**
 * The upper bounds of the time buckets of dashboard_time_counts, in minutes: one per minute in the
 * first hour, then 5% wider each, up to ~2 years (260 bounds; below 1 minute, negatives
 * included, is bucket 0; past the last, the last bucket). Monotone, so buckets order as their
 * values do. Changing them changes every stored bucket: a migration doing so must delete the
 * dashboard_rollups rows (the next run rebuilds).
 */
export const TIME_BUCKET_BOUNDS: readonly number[] = (() => {
  const b = Array.from({ length: 60 }, (_, i) => i + 1);
  for (let x = 60; x < 1e6;) {
    x *= 1.05;
    if (Math.round(x) > b[b.length - 1]) b.push(Math.round(x));
  }
  return b;
})();

/** The bucket of a value in minutes (float8), in SQL: the same in the rollup and the live tail. */
export const timeBucket = (minutes: SQL) =>
  sql`width_bucket(${minutes}, ${sql.raw(`'{${TIME_BUCKET_BOUNDS.join(',')}}'::float8[]`)})`;

/** First-response and resolution times straight from `tickets` (DIRECT_QUERIES.times). */
export const DIRECT_TIMES: DashboardQuery = (db, serviceId, { from, to }) =>
  db.execute(sql`
    SELECT
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_replied_at - created_at) / 60) FILTER (WHERE first_replied_at IS NOT NULL) AS frt_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_replied_at - created_at) / 60) FILTER (WHERE first_replied_at IS NOT NULL) AS frt_p90,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM solved_at - created_at) / 60) FILTER (WHERE solved_at IS NOT NULL) AS res_median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM solved_at - created_at) / 60) FILTER (WHERE solved_at IS NOT NULL) AS res_p90
    FROM tickets WHERE service_id = ${serviceId} AND spam = false AND created_at >= ${from} AND created_at < ${to}`);

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
  // A period within the live tail (today: no rolled day can fall in it) is the direct query,
  // without the rollup's planning. Otherwise, a two-level selection that gives percentile_cont's
  // exact result: with N samples the p-th percentile sits at the 0-based rank pos = p * (N - 1),
  // between the samples at ranks floor(pos) and ceil(pos), as lo + (pos - floor(pos)) * (hi - lo)
  // in float8 (PostgreSQL's float8_lerp). First the period's count per bucket (index-only rollup
  // rows plus the live samples) and their cumulative sums locate the bucket holding each of those
  // ranks and the rank within it; then only those buckets' values are read and ranked.
  times: (db, serviceId, p) => {
    const { from, to, fromDay, toDay, timeZone: tz } = p;
    if (fromDay >= dayOf(new Date(), tz)) return DIRECT_TIMES(db, serviceId, p);
    const pick = (figure: string, q: string) =>
      sql`max(CASE WHEN ceil(pos) > floor(pos) THEN lo + ((pos - floor(pos)) * (hi - lo)) ELSE lo END) FILTER (WHERE figure = ${figure} AND q = ${sql.raw(q)})`;
    return db.execute(sql`
      WITH ${liveCtes(serviceId, tz, 't', from, to)},
      -- The live samples, one array per figure (so the planner's estimates stay those of a few rows,
      -- not of the default range selectivity on tickets, which would push the statement into JIT).
      tail AS MATERIALIZED (
        SELECT f.figure, array_agg(f.minutes) AS minutes FROM lr
        JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.created_at >= lr.s AND t.created_at < lr.e
        CROSS JOIN LATERAL (VALUES
          ('first_response', ${FIRST_RESPONSE_MINUTES}),
          ('resolution', ${RESOLUTION_MINUTES})) f(figure, minutes)
        WHERE f.minutes IS NOT NULL
        GROUP BY 1),
      tv AS (
        SELECT tail.figure, m AS minutes, ${timeBucket(sql`m`)} AS bucket FROM tail CROSS JOIN LATERAL unnest(tail.minutes) m),
      b AS (
        SELECT figure, bucket, sum(n)::bigint AS n FROM (
          SELECT d.figure, d.bucket, d.n FROM dashboard_time_counts d
          WHERE d.service_id = ${serviceId} AND d.figure IN ('first_response', 'resolution') AND ${rolled('d', fromDay, toDay)}
          UNION ALL
          SELECT figure, bucket, 1 FROM tv
        ) x GROUP BY 1, 2),
      c AS (
        SELECT figure, bucket, n, sum(n) OVER (PARTITION BY figure ORDER BY bucket)::bigint AS upto,
          sum(n) OVER (PARTITION BY figure)::bigint AS total
        FROM b),
      -- Each wanted rank (floor and ceil of pos, for p 0.5 and 0.9) and the bucket holding it.
      k AS (
        SELECT c.figure, x.q, x.pos, w.hi, c.bucket, w.rank - (c.upto - c.n) AS i
        FROM c
        CROSS JOIN LATERAL (SELECT q, q * (c.total - 1)::float8 AS pos FROM (VALUES (0.5::float8), (0.9::float8)) v(q)) x
        CROSS JOIN LATERAL (VALUES (false, floor(x.pos)::bigint), (true, ceil(x.pos)::bigint)) w(hi, rank)
        WHERE c.upto > w.rank AND c.upto - c.n <= w.rank),
      -- Those buckets' values, sorted.
      v AS (
        SELECT figure, bucket, array_agg(minutes ORDER BY minutes) AS vals FROM (
          -- Per wanted bucket (OFFSET 0: kept a parameterized scan of the key, not a join over all of it).
          SELECT kb.figure, kb.bucket, unnest(d.minutes) AS minutes FROM (SELECT DISTINCT figure, bucket FROM k) kb
          CROSS JOIN LATERAL (
            SELECT d.minutes FROM dashboard_time_counts d
            WHERE d.service_id = ${serviceId} AND d.figure = kb.figure AND d.bucket = kb.bucket AND ${rolled('d', fromDay, toDay)}
            OFFSET 0) d
          UNION ALL
          SELECT figure, bucket, minutes FROM tv WHERE (figure, bucket) IN (SELECT figure, bucket FROM k)
        ) y GROUP BY 1, 2),
      s AS (
        SELECT k.figure, k.q, k.pos, max(v.vals[k.i + 1]) FILTER (WHERE NOT k.hi) AS lo, max(v.vals[k.i + 1]) FILTER (WHERE k.hi) AS hi
        FROM k JOIN v ON v.figure = k.figure AND v.bucket = k.bucket
        GROUP BY 1, 2, 3)
      SELECT ${pick('first_response', '0.5')} AS frt_median, ${pick('first_response', '0.9')} AS frt_p90,
        ${pick('resolution', '0.5')} AS res_median, ${pick('resolution', '0.9')} AS res_p90
      FROM s`);
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
