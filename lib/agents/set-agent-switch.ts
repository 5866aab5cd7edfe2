import { and, eq } from 'drizzle-orm';
import { serviceMembers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/actions/context';
import { NotFoundError } from '@/lib/errors';
import { recordPermissionChanges } from './permission-log';
import type { AgentSwitchInput } from './schemas';

/** Turns an agent's 티켓 할당 (assignable) or 할당 제어 (selfControl) on or off, from the list. */
export async function setAgentSwitch(ctx: ServiceCtx, input: AgentSwitchInput) {
  return ctx.db.transaction(async (tx) => {
    const [agent] = await tx
      .select()
      .from(serviceMembers)
      .where(and(eq(serviceMembers.serviceId, ctx.service.id), eq(serviceMembers.id, input.agentId)))
      .for('update');
    if (!agent) throw new NotFoundError();
    if (agent[input.field] !== input.value) {
      await tx.update(serviceMembers).set({ [input.field]: input.value, updatedAt: new Date() }).where(eq(serviceMembers.id, agent.id));
      await recordPermissionChanges(tx, ctx, agent.memberId, { [input.field]: agent[input.field] }, { [input.field]: input.value });
    }
    return { id: agent.id, field: input.field, value: input.value };
  });
}
