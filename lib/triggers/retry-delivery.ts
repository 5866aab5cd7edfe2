import { and, eq, inArray } from 'drizzle-orm';
import { triggerDeliveries } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { enqueueDelivery } from './deliveries/queue';
import type { DeliveryIdInput } from './schemas';

/** 재시도: a dead (or disabled) delivery gets a fresh series of attempts, with the same delivery id. */
export async function retryDelivery(ctx: ServiceCtx, { deliveryId }: DeliveryIdInput) {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(triggerDeliveries)
      .where(and(eq(triggerDeliveries.serviceId, ctx.service.id), eq(triggerDeliveries.id, deliveryId)))
      .for('update');
    if (!d) throw new NotFoundError();
    if (d.status !== 'dead' && d.status !== 'disabled') throw new ConflictError('errors.triggers.notDead');
    await tx
      .update(triggerDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null, updatedAt: new Date() })
      .where(and(eq(triggerDeliveries.id, d.id), inArray(triggerDeliveries.status, ['dead', 'disabled'])));
    await enqueueDelivery(tx, d.id);
    return { id: d.id };
  });
}
