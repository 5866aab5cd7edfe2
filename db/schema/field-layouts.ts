import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { categories } from './categories';
import type { FieldAudience } from './fields';
import { services } from './org';

/**
 * Field layouts (필드 설정): the ordered field ids of one intake type's customer form, of the
 * service's default customer form (`intake_type_id` null), or of the agent form (always
 * null). An intake type without a row inherits its nearest ancestor's layout. The ids are
 * kept valid by the layout verbs and by field deletion (array_remove).
 */
export const fieldLayouts = pgTable(
  'field_layouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    audience: text('audience').$type<FieldAudience>().notNull(),
    intakeTypeId: uuid('intake_type_id').references(() => categories.id, { onDelete: 'cascade' }),
    fieldIds: uuid('field_ids').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('field_layouts_scope_uq').on(t.serviceId, t.audience, t.intakeTypeId).nullsNotDistinct(),
    index('field_layouts_intake_type_id_idx').on(t.intakeTypeId),
  ],
);

export type FieldLayout = typeof fieldLayouts.$inferSelect;
