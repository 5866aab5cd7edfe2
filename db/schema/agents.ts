import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { members } from './members';
import { services } from './org';

export type AgentRole = 'admin' | 'agent';
export type AgentChannel = 'ticket';

/** Agents (상담원): members added to a service, with the permissions of SPEC §1. */
export const serviceMembers = pgTable(
  'service_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    role: text('role').$type<AgentRole>().notNull().default('agent'),
    channels: text('channels')
      .array()
      .$type<AgentChannel[]>()
      .notNull()
      .default(sql`'{ticket}'::text[]`),
    canTransfer: boolean('can_transfer').notNull().default(false),
    canViewLogs: boolean('can_view_logs').notNull().default(false),
    assignable: boolean('assignable').notNull().default(true),
    selfControl: boolean('self_control').notNull().default(false),
    doorayUserKey: text('dooray_user_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_members_service_member_uq').on(t.serviceId, t.memberId),
    index('service_members_member_id_idx').on(t.memberId),
    // The agent list pages through a service's agents in the order they were added.
    index('service_members_service_created_idx').on(t.serviceId, t.createdAt, t.id),
  ],
);

/** Groups (그룹) of agents within a service. */
export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('groups_service_id_idx').on(t.serviceId),
    uniqueIndex('groups_service_name_uq').on(t.serviceId, sql`lower(${t.name})`),
  ],
);

/** Group membership; `seq` keeps the order agents were added (round-robin follows it). */
export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => serviceMembers.id, { onDelete: 'cascade' }),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'group_members_pk', columns: [t.groupId, t.agentId] }),
    index('group_members_agent_id_idx').on(t.agentId),
    // listAssignableAgents and round-robin read a group's agents in the order they were added.
    index('group_members_group_seq_idx').on(t.groupId, t.seq),
    index('group_members_service_id_idx').on(t.serviceId),
  ],
);

export type ServiceMember = typeof serviceMembers.$inferSelect;
export type NewServiceMember = typeof serviceMembers.$inferInsert;
export type Group = typeof groups.$inferSelect;
export type GroupMember = typeof groupMembers.$inferSelect;
