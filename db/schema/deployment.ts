import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Facts about the deployment that every instance must agree on, written once by the first
 * start. `master_key`: an HMAC under APP_ENCRYPTION_KEY of a constant (never the key), so an
 * instance started with another key refuses to start instead of writing data nobody can read.
 */
export const deploymentKeys = pgTable('deployment_keys', {
  name: text('name').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
