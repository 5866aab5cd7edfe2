import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { categories } from './categories';
import { members } from './members';
import { services } from './org';
import type { TemplateScope } from '../values';

/**
 * Reply templates (템플릿 관리, SPEC §10). `service_id` is the service that created the template;
 * scope `service` (전용) is seen there only, `shared` (공용) in every service of the organization
 * (one deployment = one organization) and is editable by org admins and that service's admins.
 *
 * Search codes are unique per service among the templates the service sees; the index covers
 * the owner's own templates and the verb checks the shared ones under an advisory lock.
 */
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    scope: text('scope').$type<TemplateScope>().notNull().default('service'),
    title: text('title').notNull(),
    content: text('content').notNull().default(''),
    searchCode: text('search_code'),
    useCount: integer('use_count').notNull().default(0),
    createdBy: uuid('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The list pages newest first: the service's own templates, and the shared ones of all services.
    index('templates_service_created_idx').on(t.serviceId, t.createdAt, t.id),
    index('templates_shared_created_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.scope} = 'shared'`),
    index('templates_service_code_idx').on(t.serviceId, sql`lower(${t.searchCode})`),
    index('templates_shared_code_idx')
      .on(sql`lower(${t.searchCode})`)
      .where(sql`${t.scope} = 'shared'`),
    check('templates_scope_ck', sql`${t.scope} IN ('service', 'shared')`),
  ],
);

/**
 * Template ↔ processing type (처리유형) links, per service: a shared template is linked to each
 * service's own processing types. Reads join live categories only, so links to a deleted
 * (soft-deleted) type disappear with it, whichever path deleted it.
 */
export const templateLinks = pgTable(
  'template_links',
  {
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'template_links_pk', columns: [t.templateId, t.categoryId] }),
    index('template_links_category_idx').on(t.categoryId),
    index('template_links_service_template_idx').on(t.serviceId, t.templateId),
  ],
);

export type Template = typeof templates.$inferSelect;
export type NewTemplate = typeof templates.$inferInsert;
export type TemplateLink = typeof templateLinks.$inferSelect;
