import { and, eq, ne } from 'drizzle-orm';
import { members, serviceMembers } from '@/db/schema';
import { groupNamesByAgent } from '@/db/queries/groups';
import type { ServiceCtx } from '@/lib/context';
import { recordAccess } from '@/lib/access-log/record';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { assertMayManage } from './guards';
import type { AgentIdInput } from './schemas';

/**
 * Removes an agent from the service (their group memberships go with the row). The member
 * and their org-admin status are untouched; the last org admin is never removed here.
 */
export async function removeAgent(ctx: ServiceCtx, { agentId }: AgentIdInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        agent: serviceMembers,
        member: { id: members.id, loginId: members.loginId, isOrgAdmin: members.isOrgAdmin },
      })
      .from(serviceMembers)
      .innerJoin(members, eq(members.id, serviceMembers.memberId))
      .where(and(eq(serviceMembers.serviceId, serviceId), eq(serviceMembers.id, agentId)))
      .for('update', { of: serviceMembers });
    if (!row) throw new NotFoundError();
    assertMayManage(ctx, row.member);
    if (row.member.isOrgAdmin) {
      // Locked like the member screen does, so two org admins removing each other cannot both win.
      const others = await tx
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.isOrgAdmin, true), eq(members.status, 'active'), ne(members.id, row.member.id)))
        .for('update');
      if (others.length === 0) throw new ConflictError('errors.agents.lastOrgAdmin');
    }
    if (row.member.id === ctx.member.id) throw new ConflictError('errors.agents.cannotRemoveSelf');
    const groupNames = (await groupNamesByAgent(tx, serviceId, [agentId])).get(agentId) ?? [];
    await tx.delete(serviceMembers).where(eq(serviceMembers.id, agentId));
    await recordAccess(tx, {
      event: 'agent_removed',
      memberId: row.member.id,
      actorId: ctx.member.id,
      serviceId,
      subject: row.member.loginId,
      detail: { role: row.agent.role, groups: groupNames },
      ip: ctx.client.ip,
      userAgent: ctx.client.userAgent,
    });
    return { id: agentId };
  });
}
