import { and, eq } from 'drizzle-orm';
import { groupMembers, members, serviceMembers } from '@/db/schema';
import { findGroupsForUpdate } from '@/db/queries/groups';
import type { ServiceCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ConflictError, isUniqueViolation, ValidationError } from '@/lib/errors';
import type { AddAgentInput } from './schemas';

/** Adds a member to the service as an agent (상담원 추가) with role, permissions and groups. */
export async function addAgent(ctx: ServiceCtx, input: AddAgentInput) {
  const serviceId = ctx.service.id;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [m] = await tx.select().from(members).where(eq(members.id, input.memberId)).for('share');
      if (!m) throw ValidationError.field('memberId', 'errors.agents.memberNotFound');
      if (m.status === 'deactivated') throw ValidationError.field('memberId', 'errors.agents.memberDeactivated');
      if (m.isOrgAdmin && input.role !== 'admin') throw ValidationError.field('role', 'validation.orgAdminRole');
      const [existing] = await tx
        .select({ id: serviceMembers.id })
        .from(serviceMembers)
        .where(and(eq(serviceMembers.serviceId, serviceId), eq(serviceMembers.memberId, m.id)));
      if (existing) throw new ConflictError('errors.agents.alreadyAgent', undefined, 'memberId');
      const found = await findGroupsForUpdate(tx, serviceId, input.groupIds);
      if (found.length !== input.groupIds.length) throw ValidationError.field('groupIds', 'validation.unknownGroups');

      const [agent] = await tx
        .insert(serviceMembers)
        .values({
          serviceId,
          memberId: m.id,
          role: input.role,
          channels: input.channels,
          canTransfer: input.canTransfer,
          canViewLogs: input.canViewLogs,
        })
        .returning();
      if (input.groupIds.length) {
        await tx
          .insert(groupMembers)
          .values(input.groupIds.map((groupId) => ({ groupId, agentId: agent.id, serviceId })));
      }
      await recordAccess(tx, {
        event: 'agent_added',
        memberId: m.id,
        actorId: ctx.member.id,
        serviceId,
        subject: m.loginId,
        detail: {
          role: input.role,
          channels: input.channels,
          canTransfer: input.canTransfer,
          canViewLogs: input.canViewLogs,
          groups: found.map((g) => g.name).sort(),
        },
        ip: ctx.client.ip,
        userAgent: ctx.client.userAgent,
      });
      return agent;
    });
  } catch (err) {
    // Two admins adding the same member at once: the unique index decides, the loser gets the same message.
    if (isUniqueViolation(err, 'service_members_service_member_uq'))
      throw new ConflictError('errors.agents.alreadyAgent', undefined, 'memberId');
    throw err;
  }
}
