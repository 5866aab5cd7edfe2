import { and, arrayContains, asc, count, eq } from 'drizzle-orm';
import { groupMembers, groups, tickets, triggers } from '@/db/schema';
import type { Queryable } from '@/db';
import { NotFoundError } from '@/lib/errors';
import type { GroupIdInput } from './schemas';

export type GroupReferences = {
  /** Agents in the group. */
  agents: number;
  /** Triggers whose conditions or results name the group; deleting is refused while any do. */
  triggers: { id: string; title: string }[];
  /** Tickets assigned to the group; they keep working and lose the group when it goes. */
  tickets: number;
};

/**
 * Everything that refers to a group: the single place the delete check and its confirm
 * dialog read.
 */
export async function groupReferences(db: Queryable, serviceId: string, groupId: string): Promise<GroupReferences> {
  const [agents] = await db
    .select({ n: count() })
    .from(groupMembers)
    .where(and(eq(groupMembers.serviceId, serviceId), eq(groupMembers.groupId, groupId)));
  const [assigned] = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.serviceId, serviceId), eq(tickets.groupId, groupId)));
  // triggers.group_ids is kept by every trigger save (conditions and results naming a group); GIN-indexed.
  const using = await db
    .select({ id: triggers.id, title: triggers.title })
    .from(triggers)
    .where(and(eq(triggers.serviceId, serviceId), arrayContains(triggers.groupIds, [groupId])))
    .orderBy(asc(triggers.title));
  return { agents: agents.n, triggers: using, tickets: assigned.n };
}

/** A group's references for its delete confirmation; another service's group is not found. */
export async function groupUsage(
  ctx: { db: Queryable; service: { id: string } },
  { groupId }: GroupIdInput,
): Promise<GroupReferences & { name: string }> {
  const [group] = await ctx.db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.serviceId, ctx.service.id), eq(groups.id, groupId)));
  if (!group) throw new NotFoundError();
  return { name: group.name, ...(await groupReferences(ctx.db, ctx.service.id, group.id)) };
}
