import { and, eq, sql } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { bumpTriggersVersion } from './bump-version';
import { reenableEndpoints } from './reenable-endpoints';
import type { CreateTriggerInput } from './schemas';
import { validateTrigger } from './validate';

/** 트리거 추가: a new trigger goes to the end of the active list. */
export async function createTrigger(ctx: ServiceCtx, input: CreateTriggerInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const checked = await validateTrigger(tx, serviceId, input);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${triggers.position}), -1)::int + 1` })
      .from(triggers)
      .where(and(eq(triggers.serviceId, serviceId), eq(triggers.active, true)));
    const [row] = await tx
      .insert(triggers)
      .values({ serviceId, title: input.title, active: true, position: next, ...checked })
      .returning();
    await reenableEndpoints(tx, serviceId, checked.results);
    await bumpTriggersVersion(tx, serviceId);
    return row;
  });
}
