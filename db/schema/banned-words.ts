import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { services } from './org';

/**
 * Banned words (금칙어, SPEC §9). `word` is what the admin typed (trimmed), `match_key` its
 * normalized form (lib/banned-words/normalize.ts): two words with the same key would match
 * exactly the same texts, so the key is what "no duplicates" compares.
 */
export const bannedWords = pgTable(
  'banned_words',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    word: text('word').notNull(),
    matchKey: text('match_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('banned_words_service_created_idx').on(t.serviceId, t.createdAt, t.id),
    uniqueIndex('banned_words_service_key_uq').on(t.serviceId, t.matchKey),
  ],
);

/**
 * One row per service whose list changed: `version` is bumped in the same transaction as every
 * change, so each app instance keeps its compiled matcher until one indexed primary-key read
 * shows a newer version.
 */
export const bannedWordVersions = pgTable('banned_word_versions', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

export type BannedWord = typeof bannedWords.$inferSelect;
