import { and, eq, inArray } from 'drizzle-orm';
import { groupMembers, groups, members, serviceMembers } from '@/db/schema';
import { findGroupsForUpdate } from '@/db/queries/groups';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { assertMayManage } from './guards';
import { recordPermissionChanges } from './permission-log';
import type { UpdateAgentInput } from './schemas';

/**
 * Saves an agent's role, permissions and groups (상담원 수정). Groups the agent stays in
 * keep their place in the round-robin order; new ones put the agent last.
 */
export async function updateAgent(ctx: ServiceCtx, input: UpdateAgentInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ agent: serviceMembers, isOrgAdmin: members.isOrgAdmin })
      .from(serviceMembers)
      .innerJoin(members, eq(members.id, serviceMembers.memberId))
      .where(and(eq(serviceMembers.serviceId, serviceId), eq(serviceMembers.id, input.agentId)))
      .for('update', { of: serviceMembers });
    if (!row) throw new NotFoundError();
    const { agent } = row;
    assertMayManage(ctx, row);
    if (row.isOrgAdmin && input.role !== 'admin') throw ValidationError.field('role', 'validation.orgAdminRole');
    // Nobody demotes or promotes themself: an admin must not lock themself out by a slip.
    if (agent.memberId === ctx.member.id && input.role !== agent.role)
      throw ValidationError.field('role', 'errors.agents.ownRole');
    const found = await findGroupsForUpdate(tx, serviceId, input.groupIds);
    if (found.length !== input.groupIds.length) throw ValidationError.field('groupIds', 'validation.unknownGroups');

    const current = await tx
      .select({ id: groups.id, name: groups.name })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(eq(groupMembers.agentId, agent.id));
    const leave = current.filter((g) => !input.groupIds.includes(g.id)).map((g) => g.id);
    const join = input.groupIds.filter((id) => !current.some((g) => g.id === id));
    if (leave.length)
      await tx
        .delete(groupMembers)
        .where(and(eq(groupMembers.agentId, agent.id), inArray(groupMembers.groupId, leave)));
    if (join.length)
      await tx.insert(groupMembers).values(join.map((groupId) => ({ groupId, agentId: agent.id, serviceId })));

    const [updated] = await tx
      .update(serviceMembers)
      .set({
        role: input.role,
        channels: input.channels,
        canTransfer: input.canTransfer,
        canViewLogs: input.canViewLogs,
        updatedAt: new Date(),
      })
      .where(eq(serviceMembers.id, agent.id))
      .returning();
    await recordPermissionChanges(
      tx,
      ctx,
      agent.memberId,
      {
        role: agent.role,
        channels: agent.channels,
        canTransfer: agent.canTransfer,
        canViewLogs: agent.canViewLogs,
        groups: current.map((g) => g.name).sort(),
      },
      {
        role: updated.role,
        channels: updated.channels,
        canTransfer: updated.canTransfer,
        canViewLogs: updated.canViewLogs,
        groups: found.map((g) => g.name).sort(),
      },
    );
    return updated;
  });
}
