import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { services } from './org';
import { ticketMessages } from './ticket-activity';
import { tickets } from './tickets';
import type { DeliveryKind, DeliveryStatus } from '../values';

/** Triggers (트리거, SPEC §6): rules as data; active ones run in `position` order. */
export const triggers = pgTable(
  'triggers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    /** Condition rows `{mode, target, operator, value}`, validated on save (lib/triggers/conditions.ts). */
    conditions: jsonb('conditions').$type<unknown[]>().notNull(),
    /** Result rows `{type, …settings}`, each validated by its type's schema on save. */
    results: jsonb('results').$type<unknown[]>().notNull(),
    /** Group ids the trigger names (conditions and results): what blocks a group's deletion. */
    groupIds: uuid('group_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('triggers_service_order_idx').on(t.serviceId, t.active, t.position),
    index('triggers_group_ids_idx').using('gin', t.groupIds),
  ],
);

/**
 * One row per service, bumped by every trigger save: the in-process trigger cache compares it
 * (one primary-key read in the ticket's transaction) so several app instances never run stale rules.
 */
export const triggerVersions = pgTable('trigger_versions', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/** Round-robin cursors, one per assignment result of a trigger, advanced with UPDATE … RETURNING. */
export const triggerCursors = pgTable(
  'trigger_cursors',
  {
    triggerId: uuid('trigger_id')
      .notNull()
      .references(() => triggers.id, { onDelete: 'cascade' }),
    slot: integer('slot').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ name: 'trigger_cursors_pk', columns: [t.triggerId, t.slot] })],
);

/** Per-service signing secret of callback URLs (Standard Webhooks `whsec_…`), wrapped by the master key. */
export const webhookSecrets = pgTable('webhook_secrets', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  sealed: text('sealed').notNull(),
  rotatedAt: timestamp('rotated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type TriggerPassDetail = {
  event: string;
  evaluated: number;
  fired: {
    triggerId: string;
    title: string;
    results: {
      type: string;
      outcome: string;
      reason?: string;
      deliveryIds?: string[];
      changes?: { field: string; before: unknown; after: unknown }[];
    }[];
  }[];
};

/** Every pass over a change (SPEC §6): how many triggers were evaluated and what each fired one did. */
export const triggerRuns = pgTable(
  'trigger_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    detail: jsonb('detail').$type<TriggerPassDetail>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trigger_runs_ticket_idx').on(t.ticketId, t.createdAt),
    index('trigger_runs_service_id_idx').on(t.serviceId),
  ],
);

/** One row per firing of a trigger: the list's last-fired time and 7-day count read it by index. */
export const triggerFirings = pgTable(
  'trigger_firings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    triggerId: uuid('trigger_id')
      .notNull()
      .references(() => triggers.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trigger_firings_trigger_idx').on(t.triggerId, t.firedAt),
    index('trigger_firings_service_id_idx').on(t.serviceId),
  ],
);

/**
 * One outbound effect of a trigger (the outbox): inserted in the ticket change's transaction,
 * delivered by the worker. The id is stable across retries (the `webhook-id`, the mail Message-ID).
 * `request` holds what is sent (rendered once, at enqueue); it never leaves the database in a job payload.
 */
export const triggerDeliveries = pgTable(
  'trigger_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null only for mails of the organization itself (invites), which belong to no service. */
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    triggerId: uuid('trigger_id').references(() => triggers.id, { onDelete: 'set null' }),
    triggerTitle: text('trigger_title').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    /** The agent reply a `reply_mail` carries: the conversation shows its state (대기/발송/실패). */
    ticketMessageId: uuid('ticket_message_id').references(() => ticketMessages.id, { onDelete: 'set null' }),
    kind: text('kind').$type<DeliveryKind>().notNull(),
    /** What the log shows as the destination: a host or a recipient kind, never a full address. */
    target: text('target').notNull(),
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker's claim: no other worker attempts the delivery before it passes. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('trigger_deliveries_trigger_idx').on(t.serviceId, t.triggerId, t.createdAt.desc(), t.id.desc()),
    index('trigger_deliveries_ticket_idx').on(t.ticketId, t.createdAt),
    index('trigger_deliveries_message_idx')
      .on(t.ticketMessageId)
      .where(sql`ticket_message_id IS NOT NULL`),
    index('trigger_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    /** A member's invite and password-reset mails (target `member:{id}`): the members screen shows the latest one's state. */
    index('trigger_deliveries_member_mail_idx')
      .on(t.target, t.createdAt)
      .where(sql`kind = 'invite_mail'`),
    // Empty once lib/triggers/seal-stored-urls.ts has run: the start-up check for clear URLs is one lookup.
    index('trigger_deliveries_clear_url_idx')
      .on(t.id)
      .where(sql`request ? 'url'`),
  ],
);

/** One row per delivery attempt: time, status, latency, error class, the start of the answer; no secrets or PII. */
export const triggerDeliveryAttempts = pgTable(
  'trigger_delivery_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => triggerDeliveries.id, { onDelete: 'cascade' }),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    httpStatus: integer('http_status'),
    latencyMs: integer('latency_ms').notNull(),
    errorClass: text('error_class'),
    response: text('response'),
  },
  (t) => [
    index('trigger_delivery_attempts_delivery_idx').on(t.deliveryId, t.at),
    index('trigger_delivery_attempts_service_id_idx').on(t.serviceId),
  ],
);

/**
 * Endpoints that answered 410 Gone: later effects to them are skipped until a trigger naming them
 * is saved. `url` holds the endpoint's keyed fingerprint (`urlKey`, lib/triggers/endpoint-url.ts),
 * never the URL itself.
 */
export const disabledEndpoints = pgTable(
  'disabled_endpoints',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'disabled_endpoints_pk', columns: [t.serviceId, t.url] })],
);

export type Trigger = typeof triggers.$inferSelect;
export type NewTrigger = typeof triggers.$inferInsert;
export type TriggerDelivery = typeof triggerDeliveries.$inferSelect;
/** A delivery of a service (every kind but the organization's own mails, e.g. invites). */
export type ServiceDelivery = TriggerDelivery & { serviceId: string };
export type TriggerDeliveryAttempt = typeof triggerDeliveryAttempts.$inferSelect;
