import { and, eq } from 'drizzle-orm';
import { members, serviceMembers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { assertMayManage } from './guards';
import { recordPermissionChanges } from './permission-log';
import type { AgentSwitchInput } from './schemas';

/** Turns an agent's 티켓 할당 (assignable) or 할당 제어 (selfControl) on or off, from the list. */
export async function setAgentSwitch(ctx: ServiceCtx, input: AgentSwitchInput) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ agent: serviceMembers, isOrgAdmin: members.isOrgAdmin })
      .from(serviceMembers)
      .innerJoin(members, eq(members.id, serviceMembers.memberId))
      .where(and(eq(serviceMembers.serviceId, ctx.service.id), eq(serviceMembers.id, input.agentId)))
      .for('update', { of: serviceMembers });
    if (!row) throw new NotFoundError();
    // The same rule as every other change to an agent row: an org admin's only by an org admin.
    assertMayManage(ctx, row);
    const { agent } = row;
    if (agent[input.field] !== input.value) {
      await tx
        .update(serviceMembers)
        .set({ [input.field]: input.value, updatedAt: new Date() })
        .where(eq(serviceMembers.id, agent.id));
      await recordPermissionChanges(
        tx,
        ctx,
        agent.memberId,
        { [input.field]: agent[input.field] },
        { [input.field]: input.value },
      );
    }
    return { id: agent.id, field: input.field, value: input.value };
  });
}
