import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { groups } from './agents';
import { categories } from './categories';
import { fields } from './fields';
import { members } from './members';
import { services } from './org';
import type { FieldValue, InternalReason, TicketChannel, TicketPriority, TicketStatus } from '../values';

/**
 * Tickets (SPEC §2). Core values (title, inquiry body, types, priority, requester) are columns;
 * the other customer and agent fields live in `ticket_field_values`. A requester column holds
 * the value only when its field is not encrypted; otherwise it is null and the ciphertext sits
 * in `ticket_field_values`.
 *
 * `intake_type_path` / `processing_type_path` copy the category's materialized path so a list
 * can filter "this node and its subtree" with one prefix predicate on the ticket row itself
 * (moving a category rewrites the copies of its subtree, see lib/tickets/category-paths.ts).
 * `version` increases on every change: agent actions carry the version they saw and a stale
 * one is a conflict, never a silent overwrite.
 */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull().default(''),
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    priority: text('priority').$type<TicketPriority>().notNull().default('normal'),
    channel: text('channel').$type<TicketChannel>().notNull().default('manual'),
    language: text('language').notNull().default('ko'),
    requesterName: text('requester_name'),
    requesterEmail: text('requester_email'),
    requesterPhone: text('requester_phone'),
    intakeTypeId: uuid('intake_type_id').references(() => categories.id, { onDelete: 'set null' }),
    intakeTypePath: text('intake_type_path'),
    processingTypeId: uuid('processing_type_id').references(() => categories.id, { onDelete: 'set null' }),
    processingTypePath: text('processing_type_path'),
    assigneeId: uuid('assignee_id').references(() => members.id, { onDelete: 'set null' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
    starred: boolean('starred').notNull().default(false),
    spam: boolean('spam').notNull().default(false),
    internalReason: text('internal_reason').$type<InternalReason>(),
    /** Who last solved / completed it (reports; the "내가 …" menus go by assignee). */
    solvedById: uuid('solved_by_id').references(() => members.id, { onDelete: 'set null' }),
    closedById: uuid('closed_by_id').references(() => members.id, { onDelete: 'set null' }),
    /** Lowercased title, body, requester and plain field values: the text search column. */
    searchText: text('search_text').notNull().default(''),
    /** Message-ID of the first mail of the thread (ours or the customer's). */
    mailThreadId: text('mail_thread_id'),
    version: integer('version').notNull().default(1),
    firstRepliedAt: timestamp('first_replied_at', { withTimezone: true }),
    solvedAt: timestamp('solved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tickets_service_number_uq').on(t.serviceId, t.number),
    index('tickets_service_id_idx').on(t.serviceId),
    // List menus: newest first, keyset on (created_at, id), narrowed by the menu's columns.
    // NULLS FIRST is PostgreSQL's default for DESC, so `ORDER BY created_at DESC, id DESC` reads
    // these indexes in order (drizzle's default, NULLS LAST, did not match and every list sorted). The
    // trailing spam and intake path are checked inside the index while it is walked in order, so
    // a subtree filter fetches only matching rows from the heap (1M tickets: the page of "status
    // closed + a subtree + an agent" went from a 2 s bitmap scan + sort to an ordered scan of a
    // few hundred index entries; see scripts/bench-tickets.ts).
    index('tickets_list_status_idx').on(
      t.serviceId,
      t.spam,
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.intakeTypePath.op('text_pattern_ops'),
    ),
    index('tickets_list_assignee_idx').on(
      t.serviceId,
      t.assigneeId,
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.spam,
      t.intakeTypePath.op('text_pattern_ops'),
    ),
    index('tickets_list_group_idx').on(
      t.serviceId,
      t.groupId,
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
      t.spam,
      t.intakeTypePath.op('text_pattern_ops'),
    ),
    index('tickets_list_created_idx').on(t.serviceId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Subtree first: the capped counts of a subtree filter run as index-only scans of its range.
    index('tickets_intake_path_idx').on(
      t.serviceId,
      t.intakeTypePath.op('text_pattern_ops'),
      t.status,
      t.spam,
      t.assigneeId,
      t.groupId,
    ),
    index('tickets_processing_path_idx').on(t.serviceId, t.processingTypePath.op('text_pattern_ops')),
    index('tickets_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // Two-character terms (환불, 배송: the most common Korean query) give pg_trgm nothing to look up;
    // this GIN over the text's character bigrams finds them (lib/tickets/search.ts, README).
    index('tickets_search_bigram_idx').using('gin', sql`search_bigrams(${t.searchText})`),
    index('tickets_mail_thread_idx').on(t.serviceId, t.mailThreadId),
    // Dashboard (lib/dashboard/report.ts): a period's figures read a range of these alone
    // (index-only scans; the trailing columns are carried, not searched).
    index('tickets_dashboard_created_idx').on(
      t.serviceId,
      t.createdAt,
      t.spam,
      t.channel,
      t.intakeTypeId,
      t.firstRepliedAt,
      t.solvedAt,
    ),
    index('tickets_dashboard_solved_idx').on(t.serviceId, t.solvedAt, t.spam, t.solvedById),
    index('tickets_assignee_id_idx').on(t.assigneeId),
    index('tickets_group_id_idx').on(t.groupId),
  ],
);

/**
 * One row per ticket and field. A value of an encrypted field lives only in `value_encrypted`
 * (AES-256-GCM under the ticket's data key); `value` is then null. `destroy_at` is when the
 * field's 개인정보 파기 rule falls due.
 */
export const ticketFieldValues = pgTable(
  'ticket_field_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => fields.id, { onDelete: 'restrict' }),
    value: jsonb('value').$type<FieldValue>(),
    valueEncrypted: text('value_encrypted'),
    destroyAt: timestamp('destroy_at', { withTimezone: true }),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ticket_field_values_ticket_field_uq').on(t.ticketId, t.fieldId),
    index('ticket_field_values_service_id_idx').on(t.serviceId),
    index('ticket_field_values_field_id_idx').on(t.fieldId),
    // The destruction job's scan: only values still waiting for their time.
    index('ticket_field_values_due_idx')
      .on(t.destroyAt)
      .where(sql`${t.destroyAt} IS NOT NULL AND ${t.destroyedAt} IS NULL`),
  ],
);

/** The per-ticket data key, wrapped by the master key; deleted once nothing encrypted remains. */
export const ticketDataKeys = pgTable('ticket_data_keys', {
  ticketId: uuid('ticket_id')
    .primaryKey()
    .references(() => tickets.id, { onDelete: 'cascade' }),
  serviceId: text('service_id')
    .notNull()
    .references(() => services.id, { onDelete: 'cascade' }),
  wrappedKey: text('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 개인정보 파기 대장: what was destroyed, when, under which rule. Never holds the value. */
export const piiDestructionLedger = pgTable(
  'pii_destruction_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    ticketNumber: integer('ticket_number').notNull(),
    fieldCode: text('field_code').notNull(),
    rule: jsonb('rule').$type<{ days: number; basis: 'closed' | 'created' }>().notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pii_destruction_ledger_service_destroyed_idx').on(t.serviceId, t.destroyedAt),
    index('pii_destruction_ledger_destroyed_idx').on(t.destroyedAt),
  ],
);

export type Ticket = typeof tickets.$inferSelect;
export type TicketFieldValue = typeof ticketFieldValues.$inferSelect;
export type PiiDestruction = typeof piiDestructionLedger.$inferSelect;
