import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '@/db';
import { appTimeZone } from '@/lib/tickets/time-zone';
import { dayOf } from './period';
import { BIN_ORIGIN, FIRST_RESPONSE_MINUTES, OPEN_STATUSES, RESOLUTION_MINUTES, timeBucket } from './rollup-queries';

/**
 * A day is rolled up once it has been over for this long, so a transaction still writing tickets
 * into it (whose created/solved instant is newer than the 10 minutes the dirty-mark triggers of
 * migration 0019 skip) has long committed.
 */
export const SETTLE_MS = 60 * 60 * 1000;

/** An array parameter as PostgreSQL's array literal (drizzle spreads a JS array into a list). */
/** The origin of the 15-minute bins of dashboard_dirty and dashboard_slot_counts (migration 0019). */

const pgArray = (xs: string[]) => `{${xs.map((x) => `"${x}"`).join(',')}}`;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Recomputes the rollup rows of the day ranges [fromDays[i], toDays[i]] (calendar days in `tz`;
 * '-infinity' allowed) from `tickets`: every count of dashboard_daily_counts and the time buckets
 * of dashboard_time_counts, with the same definitions as DIRECT_QUERIES (report.ts).
 */
async function recompute(db: Queryable, serviceId: string, tz: string, fromDays: string[], toDays: string[]) {
  const ranges = sql`(SELECT f::timestamp AT TIME ZONE ${tz} AS s, (t + 1)::timestamp AT TIME ZONE ${tz} AS e
    FROM unnest(${pgArray(fromDays)}::date[], ${pgArray(toDays)}::date[]) r(f, t))`;
  const days = sql`(SELECT f, t FROM unnest(${pgArray(fromDays)}::date[], ${pgArray(toDays)}::date[]) r(f, t))`;
  await db.execute(sql`DELETE FROM dashboard_daily_counts c USING ${days} r
    WHERE c.service_id = ${serviceId} AND c.day BETWEEN r.f AND r.t`);
  await db.execute(sql`DELETE FROM dashboard_time_counts c USING ${days} r
    WHERE c.service_id = ${serviceId} AND c.day BETWEEN r.f AND r.t`);
  // By the day a ticket was received: received (channel), intake (type), spam left out.
  await db.execute(sql`
    INSERT INTO dashboard_daily_counts (service_id, day, figure, key, n)
    SELECT ${serviceId}, (t.created_at AT TIME ZONE ${tz})::date, f.figure, f.key, count(*)::int
    FROM ${ranges} r
    JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.created_at >= r.s AND t.created_at < r.e
    CROSS JOIN LATERAL (VALUES
      ('received', t.channel),
      ('intake', t.intake_type_id::text)) f(figure, key)
    WHERE f.key IS NOT NULL
    GROUP BY 2, 3, 4`);
  // By the day a ticket was (last) solved: solved, per solver ('' for none).
  await db.execute(sql`
    INSERT INTO dashboard_daily_counts (service_id, day, figure, key, n)
    SELECT ${serviceId}, (t.solved_at AT TIME ZONE ${tz})::date, 'solved', coalesce(t.solved_by_id::text, ''), count(*)::int
    FROM ${ranges} r
    JOIN tickets t ON t.service_id = ${serviceId} AND t.solved_at >= r.s AND t.solved_at < r.e AND t.spam = false
    GROUP BY 2, 4`);
  // By the day a ticket was received, per bucket of minutes: how many, and their values sorted.
  await db.execute(sql`
    INSERT INTO dashboard_time_counts (service_id, figure, day, bucket, n, minutes)
    SELECT ${serviceId}, f.figure, (t.created_at AT TIME ZONE ${tz})::date, ${timeBucket(sql`f.minutes`)},
      count(*)::int, array_agg(f.minutes ORDER BY f.minutes)
    FROM ${ranges} r
    JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.created_at >= r.s AND t.created_at < r.e
    CROSS JOIN LATERAL (VALUES
      ('first_response', ${FIRST_RESPONSE_MINUTES}),
      ('resolution', ${RESOLUTION_MINUTES})) f(figure, minutes)
    WHERE f.minutes IS NOT NULL
    GROUP BY 2, 3, 4`);
}

/**
 * Recomputes the slot counts (open per assignee, unresolved) of the 15-minute `slots` and of the
 * instants [from, to), then the all-time totals as of `throughAt`.
 */
async function recomputeSlots(
  db: Queryable,
  serviceId: string,
  slots: string[],
  from: string,
  to: string,
  throughAt: string,
) {
  const ranges = sql`(SELECT b AS s, b + interval '15 minutes' AS e FROM unnest(${pgArray(slots)}::timestamptz[]) b
    UNION ALL SELECT ${from}::timestamptz, ${to}::timestamptz)`;
  await db.execute(sql`DELETE FROM dashboard_slot_counts WHERE service_id = ${serviceId}
    AND (slot = ANY(${pgArray(slots)}::timestamptz[]) OR (slot >= ${from}::timestamptz AND slot < ${to}::timestamptz)
      OR figure IN ('open_all', 'unresolved_all'))`);
  await db.execute(sql`
    INSERT INTO dashboard_slot_counts (service_id, slot, figure, key, n)
    SELECT ${serviceId}, date_bin('15 minutes', t.created_at, ${BIN_ORIGIN}::timestamptz), f.figure, f.key, count(*)::int
    FROM ${ranges} r
    JOIN tickets t ON t.service_id = ${serviceId} AND t.spam = false AND t.created_at >= r.s AND t.created_at < r.e
      AND t.status IN ${OPEN_STATUSES}
    CROSS JOIN LATERAL (VALUES
      ('open', CASE WHEN t.status = 'open' THEN t.assignee_id::text END),
      ('unresolved', '')) f(figure, key)
    WHERE f.key IS NOT NULL
    GROUP BY 2, 3, 4`);
  await db.execute(sql`
    INSERT INTO dashboard_slot_counts (service_id, slot, figure, key, n)
    SELECT ${serviceId}, ${throughAt}::timestamptz, figure || '_all', key, sum(n)::int FROM dashboard_slot_counts
    WHERE service_id = ${serviceId} AND figure IN ('open', 'unresolved') AND slot < ${throughAt}::timestamptz
    GROUP BY figure, key`);
}

