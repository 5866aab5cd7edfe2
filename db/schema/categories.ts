import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { services } from './org';
import type { CategoryKind } from '../values';

export const MAX_CATEGORY_DEPTH = 5;

/**
 * Ticket categories (SPEC §4): two trees per service, intake types (접수유형) and
 * processing types (처리유형), up to 5 levels.
 *
 * Tree storage is a materialized path: `path` is `/<root id>/…/<own id>/`. A subtree is
 * `path LIKE '<node path>%'`, answered by the `text_pattern_ops` btree index with one range
 * scan — the ticket lists and triggers of later issues filter "a node and its descendants"
 * with one indexed predicate instead of a recursive query per row. With at most 5 levels a
 * path is short and a move rewrites only the moved subtree.
 *
 * `name` is the default-language name, trimmed; it is what uniqueness compares and what ticket
 * history keeps. For intake types `names` holds every help-center language (`names[default]`
 * equals `name`); other languages fall back to `name`. Uniqueness is on the default-language
 * name only: it is the one name every category must have and the one agents see when a
 * translation is missing, so two categories that agents could not tell apart never exist,
 * while translations may coincide (e.g. an English loanword kept in several languages).
 *
 * Deleting is soft (`deleted_at`): the row, and so its name and path, stay for ticket history;
 * the unique index is partial, so a deleted name can be used again.
 */
export const categories = pgTable(
  'categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<CategoryKind>().notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: smallint('depth').notNull(),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    names: jsonb('names').$type<Record<string, string>>().notNull().default({}),
    active: boolean('active').notNull().default(true),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'categories_parent_id_fk', columns: [t.parentId], foreignColumns: [t.id] }).onDelete('cascade'),
    index('categories_service_id_idx').on(t.serviceId),
    index('categories_siblings_idx')
      .on(t.serviceId, t.kind, t.parentId, t.position)
      .where(sql`${t.deletedAt} IS NULL`),
    index('categories_path_idx').using('btree', t.path.op('text_pattern_ops')),
    uniqueIndex('categories_level_name_uq')
      .on(t.serviceId, t.kind, t.depth, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
    check('categories_kind_ck', sql`${t.kind} IN ('intake', 'processing')`),
    // A move first parks the subtree at negative depths (see lib/categories/move.ts).
    check('categories_depth_ck', sql`abs(${t.depth}) BETWEEN 1 AND 5`),
  ],
);

export type Category = typeof categories.$inferSelect;
export type NewCategory = typeof categories.$inferInsert;
