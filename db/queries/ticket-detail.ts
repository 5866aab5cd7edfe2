import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  members,
  serviceMembers,
  ticketAttachments,
  ticketHistory,
  ticketMessages,
  triggerDeliveries,
} from '@/db/schema';
import type { Queryable } from '@/db';

export const HISTORY_LIMIT = 300;
export const MESSAGE_LIMIT = 500;

/** What the conversation shows of a reply's mail (or the help-center confirmation of the inquiry): 대기, 발송 or 실패 (failing, retried later, or given up). */
export type ReplyMailState = {
  deliveryId: string;
  state: 'queued' | 'sent' | 'failed';
  attempts: number;
  kind: 'reply' | 'confirmation';
};

export function mailState(d: { id: string; status: string; attempts: number; kind: string }): ReplyMailState {
  const state = d.status === 'delivered' ? 'sent' : d.status === 'pending' && d.attempts === 0 ? 'queued' : 'failed';
  return {
    deliveryId: d.id,
    state,
    attempts: d.attempts,
    kind: d.kind === 'confirmation_mail' ? 'confirmation' : 'reply',
  };
}

/** The conversation of a ticket, oldest first, with author names, attachments and each reply's mail state (3 queries). */
export async function ticketConversation(db: Queryable, serviceId: string, ticketId: string) {
  const [msgs, files, mails] = await Promise.all([
    db
      .select({
        id: ticketMessages.id,
        kind: ticketMessages.kind,
        body: ticketMessages.body,
        format: ticketMessages.format,
        createdAt: ticketMessages.createdAt,
        author: members.name,
        mailMessageId: ticketMessages.mailMessageId,
      })
      .from(ticketMessages)
      .leftJoin(members, eq(members.id, ticketMessages.authorId))
      .where(and(eq(ticketMessages.serviceId, serviceId), eq(ticketMessages.ticketId, ticketId)))
      .orderBy(asc(ticketMessages.createdAt))
      .limit(MESSAGE_LIMIT),
    db
      .select({
        id: ticketAttachments.id,
        messageId: ticketAttachments.messageId,
        fileName: ticketAttachments.fileName,
        size: ticketAttachments.size,
      })
      .from(ticketAttachments)
      .where(and(eq(ticketAttachments.serviceId, serviceId), eq(ticketAttachments.ticketId, ticketId))),
    db
      .select({
        id: triggerDeliveries.id,
        messageId: triggerDeliveries.ticketMessageId,
        status: triggerDeliveries.status,
        attempts: triggerDeliveries.attempts,
        kind: triggerDeliveries.kind,
      })
      .from(triggerDeliveries)
      .where(
        and(
          eq(triggerDeliveries.ticketId, ticketId),
          eq(triggerDeliveries.serviceId, serviceId),
          inArray(triggerDeliveries.kind, ['reply_mail', 'confirmation_mail']),
        ),
      ),
  ]);
  // A help-center confirmation answers the inquiry itself: it is shown on the ticket's first message.
  const inquiry = msgs.find((m) => m.kind === 'inquiry')?.id;
  return msgs.map((m) => {
    const d = mails.find((x) => (x.kind === 'confirmation_mail' ? inquiry : x.messageId) === m.id);
    return { ...m, files: files.filter((f) => f.messageId === m.id), mail: d ? mailState(d) : null };
  });
}

/** The newest history rows of a ticket (most recent first). */
export async function ticketHistoryRows(db: Queryable, serviceId: string, ticketId: string) {
  return db
    .select()
    .from(ticketHistory)
    .where(and(eq(ticketHistory.serviceId, serviceId), eq(ticketHistory.ticketId, ticketId)))
    .orderBy(desc(ticketHistory.createdAt), desc(ticketHistory.seq))
    .limit(HISTORY_LIMIT);
}

/** Agents a ticket can be handed to (전달): assignable, with ticket permission, active. */
export async function transferTargets(db: Queryable, serviceId: string) {
  return db
    .select({ memberId: members.id, name: members.name, loginId: members.loginId })
    .from(serviceMembers)
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(
      and(
        eq(serviceMembers.serviceId, serviceId),
        eq(serviceMembers.assignable, true),
        sql`'ticket' = any(${serviceMembers.channels})`,
        eq(members.status, 'active'),
      ),
    )
    .orderBy(asc(members.name))
    .limit(500);
}
