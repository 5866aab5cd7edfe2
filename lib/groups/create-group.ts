import { groupMembers, groups } from '@/db/schema';
import { findAgentsForUpdate } from '@/db/queries/agents';
import { groupNamesByAgent } from '@/db/queries/groups';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, isUniqueViolation, ValidationError } from '@/lib/errors';
import { recordGroupChanges } from './record-group-changes';
import type { CreateGroupInput } from './schemas';

/** Adds a group (그룹 추가) with its agents, in the order given (the round-robin order). */
export async function createGroup(ctx: ServiceCtx, input: CreateGroupInput) {
  const serviceId = ctx.service.id;
  try {
    return await ctx.db.transaction(async (tx) => {
      const agents = await findAgentsForUpdate(tx, serviceId, input.agentIds);
      if (agents.length !== input.agentIds.length) throw ValidationError.field('agentIds', 'validation.unknownAgents');
      const before = await groupNamesByAgent(tx, serviceId, input.agentIds);
      const [group] = await tx.insert(groups).values({ serviceId, name: input.name }).returning();
      // One row at a time, so each agent's seq follows the order they were picked in.
      for (const agentId of input.agentIds)
        await tx.insert(groupMembers).values({ groupId: group.id, agentId, serviceId });
      await recordGroupChanges(tx, ctx, agents, before);
      return group;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'groups_service_name_uq'))
      throw new ConflictError('validation.groupNameTaken', { name: input.name }, 'name');
    throw err;
  }
}
