import { and, eq } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { bumpTriggersVersion } from './bump-version';
import { reenableEndpoints } from './reenable-endpoints';
import type { UpdateTriggerInput } from './schemas';
import { validateTrigger } from './validate';

/** 트리거 수정: title, conditions and results; position and state stay. */
export async function updateTrigger(ctx: ServiceCtx, input: UpdateTriggerInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: triggers.id })
      .from(triggers)
      .where(and(eq(triggers.serviceId, serviceId), eq(triggers.id, input.triggerId)))
      .for('update');
    if (!current) throw new NotFoundError();
    const checked = await validateTrigger(tx, serviceId, input);
    const [row] = await tx
      .update(triggers)
      .set({ title: input.title, ...checked, updatedAt: new Date() })
      .where(eq(triggers.id, current.id))
      .returning();
    await reenableEndpoints(tx, serviceId, checked.results);
    await bumpTriggersVersion(tx, serviceId);
    return row;
  });
}
