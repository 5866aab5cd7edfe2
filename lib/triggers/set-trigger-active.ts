import { and, eq, sql } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import { bumpTriggersVersion } from './bump-version';

/** 활성화 puts a trigger at the end of the active list; 비활성화 moves it to the inactive list. */
export async function setTriggerActive(ctx: ServiceCtx, input: { triggerId: string; active: boolean }) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(triggers)
      .where(and(eq(triggers.serviceId, serviceId), eq(triggers.id, input.triggerId)))
      .for('update');
    if (!t) throw new NotFoundError();
    if (t.active === input.active) return t;
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${triggers.position}), -1)::int + 1` })
      .from(triggers)
      .where(and(eq(triggers.serviceId, serviceId), eq(triggers.active, input.active)));
    const [row] = await tx
      .update(triggers)
      .set({ active: input.active, position: next, updatedAt: new Date() })
      .where(eq(triggers.id, t.id))
      .returning();
    await bumpTriggersVersion(tx, serviceId);
    return row;
  });
}
