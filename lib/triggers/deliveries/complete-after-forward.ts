import { and, eq } from 'drizzle-orm';
import { tickets, type TriggerDelivery } from '@/db/schema';
import type { Queryable } from '@/db';
import { scheduleDestructionOnClose } from '@/lib/pii/schedule-on-close';
import { applyPlan } from '@/lib/tickets/change';
import { loadTicket } from '@/lib/tickets/snapshot';

/**
 * 외부 전달 후 티켓 완료, second half: the forward mail was accepted by the mail server, so the
 * ticket is closed now, in the transaction that marks the delivery delivered, as a change of
 * its own credited to the trigger (history, 파기 times from closing). A ticket already closed,
 * deleted or in the spam box is left alone. A forward that finally fails closes nothing.
 */
export async function completeAfterForward(tx: Queryable, d: TriggerDelivery): Promise<void> {
  if (!d.ticketId || !d.serviceId) return;
  const [exists] = await tx
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.serviceId, d.serviceId), eq(tickets.id, d.ticketId)));
  if (!exists) return;
  const current = await loadTicket(tx, d.serviceId, d.ticketId, { forUpdate: true });
  if (current.row.status === 'closed' || current.row.spam) return;
  await applyPlan(tx, d.serviceId, { type: 'trigger', id: d.triggerId, title: d.triggerTitle }, current, {
    event: 'updated',
    set: { status: 'closed', closedAt: new Date(), closedById: null },
    afterWrite: scheduleDestructionOnClose,
  });
}
