import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { members, smsMessages, triggerDeliveries } from '@/db/schema';
import type { Queryable } from '@/db';

/** The SMS/LMS of a ticket, newest first, with the sender agent and the delivery's state (one query). */
export async function ticketSmsMessages(db: Queryable, params: { serviceId: string; ticketId: string }) {
  return db
    .select({
      id: smsMessages.id,
      type: smsMessages.type,
      senderNo: smsMessages.senderNo,
      recipientMasked: smsMessages.recipientMasked,
      title: smsMessages.title,
      body: smsMessages.body,
      state: smsMessages.state,
      requestId: smsMessages.requestId,
      resultCode: smsMessages.resultCode,
      resultMessage: smsMessages.resultMessage,
      createdAt: smsMessages.createdAt,
      memberName: members.name,
      delivery: triggerDeliveries.status,
      attempts: triggerDeliveries.attempts,
    })
    .from(smsMessages)
    .leftJoin(members, eq(members.id, smsMessages.memberId))
    .leftJoin(triggerDeliveries, eq(triggerDeliveries.id, smsMessages.deliveryId))
    .where(and(eq(smsMessages.serviceId, params.serviceId), eq(smsMessages.ticketId, params.ticketId)))
    .orderBy(desc(smsMessages.createdAt))
    .limit(100);
}
