import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { services } from './org';
import { tickets } from './tickets';
import type { MessageFormat, MessageKind, HistoryActor } from '../values';

/** The conversation of a ticket: the inquiry, customer replies, agent replies and internal comments. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MessageKind>().notNull(),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    /** As written: plain text shown escaped, or (format `html`, replies from the rich-text editor) sanitized HTML, sanitized again when shown. */
    body: text('body').notNull(),
    format: text('format').$type<MessageFormat>().notNull().default('text'),
    /** Message-ID of the mail that carried it (sent or received), for threading and de-duplication. */
    mailMessageId: text('mail_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt),
    index('ticket_messages_service_id_idx').on(t.serviceId),
    uniqueIndex('ticket_messages_mail_id_uq').on(t.serviceId, t.mailMessageId),
  ],
);

/**
 * One row per change of a ticket: who (member, customer, system or a trigger), what, before → after.
 * `before`/`after` hold display-ready plain values (ids plus a name where there is one), never an
 * encrypted field's value; `detail` carries extra facts (a reply's message id, a trigger pass).
 */
export const ticketHistory = pgTable(
  'ticket_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    actorType: text('actor_type').$type<HistoryActor>().notNull(),
    actorId: uuid('actor_id').references(() => members.id, { onDelete: 'set null' }),
    /** The trigger whose result made the change (no FK: the row outlives a deleted trigger). */
    triggerId: uuid('trigger_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    field: text('field'),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Insertion order: the lines one change writes share `created_at`, so this keeps them in the order they happened. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('ticket_history_ticket_idx').on(t.ticketId, t.createdAt),
    index('ticket_history_service_id_idx').on(t.serviceId),
  ],
);

/** Files attached to a ticket (and to one of its messages); the bytes live in the attachment store. */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => ticketMessages.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ticket_attachments_ticket_idx').on(t.ticketId),
    index('ticket_attachments_service_id_idx').on(t.serviceId),
  ],
);

export type TicketMessage = typeof ticketMessages.$inferSelect;
export type NewTicketMessage = typeof ticketMessages.$inferInsert;
export type TicketHistoryRow = typeof ticketHistory.$inferSelect;
export type NewTicketHistoryRow = typeof ticketHistory.$inferInsert;
export type TicketAttachment = typeof ticketAttachments.$inferSelect;
