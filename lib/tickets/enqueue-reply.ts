import { and, eq, isNull } from 'drizzle-orm';
import { ticketMessages, tickets, type Ticket } from '@/db/schema';
import type { Queryable } from '@/db';
import { enqueueMail } from '@/lib/mail/outbox';
import { layoutEventOf, threadRootId } from './reply-mail';

/**
 * Puts an agent reply to the customer into the outbox, in the reply's own transaction: the
 * delivery's Message-ID is written on the message at once, so a customer answering it is
 * threaded back to this ticket, and a rolled-back reply sends nothing. Whether the customer
 * has an address is decided at send time (an encrypted 이메일 is never copied into the outbox).
 */
export async function enqueueReplyMail(tx: Queryable, row: Ticket, messageId: string): Promise<string> {
  const q = await enqueueMail(tx, {
    serviceId: row.serviceId,
    ticketId: row.id,
    ticketMessageId: messageId,
    target: 'customer',
    mail: { kind: 'reply_mail', event: layoutEventOf(row) },
  });
  await tx.update(ticketMessages).set({ mailMessageId: q.messageId }).where(eq(ticketMessages.id, messageId));
  if (!row.mailThreadId)
    await tx
      .update(tickets)
      .set({ mailThreadId: threadRootId(row) })
      .where(and(eq(tickets.id, row.id), isNull(tickets.mailThreadId)));
  return q.deliveryId;
}
