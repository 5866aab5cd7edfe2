import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members } from './members';
import { services } from './org';
import { tickets } from './tickets';
import { triggerDeliveries } from './triggers';
import type { DoorayTaskState, DoorayEventKind, SmsApiVersion, SmsState } from '../values';

/**
 * Dooray! per service (SPEC §12): 이관 활성화 / 일시 중지 and the inbound hook's secret token.
 * The token is sealed (it must be shown again: admins paste the whole URL into Dooray).
 */
export const doorayConfigs = pgTable('dooray_configs', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  paused: boolean('paused').notNull().default(false),
  hookTokenSealed: text('hook_token_sealed').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 조직 등록: one Dooray organization per service; the tenant token is sealed. */
export const doorayOrgs = pgTable('dooray_orgs', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  doorayOrgId: text('dooray_org_id').notNull(),
  tenantTokenSealed: text('tenant_token_sealed').notNull(),
  /** https://api.dooray.com unless the organization lives elsewhere (gov cloud, a closed network, a test server). */
  apiBaseUrl: text('api_base_url').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 프로젝트 등록: a project of the service's Dooray organization and its representative registrant. */
export const doorayProjects = pgTable(
  'dooray_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    address: text('address').notNull(),
    doorayProjectId: text('dooray_project_id').notNull(),
    registrantId: uuid('registrant_id').references(() => members.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dooray_projects_service_project_uq').on(t.serviceId, t.doorayProjectId),
    index('dooray_projects_registrant_idx').on(t.registrantId),
  ],
);

/**
 * One Dooray 이관 of a ticket. `post_id` is null until the worker has created the task;
 * `state` only moves forward (transferred → working → done), which is what makes a
 * replayed or late webhook a no-op.
 */
export const doorayTasks = pgTable(
  'dooray_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => doorayProjects.id, { onDelete: 'set null' }),
    doorayProjectId: text('dooray_project_id').notNull(),
    postId: text('post_id'),
    taskUrl: text('task_url'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    state: text('state').$type<DoorayTaskState>().notNull().default('transferred'),
    actingMemberId: uuid('acting_member_id').references(() => members.id, { onDelete: 'set null' }),
    /** Whose Dooray identity created the task: 'agent' or 'registrant' (null until created). */
    createdAs: text('created_as'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dooray_tasks_ticket_idx').on(t.ticketId, t.createdAt),
    index('dooray_tasks_service_id_idx').on(t.serviceId),
    index('dooray_tasks_project_id_idx').on(t.projectId),
    uniqueIndex('dooray_tasks_post_uq').on(t.serviceId, t.doorayProjectId, t.postId),
  ],
);

/**
 * The Dooray conversation of a ticket, stored as it happened so the tab renders without calling
 * Dooray. `dooray_id` is Dooray's id of a comment (ours once created, theirs when received):
 * unique per task, so a replayed comment or the echo of our own is never shown twice.
 */
export const doorayEvents = pgTable(
  'dooray_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => doorayTasks.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<DoorayEventKind>().notNull(),
    authorId: uuid('author_id').references(() => members.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    body: text('body'),
    workflowClass: text('workflow_class'),
    doorayId: text('dooray_id'),
    deliveryId: uuid('delivery_id').references(() => triggerDeliveries.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dooray_events_ticket_idx').on(t.ticketId, t.createdAt),
    index('dooray_events_service_id_idx').on(t.serviceId),
    index('dooray_events_delivery_idx').on(t.deliveryId),
    index('dooray_events_author_idx').on(t.authorId),
    uniqueIndex('dooray_events_dooray_id_uq')
      .on(t.taskId, t.doorayId)
      .where(sql`dooray_id IS NOT NULL`),
  ],
);

/** NHN Cloud SMS per service: sealed app key (and secret key for v3.0), the senders agents may use. */
export const smsConfigs = pgTable('sms_configs', {
  serviceId: text('service_id')
    .primaryKey()
    .references(() => services.id, { onDelete: 'cascade' }),
  apiVersion: text('api_version').$type<SmsApiVersion>().notNull().default('v3.0'),
  apiBaseUrl: text('api_base_url').notNull(),
  appKeySealed: text('app_key_sealed').notNull(),
  secretKeySealed: text('secret_key_sealed'),
  /** Sender numbers the provider listed when the key was last validated. */
  registeredSenders: jsonb('registered_senders').$type<string[]>().notNull().default([]),
  allowedSenders: jsonb('allowed_senders').$type<string[]>().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One SMS/LMS sent from a ticket. `click_key` is made by the send dialog once per click, so a
 * double submit or a retried request inserts nothing twice; the provider's request id is kept.
 */
export const smsMessages = pgTable(
  'sms_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    clickKey: uuid('click_key').notNull(),
    type: text('type').$type<'sms' | 'lms'>().notNull(),
    senderNo: text('sender_no').notNull(),
    /** The number sealed to this row (a requester's phone may be an encrypted field); shown masked. */
    recipientSealed: text('recipient_sealed').notNull(),
    recipientMasked: text('recipient_masked').notNull(),
    title: text('title'),
    body: text('body').notNull(),
    state: text('state').$type<SmsState>().notNull().default('pending'),
    requestId: text('request_id'),
    resultCode: text('result_code'),
    resultMessage: text('result_message'),
    deliveryId: uuid('delivery_id').references(() => triggerDeliveries.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sms_messages_click_uq').on(t.serviceId, t.clickKey),
    index('sms_messages_ticket_idx').on(t.ticketId, t.createdAt),
    index('sms_messages_member_idx').on(t.memberId),
    index('sms_messages_delivery_idx').on(t.deliveryId),
  ],
);

export type DoorayConfig = typeof doorayConfigs.$inferSelect;
export type DoorayOrg = typeof doorayOrgs.$inferSelect;
export type DoorayProject = typeof doorayProjects.$inferSelect;
export type DoorayTask = typeof doorayTasks.$inferSelect;
export type DoorayEvent = typeof doorayEvents.$inferSelect;
export type SmsConfig = typeof smsConfigs.$inferSelect;
export type SmsMessage = typeof smsMessages.$inferSelect;
