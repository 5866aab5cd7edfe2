import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { groupMembers, groups, members, serviceMembers } from '@/db/schema';
import type { Queryable } from '@/db';

// Inside correlated subqueries the outer table is written `${table}.column`: drizzle leaves
// plain column references unqualified in single-table selects, which the subquery would capture.

/** A service's groups by name, each with its agents in the order they were added. */
export async function listGroups(db: Queryable, serviceId: string) {
  return db
    .select({
      id: groups.id,
      name: groups.name,
      createdAt: groups.createdAt,
      agents: sql<{ id: string; name: string; loginId: string }[]>`coalesce((
        select json_agg(json_build_object('id', sm.id, 'name', m.name, 'loginId', m.login_id) order by gm.seq)
        from ${groupMembers} gm
        join ${serviceMembers} sm on sm.id = gm.agent_id
        join ${members} m on m.id = sm.member_id
        where gm.group_id = ${groups}.id), '[]'::json)`,
    })
    .from(groups)
    .where(eq(groups.serviceId, serviceId))
    .orderBy(asc(groups.name), asc(groups.id));
}
export type GroupListRow = Awaited<ReturnType<typeof listGroups>>[number];

/** A service's groups by name, id and name only (pickers). */
export async function listGroupNames(db: Queryable, serviceId: string) {
  return db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(eq(groups.serviceId, serviceId))
    .orderBy(asc(groups.name));
}

/** The groups of `serviceId` among `ids` (ids of other services are absent), share-locked. */
export async function findGroupsForUpdate(tx: Queryable, serviceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.serviceId, serviceId), inArray(groups.id, ids)))
    .for('share');
}

/** Group names of each agent, by name; agents in no group map to []. */
export async function groupNamesByAgent(
  db: Queryable,
  serviceId: string,
  agentIds: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(agentIds.map((id) => [id, []]));
  if (agentIds.length === 0) return out;
  const rows = await db
    .select({ agentId: groupMembers.agentId, name: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.serviceId, serviceId), inArray(groupMembers.agentId, agentIds)))
    .orderBy(asc(groups.name));
  for (const r of rows) out.get(r.agentId)?.push(r.name);
  return out;
}
