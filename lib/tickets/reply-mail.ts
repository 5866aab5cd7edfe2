import { and, eq } from 'drizzle-orm';
import { ticketMessages, type MailLayoutEvent, type MessageFormat, type Ticket } from '@/db/schema';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import type { Queryable } from '@/db';
import { isLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { mailDomain } from '@/lib/mail/domain';
import { htmlToText } from '@/lib/mail/html-to-text';
import { findLayout, serviceSender } from '@/lib/mail/sender';
import type { OutgoingMail } from '@/lib/mail/send';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { escapeHtml } from '@/lib/html/escape';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
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

/** Which 메일 레이아웃 a reply uses: 수동 생성 티켓 처리 for tickets an agent created, else 해결 / 보류. */
export function layoutEventOf(ticket: Pick<TicketSnapshot, 'channel' | 'status'>): MailLayoutEvent {
  if (ticket.channel === 'manual') return 'manual';
  return ticket.status === 'pending' ? 'pending' : 'solved';
}

/**
 * The mail a reply becomes: the service's layout of its event and language (`#{content}` is the
 * reply), or the built-in one; 발신 정보 as From, Reply-To to the representative account, the
 * `[#123]` subject tag and threading headers. The "reply to this mail" footer appears only when
 * replying by mail actually reaches the service.
 */
export async function buildReplyMail(
  db: Queryable,
  input: {
    snapshot: TicketSnapshot;
    row: Pick<Ticket, 'id' | 'mailThreadId'>;
    to: string;
    body: string;
    /** `html`: a reply from the rich-text editor (sanitized again here). */ format?: MessageFormat;
    messageId: string;
    event: MailLayoutEvent;
    /** 미리보기: an agent reads it, so encrypted values stay masked. */ maskWith?: string;
  },
): Promise<OutgoingMail> {
  const { snapshot: ticket } = input;
  const sender = await serviceSender(db, ticket.serviceId);
  const lang = isLocale(ticket.language) ? ticket.language : 'en';
  const t = translator(lang);
  const params = {
    name: ticket.requesterName ?? t('mail.reply.customer'),
    number: ticket.number,
    subject: ticket.subject,
    service: sender.serviceName,
  };
  const layout = await findLayout(db, ticket.serviceId, input.event, ticket.language, sender.languages);
  // A rich reply goes into the mail as its sanitized HTML, with a text part made from it (html-to-text).
  const bodyHtml =
    input.format === 'html' ? sanitizeRichHtml(input.body) : escapeHtml(input.body).replace(/\n/g, '<br>');
  const bodyText = input.format === 'html' ? htmlToText(bodyHtml) : input.body;
  let text: string;
  let html: string;
  if (layout) {
    const values = await substitutionValues(
      db,
      ticket,
      input.maskWith === undefined
        ? { audience: 'customer', reply: bodyText }
        : { audience: 'agent', reply: bodyText, maskWith: input.maskWith },
    );
    if (sender.editorHtml) {
      // Sanitized again at send time (a layout stored before sanitizing, or edited in the database, sends no script).
      html = sanitizeRichHtml(renderCodes(layout, { ...values, content: '\u0000' }, { html: true })).replace(
        '\u0000',
        () => bodyHtml,
      );
      text = htmlToText(html);
    } else {
      text = renderCodes(layout, values, { html: false });
      html = `<div style="font-family:sans-serif;line-height:1.6;white-space:pre-wrap">${escapeHtml(text)}</div>`;
    }
  } else {
    const greeting = t('mail.reply.greeting', params);
    const footer = t(sender.repliesArrive ? 'mail.reply.footer' : 'email.reply.footerNoReply', params);
    html = `<div style="font-family:sans-serif;line-height:1.6"><p>${escapeHtml(greeting)}</p><div>${bodyHtml}</div><hr><p style="color:#64748b;font-size:12px">${escapeHtml(footer)}</p></div>`;
    text = `${greeting}\n\n${bodyText}\n\n--\n${footer}`;
  }
  const root = threadRootId(input.row);
  return {
    to: input.to,
    from: sender.from,
    replyTo: sender.replyTo,
    subject: `[#${ticket.number}] ${t('mail.reply.subjectPrefix')}${ticket.subject}`,
    text,
    html,
    messageId: input.messageId,
    inReplyTo: root,
    references: [root],
    headers: { 'X-Contact-Desk-Ticket': `${ticket.serviceId}#${ticket.number}` },
  };
}

/** The reply mail of a queued delivery, rendered now (the customer's encrypted address is never stored). Null when there is nothing to send. */
export async function replyMailOf(
  db: Queryable,
  serviceId: string,
  ticketId: string,
  ticketMessageId: string,
  messageId: string,
  event: MailLayoutEvent,
): Promise<OutgoingMail | null> {
  const { snapshot, row } = await loadTicket(db, serviceId, ticketId);
  const [msg] = await db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, ticketMessageId), eq(ticketMessages.ticketId, ticketId)));
  if (!msg || msg.kind !== 'agent_reply') return null;
  const to = await requesterEmail(db, snapshot);
  if (!to) return null;
  return buildReplyMail(db, { snapshot, row, to, body: msg.body, format: msg.format, messageId, event });
}
