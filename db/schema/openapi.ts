import { bigint, boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { services } from './org';
import { tickets } from './tickets';

/** Open API settings of a service (서비스 관리 → 인증): on/off and the IP allow-list. */
export const apiSettings = pgTable('api_settings', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  /** CIDRs (IPv4/IPv6) allowed to call; empty = any address. */
  allowedCidrs: text('allowed_cidrs').array().notNull().default([]),
  /** Requests per minute per key; more are answered 429 with Retry-After. */
  rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(6000),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Service keys. HMAC verification needs the key itself, so it is sealed with the master key
 * (AES-256-GCM bound to the row), never stored in clear; `hint` is its last 4 characters.
 * A rotated-out key keeps working until `expiresAt` (the grace period); a revoked one never.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    sealed: text('sealed').notNull(),
    hint: text('hint').notNull(),
    createdById: uuid('created_by_id').references(() => members.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_keys_service_id_idx').on(t.serviceId, t.createdAt)],
);

/** Uses of a key per UTC day. */
export const apiKeyUsage = pgTable(
  'api_key_usage',
  {
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'api_key_usage_pk', columns: [t.keyId, t.day] })],
);

/** Signatures seen inside the timestamp window: a second request with one is a replay. */
export const apiNonces = pgTable(
  'api_nonces',
  {
    signature: text('signature').primaryKey(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_nonces_seen_at_idx').on(t.seenAt)],
);

/** The end user (`endUser.usercode`) a ticket created through the Open API belongs to. */
export const apiTicketEndUsers = pgTable(
  'api_ticket_end_users',
  {
    ticketId: uuid('ticket_id')
      .primaryKey()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    usercode: text('usercode').notNull(),
    number: integer('number').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_ticket_end_users_usercode_idx').on(t.serviceId, t.usercode, t.number)],
);

/** A file uploaded ahead of a create (`attachments[].attachmentId`); linked to the ticket on create. */
export const apiUploads = pgTable(
  'api_uploads',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_uploads_service_id_idx').on(t.serviceId, t.createdAt)],
);

export type ApiSettings = typeof apiSettings.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type NewApiKey = typeof apiKeys.$inferInsert;
export type ApiTicketEndUser = typeof apiTicketEndUsers.$inferSelect;
export type ApiUpload = typeof apiUploads.$inferSelect;
