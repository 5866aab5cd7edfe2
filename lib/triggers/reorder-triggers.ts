import { and, eq, sql } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import { bumpTriggersVersion } from './bump-version';
import type { ReorderTriggersInput } from './schemas';

/**
 * Sets the execution order: `ids` must be exactly the service's active triggers. A list naming
 * another service's trigger, an inactive one, or missing one is refused and nothing moves.
 */
export async function reorderTriggers(ctx: ServiceCtx, { ids }: ReorderTriggersInput) {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const active = await tx
      .select({ id: triggers.id })
      .from(triggers)
      .where(and(eq(triggers.serviceId, serviceId), eq(triggers.active, true)))
      .for('update');
    const have = new Set(active.map((r) => r.id));
    if (new Set(ids).size !== ids.length || ids.length !== have.size || ids.some((id) => !have.has(id)))
      throw new ValidationError({}, 'errors.triggers.reorderUnknown');
    await tx.execute(sql`
      update ${triggers} set position = o.pos - 1, updated_at = now()
      from unnest(${sql.param(ids)}::uuid[]) with ordinality as o(id, pos)
      where ${triggers.id} = o.id and ${triggers.serviceId} = ${serviceId}`);
    await bumpTriggersVersion(tx, serviceId);
    return ids;
  });
}
