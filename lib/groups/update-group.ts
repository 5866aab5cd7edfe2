import { and, asc, eq, inArray } from 'drizzle-orm';
import { groupMembers, groups, serviceMembers } from '@/db/schema';
import { findAgentsForUpdate } from '@/db/queries/agents';
import { groupNamesByAgent } from '@/db/queries/groups';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
import { recordGroupChanges } from './record-group-changes';
import type { UpdateGroupInput } from './schemas';

/**
 * Renames a group and sets its agents (그룹 수정). Agents who stay keep their place in
 * the round-robin order; newcomers are appended in the order given.
 */
export async function updateGroup(ctx: ServiceCtx, input: UpdateGroupInput) {
  const serviceId = ctx.service.id;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [group] = await tx
        .select()
        .from(groups)
        .where(and(eq(groups.serviceId, serviceId), eq(groups.id, input.groupId)))
        .for('update');
      if (!group) throw new NotFoundError();
      const wanted = await findAgentsForUpdate(tx, serviceId, input.agentIds);
      if (wanted.length !== input.agentIds.length) throw ValidationError.field('agentIds', 'validation.unknownAgents');

      const current = await tx
        .select({ id: serviceMembers.id, memberId: serviceMembers.memberId })
        .from(groupMembers)
        .innerJoin(serviceMembers, eq(serviceMembers.id, groupMembers.agentId))
        .where(eq(groupMembers.groupId, group.id))
        .orderBy(asc(groupMembers.seq));
      const leave = current.filter((a) => !input.agentIds.includes(a.id));
      const join = input.agentIds.filter((id) => !current.some((a) => a.id === id));
      const affected = [...leave, ...wanted.filter((a) => join.includes(a.id))];
      const before = await groupNamesByAgent(
        tx,
        serviceId,
        affected.map((a) => a.id),
      );

      const [updated] = await tx
        .update(groups)
        .set({ name: input.name, updatedAt: new Date() })
        .where(eq(groups.id, group.id))
        .returning();
      if (leave.length)
        await tx.delete(groupMembers).where(
          and(
            eq(groupMembers.groupId, group.id),
            inArray(
              groupMembers.agentId,
              leave.map((a) => a.id),
            ),
          ),
        );
      for (const agentId of join) await tx.insert(groupMembers).values({ groupId: group.id, agentId, serviceId });
      await recordGroupChanges(tx, ctx, affected, before);
      return updated;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'groups_service_name_uq'))
      throw new ConflictError('validation.groupNameTaken', { name: input.name }, 'name');
    throw err;
  }
}
