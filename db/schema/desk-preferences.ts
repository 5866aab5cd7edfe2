import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { services } from './org';

/**
 * An agent's named filter of the ticket list (저장한 필터), kept per service on the server so it
 * follows them to another browser. `query` is the list's normalized query string (menu and filters,
 * never a cursor), re-read through parseListParams when applied.
 */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('saved_filters_member_name_uq').on(t.serviceId, t.memberId, t.name),
    index('saved_filters_member_idx').on(t.memberId),
  ],
);

/** One agent's desk preferences in one service: today the ticket list's visible columns, in order. */
export const deskPreferences = pgTable(
  'desk_preferences',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    listColumns: jsonb('list_columns').$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'desk_preferences_pk', columns: [t.serviceId, t.memberId] }),
    index('desk_preferences_member_idx').on(t.memberId),
  ],
);

export type SavedFilter = typeof savedFilters.$inferSelect;
export type NewSavedFilter = typeof savedFilters.$inferInsert;
export type DeskPreferences = typeof deskPreferences.$inferSelect;
export type NewDeskPreferences = typeof deskPreferences.$inferInsert;
