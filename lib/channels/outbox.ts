import { triggerDeliveries, type DeliveryKind } from '@/db/schema';
import type { Queryable } from '@/db';
import { enqueueDelivery } from '@/lib/triggers/deliveries/queue';

/**
 * Writes one outbound channel call (Dooray task/comment, SMS) to the delivery outbox and its job,
 * in the caller's transaction: nothing leaves the process inside the request, and a rolled-back
 * change sends nothing. `request` holds only ids; the worker loads the rest.
 */
export async function enqueueChannelDelivery(
  tx: Queryable,
  input: {
    serviceId: string;
    ticketId: string;
    kind: DeliveryKind;
    label: string;
    target: string;
    request: Record<string, unknown>;
  },
): Promise<string> {
  const [row] = await tx
    .insert(triggerDeliveries)
    .values({
      serviceId: input.serviceId,
      triggerId: null,
      triggerTitle: input.label,
      ticketId: input.ticketId,
      kind: input.kind,
      target: input.target,
      request: input.request,
    })
    .returning({ id: triggerDeliveries.id });
  await enqueueDelivery(tx, row.id);
  return row.id;
}

/** The host shown as a delivery's target (never a full URL with its path). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}
