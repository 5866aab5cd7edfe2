import { and, eq, inArray } from 'drizzle-orm';
import { triggerDeliveries } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { enqueueDelivery } from '@/lib/triggers/deliveries/queue';
import type { ResendReplyInput } from './schemas';

/**
 * 재발송 of a reply mail (or a help-center confirmation) that failed (dead, or still failing between retries): a fresh series of
 * attempts now, under the same delivery id and so the same Message-ID.
 */
export async function resendReplyMail(ctx: Pick<ServiceCtx, 'db' | 'service'>, input: ResendReplyInput) {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(triggerDeliveries)
      .where(
        and(
          eq(triggerDeliveries.serviceId, ctx.service.id),
          eq(triggerDeliveries.id, input.deliveryId),
          inArray(triggerDeliveries.kind, ['reply_mail', 'confirmation_mail']),
        ),
      )
      .for('update');
    if (!d) throw new NotFoundError();
    const failing = d.status === 'dead' || (d.status === 'pending' && d.attempts > 0);
    if (!failing) throw new ConflictError('email.errors.notFailed');
    await tx
      .update(triggerDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null, updatedAt: new Date() })
      .where(and(eq(triggerDeliveries.id, d.id), inArray(triggerDeliveries.status, ['dead', 'pending'])));
    await enqueueDelivery(tx, d.id);
    return { id: d.id };
  });
}
