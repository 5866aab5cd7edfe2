import { and, eq } from 'drizzle-orm';
import { groupMembers, groups, serviceMembers } from '@/db/schema';
import { groupNamesByAgent } from '@/db/queries/groups';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { groupReferences } from './group-references';
import { recordGroupChanges } from './record-group-changes';
import type { GroupIdInput } from './schemas';

/**
 * Deletes a group (그룹 삭제); its agents stay agents. Refused while a trigger names the
 * group, with the triggers' titles, since the trigger would silently stop assigning.
 */
export async function deleteGroup(ctx: ServiceCtx, { groupId }: GroupIdInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const [group] = await tx
      .select()
      .from(groups)
      .where(and(eq(groups.serviceId, serviceId), eq(groups.id, groupId)))
      .for('update');
    if (!group) throw new NotFoundError();
    const refs = await groupReferences(tx, serviceId, group.id);
    if (refs.triggers.length) {
      throw new ConflictError('errors.groups.usedByTriggers', {
        name: group.name,
        count: refs.triggers.length,
        triggers: refs.triggers.map((t) => t.title).join(', '),
      });
    }
    const agents = await tx
      .select({ id: serviceMembers.id, memberId: serviceMembers.memberId })
      .from(groupMembers)
      .innerJoin(serviceMembers, eq(serviceMembers.id, groupMembers.agentId))
      .where(eq(groupMembers.groupId, group.id));
    const before = await groupNamesByAgent(
      tx,
      serviceId,
      agents.map((a) => a.id),
    );
    await tx.delete(groups).where(eq(groups.id, group.id));
    await recordGroupChanges(tx, ctx, agents, before);
    return { id: group.id, name: group.name, agents: refs.agents, tickets: refs.tickets };
  });
}
