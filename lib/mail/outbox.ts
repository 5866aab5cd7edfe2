import { randomUUID } from 'node:crypto';
import { triggerDeliveries, type DeliveryKind, type MailLayoutEvent } from '@/db/schema';
import type { Queryable } from '@/db';
import { sql } from 'drizzle-orm';
import { deliveryJobsSql } from '@/lib/triggers/deliveries/queue';
import { deliveryMessageId } from './domain';

/** A product mail waiting in the outbox; rendered by the worker at send time (lib/mail/compose-queued.ts). */
export type QueuedMail =
  | { kind: 'reply_mail'; event: MailLayoutEvent }
  | {
      kind: 'confirmation_mail';
      to: string;
      locale: string;
      serviceName: string;
      number: number;
      subject: string;
      link: string;
    }
  | {
      kind: 'invite_mail';
      to: string;
      name: string;
      loginId: string;
      locale: string;
      inviter: string;
      sealedToken: string;
      purpose?: 'invite' | 'passwordReset';
      hours?: number;
    };

/**
 * Writes one mail of the product (a reply, a help-center confirmation, an invite) to the outbox
 * in the caller's transaction: the delivery row and its pg-boss job. A rolled-back change sends
 * nothing; the worker sends it with retries, always under the same Message-ID.
 */
export async function enqueueMail(
  tx: Queryable,
  input: {
    id?: string;
    serviceId: string | null;
    mail: QueuedMail;
    ticketId?: string | null;
    ticketMessageId?: string | null;
    target: string;
  },
): Promise<{ deliveryId: string; messageId: string }> {
  const id = input.id ?? randomUUID();
  const { kind, ...request } = input.mail;
  const insert = tx.insert(triggerDeliveries).values({
    id,
    serviceId: input.serviceId,
    triggerTitle: '',
    ticketId: input.ticketId ?? null,
    ticketMessageId: input.ticketMessageId ?? null,
    kind: kind as DeliveryKind,
    target: input.target,
    request,
  });
  // The row and its job in one round trip (two data-modifying CTEs), not one statement each.
  const job = await deliveryJobsSql(tx, [id]);
  if (job) await tx.execute(sql`WITH d AS (${insert.getSQL()}), j AS (${job}) SELECT 1`);
  else await insert;
  return { deliveryId: id, messageId: deliveryMessageId(id) };
}
