import { and, eq } from 'drizzle-orm';
import { services, ticketMessages, tickets } from '@/db/schema';
import type { Queryable } from '@/lib/db';
import { isLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { sendMail, type OutgoingMail } from '@/lib/mail/send';
import { mailDomain, serviceSender } from '@/lib/mail/sender';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { escapeHtml } from '@/lib/substitution/render';
import { loadTicket } from './snapshot';
import type { TicketSnapshot } from './types';

/** The id every mail of a ticket refers to, so mail clients keep one thread per ticket. */
export function threadRootId(ticket: { id: string; mailThreadId?: string | null }): string {
  return ticket.mailThreadId ?? `<ticket-${ticket.id}@${mailDomain()}>`;
}

/** The customer's address: the plain column, or the decrypted 이메일 field when it is encrypted. */
export async function requesterEmail(db: Queryable, ticket: TicketSnapshot): Promise<string | null> {
  if (ticket.requesterEmail) return ticket.requesterEmail;
  const values = await readFieldValues(db, ticket.serviceId, ticket.id, { reveal: true });
  const v = values.mail?.value;
  return typeof v === 'string' && v ? v : null;
}

/**
 * The mail a reply becomes, in the ticket's language with the built-in layout (the layout
 * settings of the e-mail issue will replace it): the reply text, the ticket number in the
 * subject (`[#123]`) and threading headers.
 */
export function composeReplyMail(ticket: TicketSnapshot & { mailThreadId?: string | null }, serviceName: string, to: string, body: string, messageId: string): OutgoingMail {
  const lang = isLocale(ticket.language) ? ticket.language : 'en';
  const t = translator(lang);
  const params = { name: ticket.requesterName ?? t('mail.reply.customer'), number: ticket.number, subject: ticket.subject, service: serviceName };
  const greeting = t('mail.reply.greeting', params);
  const footer = t('mail.reply.footer', params);
  const root = threadRootId(ticket);
  const html = `<div style="font-family:sans-serif;line-height:1.6"><p>${escapeHtml(greeting)}</p><div>${escapeHtml(body).replace(/\n/g, '<br>')}</div><hr><p style="color:#64748b;font-size:12px">${escapeHtml(footer)}</p></div>`;
  return {
    to,
    from: serviceSender(serviceName),
    subject: `[#${ticket.number}] ${t('mail.reply.subjectPrefix')}${ticket.subject}`,
    text: `${greeting}\n\n${body}\n\n--\n${footer}`,
    html,
    messageId,
    inReplyTo: root,
    references: [root],
    headers: { 'X-Contact-Desk-Ticket': `${ticket.serviceId}#${ticket.number}` },
  };
}

/** Message-ID of a reply: stable, so a retried send is recognisable as the same mail. */
export function replyMessageId(ticketId: string, messageId: string): string {
  return `<reply-${messageId}.${ticketId.slice(0, 8)}@${mailDomain()}>`;
}

/**
 * Sends an agent reply to the customer when the ticket has an e-mail address, and records the
 * Message-ID on the message. Returns whether a mail went out.
 */
export async function sendReplyMail(db: Queryable, serviceId: string, ticketId: string, messageId: string): Promise<{ sent: boolean; to?: string }> {
  const { snapshot, row } = await loadTicket(db, serviceId, ticketId);
  const [msg] = await db.select().from(ticketMessages).where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticketId)));
  if (!msg || msg.kind !== 'agent_reply') return { sent: false };
  const to = await requesterEmail(db, snapshot);
  if (!to) return { sent: false };
  const [service] = await db.select({ name: services.name }).from(services).where(eq(services.id, serviceId));
  const id = replyMessageId(ticketId, messageId);
  await sendMail(composeReplyMail({ ...snapshot, mailThreadId: row.mailThreadId }, service.name, to, msg.body, id));
  await db.update(ticketMessages).set({ mailMessageId: id }).where(eq(ticketMessages.id, messageId));
  if (!row.mailThreadId) await db.update(tickets).set({ mailThreadId: threadRootId(row) }).where(and(eq(tickets.id, ticketId), eq(tickets.serviceId, serviceId)));
  return { sent: true, to };
}
