import {
  bigserial,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { services } from './org';

/**
 * The dashboard's daily rollup (lib/dashboard/rollup.ts): one row per service saying which days
 * are rolled up, in which time zone. Days up to `throughDay` (calendar days in `timeZone`) are
 * read from the rollup tables unless marked dirty; later days are the live tail, read from
 * `tickets`. A changed time zone makes the whole rollup stale (rebuilt by the next run).
 */
export const dashboardRollups = pgTable('dashboard_rollups', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull(),
  throughDay: date('through_day', { mode: 'string' }).notNull(),
  /** The instant `throughDay` ends in `timeZone`: the slot counts cover tickets received before it. */
  throughAt: timestamp('through_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What a daily count counts (`key` in brackets): see rollup.ts for each definition. */
export const DASHBOARD_FIGURES = [
  'received',
  'solved',
  'intake',
  'open',
  'unresolved',
  'open_all',
  'unresolved_all',
] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

/**
 * Counts per service × calendar day × figure × key (received: channel; solved: solver or '';
 * intake: intake type). A day without tickets has no rows.
 */
export const dashboardDailyCounts = pgTable(
  'dashboard_daily_counts',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    figure: text('figure').$type<DashboardFigure>().notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dashboard_daily_counts_pk', columns: [t.serviceId, t.figure, t.day, t.key] }),
    // The reads: index-only over a figure's days (30 days of 300 intake types are 9,000 rows).
    index('dashboard_daily_counts_read_idx').on(t.serviceId, t.figure, t.day, t.key, t.n),
  ],
);

export const DASHBOARD_SLOT_FIGURES = ['open', 'unresolved', 'open_all', 'unresolved_all'] as const;
export type DashboardSlotFigure = (typeof DASHBOARD_SLOT_FIGURES)[number];

/**
 * The all-time figures (open tickets per agent, the unresolved backlog), counted per 15-minute
 * slot of `created_at` (open: key = assignee; unresolved: key ''), so a status change marks only
 * its slot stale, not its whole day. `open_all` / `unresolved_all` (slot = the rollup's
 * `throughAt`) sum every rolled slot: the figures read one row per key plus the stale slots.
 */
export const dashboardSlotCounts = pgTable(
  'dashboard_slot_counts',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    slot: timestamp('slot', { withTimezone: true }).notNull(),
    figure: text('figure').$type<DashboardSlotFigure>().notNull(),
    key: text('key').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dashboard_slot_counts_pk', columns: [t.serviceId, t.figure, t.slot, t.key] }),
    index('dashboard_slot_counts_read_idx').on(t.serviceId, t.figure, t.slot, t.key, t.n),
  ],
);

/**
 * The first-response and resolution times (minutes, sorted) of the tickets received on a day:
 * the samples the period's median and p90 are computed from, exactly as from `tickets`.
 */
export const dashboardDailyTimes = pgTable(
  'dashboard_daily_times',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    firstResponse: doublePrecision('first_response').array().notNull(),
    resolution: doublePrecision('resolution').array().notNull(),
  },
  (t) => [primaryKey({ name: 'dashboard_daily_times_pk', columns: [t.serviceId, t.day] })],
);

/**
 * Instants (15-minute bins, which no time zone splits across two days) whose rolled-up day a
 * ticket change has made stale, written by triggers on `tickets` (migration 0019): the reader
 * computes those days live, and the next rollup run recomputes them and deletes the rows it read.
 * No foreign key: a deleted service's rows are dropped by the next run.
 */
export const dashboardDirty = pgTable(
  'dashboard_dirty',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    serviceId: text('service_id').notNull(),
    bin: timestamp('bin', { withTimezone: true }).notNull(),
    /**
     * Which figures the change moved: c = received/intake, t = first-response/resolution times
     * (by created day), o = open/unresolved (by created day), s = solved (by solved day).
     */
    kind: text('kind').$type<'c' | 't' | 'o' | 's'>().notNull(),
  },
  (t) => [index('dashboard_dirty_service_idx').on(t.serviceId, t.bin)],
);
