import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FieldOption, FieldType, FieldValue } from '../values';
import { services } from './org';

export type FieldAudience = 'customer' | 'agent';
export type DestroyBasis = 'closed' | 'created';
/** A per-language text map, e.g. `{ ko: "이름", en: "Name" }`. */
export type LangText = Record<string, string>;

/**
 * Field definitions (필드 관리). Deleting a custom field only sets `deleted_at`: the row stays
 * as the permanent record of its code, and the unique index over every row (deleted or not)
 * is what makes a code never reusable.
 */
export const fields = pgTable(
  'fields',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    audience: text('audience').$type<FieldAudience>().notNull(),
    code: text('code').notNull(),
    type: text('type').$type<FieldType>().notNull(),
    /** Set for the fields every service is created with; they are reset, never deleted. */
    isSystem: boolean('is_system').notNull().default(false),
    names: jsonb('names').$type<LangText>().notNull(),
    descriptions: jsonb('descriptions').$type<LangText>().notNull().default({}),
    placeholders: jsonb('placeholders').$type<LangText>().notNull().default({}),
    visible: boolean('visible').notNull().default(true),
    required: boolean('required').notNull().default(false),
    encrypted: boolean('encrypted').notNull().default(false),
    destroyAfterDays: integer('destroy_after_days'),
    destroyBasis: text('destroy_basis').$type<DestroyBasis>(),
    options: jsonb('options').$type<FieldOption[]>().notNull().default([]),
    /** 0 = unlimited. */
    maxLength: integer('max_length').notNull().default(0),
    defaultValue: jsonb('default_value').$type<FieldValue | null>(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fields_service_code_uq').on(t.serviceId, sql`lower(${t.code})`),
    index('fields_service_audience_idx').on(t.serviceId, t.audience),
  ],
);

export type Field = typeof fields.$inferSelect;
export type NewField = typeof fields.$inferInsert;
