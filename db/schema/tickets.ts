import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FieldValue } from '@/lib/fields/types';
import { fields } from './fields';
import { services } from './org';

export type TicketStatus = 'new' | 'open' | 'pending' | 'solved' | 'closed' | 'dooray_transferred' | 'dooray_working' | 'dooray_done';

/**
 * Tickets. This is the part the fields issue needs (a row to hang field values, data keys
 * and destruction times on); the tickets issue adds the rest of the model (SPEC §2).
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
    status: text('status').$type<TicketStatus>().notNull().default('new'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tickets_service_number_uq').on(t.serviceId, t.number), index('tickets_service_id_idx').on(t.serviceId)],
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
    index('ticket_field_values_due_idx').on(t.destroyAt).where(sql`${t.destroyAt} IS NOT NULL AND ${t.destroyedAt} IS NULL`),
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
  (t) => [index('pii_destruction_ledger_service_destroyed_idx').on(t.serviceId, t.destroyedAt), index('pii_destruction_ledger_destroyed_idx').on(t.destroyedAt)],
);

export type Ticket = typeof tickets.$inferSelect;
export type TicketFieldValue = typeof ticketFieldValues.$inferSelect;
export type PiiDestruction = typeof piiDestructionLedger.$inferSelect;
