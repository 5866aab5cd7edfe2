import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { services } from './org';
import type { MailLayoutEvent, AfterImport } from '../values';

/** 발신 정보 (SPEC §8): the display name and address every outgoing mail of the service uses. */
export const mailSettings = pgTable('mail_settings', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  senderName: text('sender_name').notNull().default(''),
  senderAddress: text('sender_address').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 메일 레이아웃: per event (해결, 보류, 수동 생성 티켓 처리) and help-center language; must hold `#{content}`. */
export const mailLayouts = pgTable(
  'mail_layouts',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    event: text('event').$type<MailLayoutEvent>().notNull(),
    lang: text('lang').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'mail_layouts_pk', columns: [t.serviceId, t.event, t.lang] })],
);

/**
 * 외부 계정: an IMAP mailbox polled by the worker (receive only). The password is sealed with the
 * master key; `uid_validity`/`last_uid` are the import cursor, advanced in the import's transaction.
 */
export const mailAccounts = pgTable(
  'mail_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    host: text('host').notNull(),
    port: integer('port').notNull().default(993),
    tls: boolean('tls').notNull().default(true),
    username: text('username').notNull(),
    passwordSealed: text('password_sealed').notNull(),
    folder: text('folder').notNull().default('INBOX'),
    active: boolean('active').notNull().default(true),
    afterImport: text('after_import').$type<AfterImport>().notNull().default('seen'),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
    lastPollAt: timestamp('last_poll_at', { withTimezone: true }),
    /** Polls failed in a row: the next poll waits longer (backoff), reset by a good poll. */
    failures: integer('failures').notNull().default(0),
    nextPollAt: timestamp('next_poll_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mail_accounts_service_idx').on(t.serviceId), index('mail_accounts_active_idx').on(t.active)],
);

export type MailSettings = typeof mailSettings.$inferSelect;
export type MailLayout = typeof mailLayouts.$inferSelect;
export type MailAccount = typeof mailAccounts.$inferSelect;
