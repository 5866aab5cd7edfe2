import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { fields } from './fields';
import { services } from './org';
import type { FieldCryptoStatus } from '../values';

/**
 * A background run that encrypts (or decrypts) a field's stored values after 암호화 was switched
 * on (or off): how many values it found and how many it has converted, shown on the field screen.
 */
export const fieldCryptoRuns = pgTable(
  'field_crypto_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    fieldId: uuid('field_id')
      .notNull()
      .references(() => fields.id, { onDelete: 'cascade' }),
    /** true: plain → encrypted; false: encrypted → plain. */
    encrypt: boolean('encrypt').notNull(),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    status: text('status').$type<FieldCryptoStatus>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('field_crypto_runs_field_idx').on(t.fieldId, t.createdAt),
    index('field_crypto_runs_service_id_idx').on(t.serviceId),
    index('field_crypto_runs_open_idx')
      .on(t.createdAt)
      .where(sql`${t.status} <> 'done'`),
  ],
);
export type FieldCryptoRun = typeof fieldCryptoRuns.$inferSelect;
