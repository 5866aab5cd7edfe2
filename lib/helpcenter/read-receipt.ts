import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { ticketAttachments, tickets } from '@/db/schema';
import type { Queryable } from '@/db';
import { attachmentToken, checkReceipt } from './tokens';

export type Receipt = {
  number: number;
  subject: string;
  attachments: { id: string; fileName: string; size: number; token: string }[];
};

/** What the confirmation page shows for a valid, unexpired receipt of this service; else null. */
export async function readReceipt(db: Queryable, serviceId: string, receipt: unknown): Promise<Receipt | null> {
  const ticketId = checkReceipt(serviceId, receipt);
  if (!ticketId) return null;
  const [ticket] = await db
    .select({ number: tickets.number, subject: tickets.subject })
    .from(tickets)
    .where(and(eq(tickets.serviceId, serviceId), eq(tickets.id, ticketId)))
    .limit(1);
  if (!ticket) return null;
  const files = await db
    .select({ id: ticketAttachments.id, fileName: ticketAttachments.fileName, size: ticketAttachments.size })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.serviceId, serviceId), eq(ticketAttachments.ticketId, ticketId)))
    .orderBy(asc(ticketAttachments.createdAt), asc(ticketAttachments.fileName));
  return { ...ticket, attachments: files.map((f) => ({ ...f, token: attachmentToken(serviceId, f.id) })) };
}