export type RollupRun = {
  serviceId: string;
  rebuilt: boolean;
  days: number;
  slots: number;
  throughDay: string;
  marks: number;
};

/**
 * One rollup run for a service (idempotent; the job queue is a singleton): in one
 * repeatable-read snapshot, rolls up the days closed since the last run (a day counts as closed
 * SETTLE_MS after it ends in `timeZone`), recomputes the rolled days that ticket changes have
 * marked dirty, and deletes exactly the marks it read (a mark committed meanwhile stays for the
 * next run; until then the dashboard reads that day live). The first run, or a run in another
 * time zone than the rollup's, rebuilds every day.
 */
export async function rollupService(
  db: Db,
  serviceId: string,
  opts: { now?: Date; timeZone?: string } = {},
): Promise<RollupRun> {
  const tz = opts.timeZone ?? appTimeZone();
  const target = addDays(dayOf(new Date((opts.now ?? new Date()).getTime() - SETTLE_MS), tz), -1);
  return db.transaction(
    async (tx) => {
      const state = (
        await tx.execute<{ time_zone: string; through: string; through_at: string }>(
          sql`SELECT time_zone, to_char(through_day, 'YYYY-MM-DD') AS through, through_at::text FROM dashboard_rollups WHERE service_id = ${serviceId} FOR UPDATE`,
        )
      ).rows[0];
      const marks = (
        await tx.execute<{ id: string; day: string; kind: string; bin: string; rolled: boolean }>(
          sql`SELECT id, to_char((bin AT TIME ZONE ${tz})::date, 'YYYY-MM-DD') AS day, kind, bin::text,
            bin < ${state?.through_at ?? '-infinity'}::timestamptz AS rolled
            FROM dashboard_dirty WHERE service_id = ${serviceId}`,
        )
      ).rows;
      const from: string[] = [];
      const to: string[] = [];
      const slots = new Set<string>();
      const rebuilt = !state || state.time_zone !== tz;
      const through = rebuilt || target > state.through ? target : state.through;
      const [{ at: throughAt }] = (
        await tx.execute<{ at: string }>(sql`SELECT ((${through}::date + 1)::timestamp AT TIME ZONE ${tz})::text AS at`)
      ).rows;
      const slotsFrom = rebuilt ? '-infinity' : state.through_at;
      if (rebuilt) {
        from.push('-infinity');
        to.push(target);
      } else {
        // A status or assignee change (kind o) makes its 15-minute slot stale; the rest, its day.
        for (const m of marks) if (m.kind === 'o' && m.rolled) slots.add(m.bin);
        for (const day of new Set(marks.filter((m) => m.kind !== 'o').map((m) => m.day)))
          if (day <= state.through) {
            from.push(day);
            to.push(day);
          }
        if (target > state.through) {
          from.push(addDays(state.through, 1));
          to.push(target);
        }
      }
      if (from.length) await recompute(tx, serviceId, tz, from, to);
      if (rebuilt) await tx.execute(sql`DELETE FROM dashboard_slot_counts WHERE service_id = ${serviceId}`);
      if (rebuilt || slots.size || slotsFrom !== throughAt)
        await recomputeSlots(tx, serviceId, [...slots], slotsFrom, throughAt, throughAt);
      await tx.execute(sql`
        INSERT INTO dashboard_rollups (service_id, time_zone, through_day, through_at)
        VALUES (${serviceId}, ${tz}, ${through}::date, ${throughAt}::timestamptz)
        ON CONFLICT (service_id) DO UPDATE SET time_zone = excluded.time_zone, through_day = excluded.through_day,
          through_at = excluded.through_at, updated_at = now()`);
      if (marks.length)
        await tx.execute(sql`DELETE FROM dashboard_dirty WHERE id = ANY(${pgArray(marks.map((m) => m.id))}::bigint[])`);
      return {
        serviceId,
        rebuilt,
        days: rebuilt ? -1 : from.reduce((n, f, i) => n + daysBetween(f, to[i]), 0),
        slots: slots.size,
        throughDay: through,
        marks: marks.length,
      };
    },
    { isolationLevel: 'repeatable read' },
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/**
 * The cron job: every service's rollup, then the marks of services that no longer exist. After a
 * rebuild it vacuums the rollup tables, so their reads are index-only with fresh statistics at once.
 */
export async function rollupDashboards(db: Db, opts: { now?: Date; timeZone?: string } = {}): Promise<RollupRun[]> {
  const services = (await db.execute<{ id: string }>(sql`SELECT id FROM services ORDER BY id`)).rows;
  const runs: RollupRun[] = [];
  for (const s of services) runs.push(await rollupService(db, s.id, opts));
  await db.execute(
    sql`DELETE FROM dashboard_dirty d WHERE NOT EXISTS (SELECT 1 FROM services s WHERE s.id = d.service_id)`,
  );
  if (runs.some((r) => r.rebuilt)) await vacuumRollup(db);
  return runs;
}

export async function vacuumRollup(db: Db) {
  await db.execute(sql`VACUUM (ANALYZE) dashboard_daily_counts, dashboard_time_counts, dashboard_slot_counts`);
}
