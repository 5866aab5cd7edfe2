import { and, eq } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { bumpTriggersVersion } from './bump-version';
import type { TriggerIdInput } from './schemas';

/** 삭제: only an inactive trigger (deactivate first, so nothing is lost by a slip). Its deliveries and history stay. */
export async function deleteTrigger(ctx: ServiceCtx, { triggerId }: TriggerIdInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(triggers)
      .where(and(eq(triggers.serviceId, serviceId), eq(triggers.id, triggerId)))
      .for('update');
    if (!t) throw new NotFoundError();
    if (t.active) throw new ConflictError('errors.triggers.deleteActive', { title: t.title });
    await tx.delete(triggers).where(eq(triggers.id, t.id));
    await bumpTriggersVersion(tx, serviceId);
    return { id: t.id, title: t.title };
  });
}
