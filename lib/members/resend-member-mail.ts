import { and, eq, inArray, like } from 'drizzle-orm';
import { triggerDeliveries } from '@/db/schema';
import type { MemberCtx } from '@/lib/context';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { enqueueDelivery } from '@/lib/triggers/deliveries/queue';
import type { ResendMemberMailInput } from './schemas';

/**
 * 재발송 of a member's invite or password-reset mail that failed (dead, or failing between
 * retries), from the members screen: a fresh series of attempts under the same delivery id, so
 * the same Message-ID and the same link. (Expired links are renewed by 초대 다시 보내기 instead.)
 */
export async function resendMemberMail(ctx: Pick<MemberCtx, 'db'>, input: ResendMemberMailInput) {
  return ctx.db.transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(triggerDeliveries)
      .where(
        and(
          eq(triggerDeliveries.id, input.deliveryId),
          eq(triggerDeliveries.kind, 'invite_mail'),
          like(triggerDeliveries.target, 'member:%'),
        ),
      )
      .for('update');
    if (!d) throw new NotFoundError();
    if (!(d.status === 'dead' || (d.status === 'pending' && d.attempts > 0)))
      throw new ConflictError('email.errors.notFailed');
    await tx
      .update(triggerDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date(), leaseUntil: null, updatedAt: new Date() })
      .where(and(eq(triggerDeliveries.id, d.id), inArray(triggerDeliveries.status, ['dead', 'pending'])));
    await enqueueDelivery(tx, d.id);
    return { id: d.id };
  });
}
