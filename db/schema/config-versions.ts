import { bigint, text } from 'drizzle-orm/pg-core';
import { pgTable } from 'drizzle-orm/pg-core';

/**
 * A service's configuration version: what the intake path caches per service (intake types and
 * their layouts, category paths and names, groups and their assignable agents, member names,
 * disabled endpoints) is trusted only while this is unchanged. Database triggers (migration
 * 0015) set it from the `service_config_version_seq` sequence on every write to those tables, so
 * every app instance sees a committed change on its next ticket; a number is never reused, not
 * even after a rollback. No row yet means version 0. No foreign key: a deleted service's bump
 * (cascaded deletes) must not fail.
 */
export const serviceConfigVersions = pgTable('service_config_versions', {
  serviceId: text('service_id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
