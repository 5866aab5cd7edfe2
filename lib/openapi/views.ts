import type { TicketSnapshot } from '@/lib/tickets/types';

/** A ticket as the original's `result.content` shows it; `ticketId` is the service's ticket number. */
export function ticketContent(
  t: Pick<TicketSnapshot, 'number' | 'subject' | 'content' | 'status' | 'intakeTypeId' | 'createdAt' | 'updatedAt'>,
  attachments: { attachmentId: string; fileName: string; size: number }[] = [],
) {
  return {
    ticketId: String(t.number),
    subject: t.subject,
    categoryId: t.intakeTypeId,
    status: t.status,
    content: t.content,
    createdDt: t.createdAt.toISOString(),
    updatedDt: t.updatedAt.toISOString(),
    attachments,
  };
}
