import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { services } from './org';

/**
 * Help-center form tokens already used: the token itself is signed and carries its expiry,
 * this table only makes it single-use (a replayed form hits the primary key). Rows older
 * than the token lifetime are useless and are swept.
 */
export const helpcenterFormTokens = pgTable(
  'helpcenter_form_tokens',
  {
    id: uuid('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('helpcenter_form_tokens_service_id_idx').on(t.serviceId),
    index('helpcenter_form_tokens_used_at_idx').on(t.usedAt),
  ],
);

export type HelpcenterFormToken = typeof helpcenterFormTokens.$inferSelect;
