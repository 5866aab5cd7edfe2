import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { services } from './org';

export type AccessEvent =
  | 'login'
  | 'logout'
  | 'login_failed'
  | 'lockout'
  | 'unlock'
  | 'password_changed'
  | 'password_reset_requested'
  | 'password_reset'
  | 'invite_sent'
  | 'invite_accepted'
  | 'member_deactivated'
  | 'member_reactivated'
  | 'agent_added'
  | 'agent_removed'
  | 'permission_changed'
  | 'pii_unmasked'
  | 'secret_revealed'
  | 'export';

/**
 * Access log (접속 로그), kept at least two years. Rows are never updated; members are
 * referenced with SET NULL so the log outlives them, and `subject` keeps the login name.
 */
export const accessLogs = pgTable(
  'access_logs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    serviceId: text('service_id').references(() => services.id, { onDelete: 'set null' }),
    /** The member the event is about (who logged in, whose permission changed). */
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    /** Who did it, when someone else than the member (an admin changing a permission). */
    actorId: uuid('actor_id').references(() => members.id, { onDelete: 'set null' }),
    /** The login ID as typed or known, so failed logins for unknown IDs are still readable. */
    subject: text('subject'),
    event: text('event').$type<AccessEvent>().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Keyset pagination walks (created_at, id) newest first, overall, per member and per service.
    index('access_logs_created_id_idx').on(t.createdAt, t.id),
    index('access_logs_member_created_id_idx').on(t.memberId, t.createdAt, t.id),
    index('access_logs_service_created_id_idx').on(t.serviceId, t.createdAt, t.id),
  ],
);

export type AccessLog = typeof accessLogs.$inferSelect;
export type NewAccessLog = typeof accessLogs.$inferInsert;
