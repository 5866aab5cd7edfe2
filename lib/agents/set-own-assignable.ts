import { eq } from 'drizzle-orm';
import { serviceMembers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { recordPermissionChanges } from './permission-log';
import type { OwnAssignableInput } from './schemas';

/**
 * An agent switches their own 티켓 할당 in personal settings; only while an admin has
 * turned their 할당 제어 on (checked under the row lock, so a concurrent OFF wins).
 */
export async function setOwnAssignable(ctx: ServiceCtx, { value }: OwnAssignableInput) {
  if (!ctx.agent) throw new NotFoundError('errors.agents.notAnAgent');
  return ctx.db.transaction(async (tx) => {
    const [agent] = await tx.select().from(serviceMembers).where(eq(serviceMembers.id, ctx.agent!.id)).for('update');
    if (!agent) throw new NotFoundError('errors.agents.notAnAgent');
    if (!agent.selfControl) throw new ForbiddenError('errors.agents.selfControlOff');
    if (agent.assignable !== value) {
      await tx
        .update(serviceMembers)
        .set({ assignable: value, updatedAt: new Date() })
        .where(eq(serviceMembers.id, agent.id));
      await recordPermissionChanges(tx, ctx, agent.memberId, { assignable: agent.assignable }, { assignable: value });
    }
    return { serviceId: ctx.service.id, assignable: value };
  });
}
