import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { services } from './org';
import { tickets } from './tickets';

/**
 * The unsent reply of one agent on one ticket, saved as they type (server-side, so it follows
 * them to another browser) and removed when the reply is sent or emptied.
 */
export const replyDrafts = pgTable(
  'reply_drafts',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'reply_drafts_pk', columns: [t.ticketId, t.memberId] }),
    index('reply_drafts_member_idx').on(t.memberId),
  ],
);

export type ReplyDraft = typeof replyDrafts.$inferSelect;
