import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type MemberStatus = 'invited' | 'active' | 'deactivated';
export type UiLocale = 'ko' | 'en';

/** People who can log in (IAM 회원). */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    loginId: text('login_id').notNull(),
    email: text('email').notNull(),
    /** argon2id; null until the invite is accepted. */
    passwordHash: text('password_hash'),
    isOrgAdmin: boolean('is_org_admin').notNull().default(false),
    status: text('status').$type<MemberStatus>().notNull().default('invited'),
    locale: text('locale').$type<UiLocale>().notNull().default('ko'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Login IDs and e-mails are compared case-insensitively, so uniqueness is too.
    uniqueIndex('members_login_id_lower_uq').on(sql`lower(${t.loginId})`),
    uniqueIndex('members_email_lower_uq').on(sql`lower(${t.email})`),
    index('members_created_id_idx').on(t.createdAt, t.id),
    // 상담원 추가's member search pages by (name, id).
    index('members_name_id_idx').on(t.name, t.id),
  ],
);

/** One-time invite links; only the SHA-256 of the token is stored. */
export const memberInvites = pgTable(
  'member_invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_invites_token_hash_uq').on(t.tokenHash),
    index('member_invites_member_id_idx').on(t.memberId),
  ],
);

/** Server-side sessions: the next-auth token only carries `id`, checked here on every request. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_member_id_idx').on(t.memberId)],
);

export type Member = typeof members.$inferSelect;
export type NewMember = typeof members.$inferInsert;
export type MemberInvite = typeof memberInvites.$inferSelect;
export type Session = typeof sessions.$inferSelect;
