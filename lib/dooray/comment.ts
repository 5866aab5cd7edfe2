import { and, desc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { doorayEvents, doorayTasks } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { enqueueChannelDelivery, hostOf } from '@/lib/channels/outbox';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { memberActor } from '@/lib/tickets/change';
import { writeHistory } from '@/lib/tickets/history';
import { loadTicket } from '@/lib/tickets/snapshot';
import { doorayOrg } from './config';
import type { commentInput } from './schemas';
import { ACTIVE_DOORAY } from './transfer';

/**
 * Dooray 코멘트: only while the ticket is `dooray_transferred` or `dooray_working` (after
 * `dooray_done` commenting is blocked). The comment shows in the Dooray tab at once and is
 * sent by the worker; the ticket's status does not change.
 */
export async function commentOnDooray(ctx: ServiceCtx, input: z.output<typeof commentInput>) {
  const serviceId = ctx.service.id;
  const org = await doorayOrg(ctx.db, serviceId);
  if (!org) throw new ForbiddenError('channels.dooray.errors.noOrg');
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadTicket(tx, serviceId, input.ticketId, { forUpdate: true });
    if (!(ACTIVE_DOORAY as readonly string[]).includes(row.status))
      throw new ConflictError('channels.dooray.errors.commentClosed');
    const [task] = await tx
      .select({ id: doorayTasks.id })
      .from(doorayTasks)
      .where(and(eq(doorayTasks.serviceId, serviceId), eq(doorayTasks.ticketId, row.id), ne(doorayTasks.state, 'done')))
      .orderBy(desc(doorayTasks.createdAt))
      .limit(1);
    if (!task) throw new ConflictError('channels.dooray.errors.commentClosed');
    const [ev] = await tx
      .insert(doorayEvents)
      .values({
        serviceId,
        ticketId: row.id,
        taskId: task.id,
        kind: 'comment_out',
        authorId: ctx.member.id,
        authorName: ctx.member.name,
        body: input.body,
      })
      .returning({ id: doorayEvents.id });
    const deliveryId = await enqueueChannelDelivery(tx, {
      serviceId,
      ticketId: row.id,
      kind: 'dooray_comment',
      label: 'Dooray 코멘트',
      target: hostOf(org.apiBaseUrl),
      request: { eventId: ev.id },
    });
    await tx.update(doorayEvents).set({ deliveryId }).where(eq(doorayEvents.id, ev.id));
    await writeHistory(tx, serviceId, row.id, memberActor(ctx), [
      { action: 'dooray_comment', detail: { eventId: ev.id } },
    ]);
    return { eventId: ev.id };
  });
}
