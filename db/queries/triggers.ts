import 'server-only';
import { and, asc, desc, eq, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import { PRODUCT_MAIL_KINDS, triggerDeliveries, triggerDeliveryAttempts, triggerFirings, triggers } from '@/db/schema';
import type { Queryable } from '@/db';

/**
 * A service's triggers: active ones in execution order, then inactive ones, each with its
 * last-fired time and 7-day count (two index reads per trigger on trigger_firings).
 */
export async function listTriggers(db: Queryable, serviceId: string) {
  return db
    .select({
      id: triggers.id,
      title: triggers.title,
      active: triggers.active,
      position: triggers.position,
      conditions: triggers.conditions,
      results: triggers.results,
      lastFiredAt: sql<
        string | null
      >`(select max(f.fired_at) from ${triggerFirings} f where f.trigger_id = ${triggers}.id)`,
      fired7d: sql<number>`(select count(*)::int from ${triggerFirings} f where f.trigger_id = ${triggers}.id and f.fired_at > now() - interval '7 days')`,
    })
    .from(triggers)
    .where(eq(triggers.serviceId, serviceId))
    .orderBy(desc(triggers.active), asc(triggers.position), asc(triggers.createdAt));
}

export type TriggerListRow = Awaited<ReturnType<typeof listTriggers>>[number];

export async function getTrigger(db: Queryable, serviceId: string, id: string) {
  const [row] = await db
    .select()
    .from(triggers)
    .where(and(eq(triggers.serviceId, serviceId), eq(triggers.id, id)));
  return row ?? null;
}

export const DELIVERY_PAGE = 50;

/**
 * Deliveries of a trigger or of a ticket, newest first (keyset on created_at, id), each with its
 * attempts (one more query for the page). The request body is not returned: it may hold PII.
 */
export async function listDeliveries(
  db: Queryable,
  opts: { serviceId: string; triggerId?: string; ticketId?: string; before?: { createdAt: Date; id: string } },
) {
  // Not the product's own mails (replies, confirmations, invites): they share the outbox, but a
  // reply's state is shown on its message in the conversation.
  const where = [
    eq(triggerDeliveries.serviceId, opts.serviceId),
    notInArray(triggerDeliveries.kind, [...PRODUCT_MAIL_KINDS]),
  ];
  if (opts.triggerId) where.push(eq(triggerDeliveries.triggerId, opts.triggerId));
  if (opts.ticketId) where.push(eq(triggerDeliveries.ticketId, opts.ticketId));
  if (opts.before)
    where.push(
      or(
        lt(triggerDeliveries.createdAt, opts.before.createdAt),
        and(eq(triggerDeliveries.createdAt, opts.before.createdAt), lt(triggerDeliveries.id, opts.before.id)),
      )!,
    );
  const rows = await db
    .select({
      id: triggerDeliveries.id,
      triggerId: triggerDeliveries.triggerId,
      triggerTitle: triggerDeliveries.triggerTitle,
      ticketId: triggerDeliveries.ticketId,
      kind: triggerDeliveries.kind,
      target: triggerDeliveries.target,
      status: triggerDeliveries.status,
      attempts: triggerDeliveries.attempts,
      nextAttemptAt: triggerDeliveries.nextAttemptAt,
      deliveredAt: triggerDeliveries.deliveredAt,
      createdAt: triggerDeliveries.createdAt,
    })
    .from(triggerDeliveries)
    .where(and(...where))
    .orderBy(desc(triggerDeliveries.createdAt), desc(triggerDeliveries.id))
    .limit(DELIVERY_PAGE);
  const attempts = rows.length
    ? await db
        .select({
          deliveryId: triggerDeliveryAttempts.deliveryId,
          at: triggerDeliveryAttempts.at,
          httpStatus: triggerDeliveryAttempts.httpStatus,
          latencyMs: triggerDeliveryAttempts.latencyMs,
          errorClass: triggerDeliveryAttempts.errorClass,
          response: triggerDeliveryAttempts.response,
        })
        .from(triggerDeliveryAttempts)
        .where(
          and(
            eq(triggerDeliveryAttempts.serviceId, opts.serviceId),
            inArray(
              triggerDeliveryAttempts.deliveryId,
              rows.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(triggerDeliveryAttempts.at))
    : [];
  return rows.map((r) => ({ ...r, attemptLog: attempts.filter((a) => a.deliveryId === r.id) }));
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];
