import 'server-only';
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { groupMembers, groups, members, serviceMembers, services } from '@/db/schema';
import type { Queryable } from '@/db';
import { likePattern } from '@/db/like';
import { afterCursor, cursorTime, type TimeCursor } from '@/db/pagination';

export const AGENTS_PAGE = 50;
export const AGENT_OPTIONS_LIMIT = 50;

const groupsOf = sql<{ id: string; name: string }[]>`coalesce((
  select json_agg(json_build_object('id', g.id, 'name', g.name) order by g.name)
  from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
  where gm.agent_id = ${serviceMembers}.id), '[]'::json)`;

const agentColumns = {
  id: serviceMembers.id,
  memberId: serviceMembers.memberId,
  name: members.name,
  loginId: members.loginId,
  email: members.email,
  memberStatus: members.status,
  isOrgAdmin: members.isOrgAdmin,
  role: serviceMembers.role,
  channels: serviceMembers.channels,
  canTransfer: serviceMembers.canTransfer,
  canViewLogs: serviceMembers.canViewLogs,
  assignable: serviceMembers.assignable,
  selfControl: serviceMembers.selfControl,
  doorayUserKey: serviceMembers.doorayUserKey,
  createdAt: serviceMembers.createdAt,
  groups: groupsOf,
};

/** A service's agents in the order they were added, keyset-paginated, optionally searched. */
export async function listAgents(db: Queryable, params: { serviceId: string; q?: string; after?: TimeCursor }) {
  const conds: SQL[] = [eq(serviceMembers.serviceId, params.serviceId)];
  if (params.q) {
    const like = likePattern(params.q);
    conds.push(or(ilike(members.name, like), ilike(members.loginId, like), ilike(members.email, like))!);
  }
  if (params.after) {
    conds.push(afterCursor(serviceMembers.createdAt, serviceMembers.id, params.after));
  }
  return db
    .select({ ...agentColumns, cursor: cursorTime(serviceMembers.createdAt) })
    .from(serviceMembers)
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(and(...conds))
    .orderBy(asc(serviceMembers.createdAt), asc(serviceMembers.id))
    .limit(AGENTS_PAGE + 1);
}
export type AgentListRow = Awaited<ReturnType<typeof listAgents>>[number];

/** One agent of the service, or null (an agent of another service is null too). */
export async function getAgent(db: Queryable, serviceId: string, agentId: string) {
  const [row] = await db
    .select(agentColumns)
    .from(serviceMembers)
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(and(eq(serviceMembers.serviceId, serviceId), eq(serviceMembers.id, agentId)))
    .limit(1);
  return row ?? null;
}

/**
 * The agents of `serviceId` among `ids`, share-locked inside a transaction so none is
 * removed before the caller's writes commit. Ids of other services are simply absent.
 */
export async function findAgentsForUpdate(tx: Queryable, serviceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: serviceMembers.id, memberId: serviceMembers.memberId })
    .from(serviceMembers)
    .where(and(eq(serviceMembers.serviceId, serviceId), inArray(serviceMembers.id, ids)))
    .for('share');
}

/** Agents for pickers and filters (id, name, login ID), by name, at most `limit`. */
export async function listAgentOptions(db: Queryable, params: { serviceId: string; q?: string; limit?: number }) {
  const conds: SQL[] = [eq(serviceMembers.serviceId, params.serviceId)];
  if (params.q) {
    const like = likePattern(params.q);
    conds.push(or(ilike(members.name, like), ilike(members.loginId, like))!);
  }
  return db
    .select({ id: serviceMembers.id, memberId: serviceMembers.memberId, name: members.name, loginId: members.loginId })
    .from(serviceMembers)
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(and(...conds))
    .orderBy(asc(members.name), asc(serviceMembers.id))
    .limit(params.limit ?? AGENT_OPTIONS_LIMIT);
}

/** The member's own agent rows, one per service (personal settings). */
export async function listOwnAgentRows(db: Queryable, memberId: string) {
  return db
    .select({
      agentId: serviceMembers.id,
      serviceId: services.id,
      serviceName: services.name,
      role: serviceMembers.role,
      assignable: serviceMembers.assignable,
      selfControl: serviceMembers.selfControl,
    })
    .from(serviceMembers)
    .innerJoin(services, eq(services.id, serviceMembers.serviceId))
    .where(eq(serviceMembers.memberId, memberId))
    .orderBy(asc(services.name));
}
