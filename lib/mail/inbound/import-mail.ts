import { and, eq, inArray, sql } from 'drizzle-orm';
import { fields, ticketMessages, tickets } from '@/db/schema';
import { saveAttachments } from '@/lib/attachments/save';
import type { Db, Queryable, Tx } from '@/db';
import { isUniqueViolation } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { CONFIG_COLUMNS, CONFIG_JOINS, configFromRow, type ConfigRow } from '@/lib/services/config';
import { applyPlan } from '@/lib/tickets/change';
import { createTicket } from '@/lib/tickets/create-ticket';
import { requesterEmail } from '@/lib/tickets/reply-mail';
import { loadTicket } from '@/lib/tickets/snapshot';
import { mailDomain } from '../domain';
import { parseInbound, type InboundMail } from './parse';

export type ImportOutcome =
  | { outcome: 'created' | 'appended'; ticketId: string; number: number }
  | { outcome: 'duplicate' }
  | { outcome: 'suppressed'; reason: string };

const TAG = /\[#(\d{1,9})\]/;
const OWN_ROOT = /^<ticket-([0-9a-f-]{36})@/i;
/** Statuses a customer's mail re-opens (SPEC §8); a completed ticket gets a new one instead. */
const REOPENS = new Set(['solved', 'pending']);
const ANSWERABLE = new Set(['new', 'open', 'pending', 'solved', 'dooray_transferred', 'dooray_working', 'dooray_done']);

/** The ticket a mail answers: by its references (our Message-IDs or the customer's), else by a `[#123]` tag from the requester. */
async function threadOf(tx: Queryable, serviceId: string, mail: InboundMail): Promise<string | null> {
  if (mail.refs.length) {
    const own = mail.refs.map((r) => OWN_ROOT.exec(r)?.[1]).filter((x): x is string => Boolean(x));
    const byMsg = await tx
      .select({ ticketId: ticketMessages.ticketId })
      .from(ticketMessages)
      .where(and(eq(ticketMessages.serviceId, serviceId), inArray(ticketMessages.mailMessageId, mail.refs)))
      .limit(1);
    if (byMsg[0]) return byMsg[0].ticketId;
    const byThread = await tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.serviceId, serviceId), inArray(tickets.mailThreadId, mail.refs)))
      .limit(1);
    if (byThread[0]) return byThread[0].id;
    if (own.length) {
      const byId = await tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.serviceId, serviceId), inArray(tickets.id, own)))
        .limit(1);
      if (byId[0]) return byId[0].id;
    }
  }
  const tag = TAG.exec(mail.subject);
  if (!tag || !mail.fromAddress) return null;
  const [t] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.serviceId, serviceId), eq(tickets.number, Number(tag[1]))));
  if (!t) return null;
  // A subject tag alone is guessable: only the ticket's own requester may add to it that way.
  const { snapshot } = await loadTicket(tx, serviceId, t.id);
  const owner = (await requesterEmail(tx, snapshot))?.toLowerCase();
  return owner === mail.fromAddress ? t.id : null;
}

function bodyOf(mail: InboundMail, lang: string): string {
  const t = translator(isLocale(lang) ? lang : 'ko');
  const notes = mail.skipped.map((s) => t('email.inbound.skipped', { name: s.name, reason: t(s.reason, { max: 5 }) }));
  return [mail.text || t('email.inbound.empty'), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/**
 * Everything new mails need from the service, in one round trip: which of their Message-IDs are
 * already here, and the service's configuration (lib/services/config.ts), handed on to
 * createTicket so it does not read it again. The 이름/이메일 fields come from the configuration's
 * memo (read once per configuration version and process).
 */
async function intakeContext(tx: Queryable, serviceId: string, messageIds: string[]) {
  const { rows } = await tx.execute<ConfigRow & { dups: string[] | null }>(
    sql`SELECT ${sql.raw(CONFIG_COLUMNS)}, (SELECT array_agg(m.mail_message_id) FROM ticket_messages m WHERE m.service_id = s.id AND m.mail_message_id = ANY(${sql.param(messageIds)}::text[])) AS dups FROM services s ${sql.raw(CONFIG_JOINS)} WHERE s.id = ${serviceId}`,
  );
  const config = rows[0] ? configFromRow(serviceId, rows[0]) : undefined;
  const intakeFields = config
    ? await config.memo('mail.intakeFields', () =>
        tx
          .select()
          .from(fields)
          .where(and(eq(fields.serviceId, serviceId), inArray(fields.code, ['name', 'mail']))),
      )
    : [];
  return {
    dups: new Set(rows[0]?.dups ?? []),
    lang: config?.languages[0] ?? 'ko',
    fields: intakeFields,
    config,
  };
}

async function importParsed(
  tx: Tx,
  serviceId: string,
  mail: InboundMail,
  ctx: Awaited<ReturnType<typeof intakeContext>>,
  number?: number,
): Promise<ImportOutcome> {
  const { lang } = ctx;
  const existing = await threadOf(tx, serviceId, mail);
  if (existing) {
    const current = await loadTicket(tx, serviceId, existing, { forUpdate: true });
    if (ANSWERABLE.has(current.row.status) && !current.row.spam) {
      const body = bodyOf(mail, current.row.language);
      const r = await applyPlan(tx, serviceId, { type: 'customer', name: mail.fromName ?? mail.fromAddress }, current, {
        event: 'customer_reply',
        set: REOPENS.has(current.row.status) ? { status: 'open' } : {},
        message: { kind: 'customer_reply', body, mailMessageId: mail.messageId },
      });
      if (mail.files.length) await saveAttachments(tx, serviceId, existing, r.messageId, mail.files);
      return { outcome: 'appended', ticketId: existing, number: current.row.number };
    }
  }
  const entries = [];
  const nameField = ctx.fields.find((f) => f.code === 'name');
  const mailField = ctx.fields.find((f) => f.code === 'mail');
  if (nameField && (mail.fromName || mail.fromAddress))
    entries.push({
      field: nameField,
      value: (mail.fromName ?? mail.fromAddress!).slice(0, nameField.maxLength ?? 100),
    });
  if (mailField && mail.fromAddress) entries.push({ field: mailField, value: mail.fromAddress });
  const t = translator(isLocale(lang) ? lang : 'ko');
  const { snapshot } = await createTicket(tx, {
    serviceId,
    channel: 'email',
    language: lang,
    subject: mail.subject || t('email.inbound.noSubject'),
    content: bodyOf(mail, lang),
    intakeTypeId: null,
    entries,
    files: mail.files,
    actor: { type: 'customer', name: mail.fromName ?? mail.fromAddress },
    mailMessageId: mail.messageId,
    number,
    config: ctx.config,
    // Our replies thread under the customer's first mail: written with the row, not by a second UPDATE.
    mailThreadId: mail.messageId,
  });
  return { outcome: 'created', ticketId: snapshot.id, number: snapshot.number };
}

/**
 * The one inbound verb (SPEC §8), used by the SMTP receiver and the IMAP poller: a mail becomes a
 * ticket, or a customer reply on the ticket it answers (re-opening a solved/pending one, with the
 * 고객 답변 event for triggers). Auto-replies, bounces and loops create nothing. A Message-ID
 * already imported is refused by the unique index, not by a check that two receivers could race
 * past. `inTx` runs in the same transaction (the IMAP cursor), so nothing is half-written.
 */
export async function importMail(
  db: Db,
  serviceId: string,
  raw: Buffer,
  opts: { inTx?: (tx: Tx) => Promise<void> } = {},
): Promise<ImportOutcome> {
  return importParsedMail(db, serviceId, await parseInbound(raw, mailDomain()), opts);
}

/** importMail for a mail parsed already (the IMAP poller parses a batch first). */
export async function importParsedMail(
  db: Db,
  serviceId: string,
  mail: InboundMail,
  opts: { inTx?: (tx: Tx) => Promise<void> } = {},
): Promise<ImportOutcome> {
  if (mail.automatic) {
    if (opts.inTx) await db.transaction(opts.inTx);
    return { outcome: 'suppressed', reason: mail.automatic };
  }
  try {
    return await db.transaction(async (tx) => {
      // The duplicate check stays (besides the unique index) so a re-delivered mail burns no ticket number.
      const ctx = await intakeContext(tx, serviceId, [mail.messageId]);
      const out: ImportOutcome = ctx.dups.has(mail.messageId)
        ? { outcome: 'duplicate' }
        : await importParsed(tx, serviceId, mail, ctx);
      if (opts.inTx) await opts.inTx(tx);
      return out;
    });
  } catch (err) {
    if (!isUniqueViolation(err, 'ticket_messages_mail_id_uq')) throw err;
    // Another receiver imported the same mail meanwhile; this one rolled back whole.
    if (opts.inTx) await db.transaction(opts.inTx);
    return { outcome: 'duplicate' };
  }
}

/**
 * Whether a mail may answer another one (it has references or a `[#123]` tag): such a mail must
 * wait until every mail received before it is committed, or it could miss the ticket it answers.
 * Any other mail can only open a new ticket.
 */
export function mayThread(mail: InboundMail): boolean {
  return mail.refs.length > 0 || TAG.test(mail.subject);
}

/**
 * Ticket numbers for new mails, reserved in one statement before they are imported side by side:
 * handed out in the given order, so tickets are numbered as the mails arrived whichever
 * transaction commits first. A mail already imported gets none (a re-read mailbox burns no
 * numbers); a number whose import then fails is a gap, as any rolled-back creation leaves.
 */
export async function reserveTicketNumbers(
  db: Queryable,
  serviceId: string,
  messageIds: string[],
): Promise<Map<string, number>> {
  const { rows } = await db.execute<{ id: string; n: number | null }>(
    sql`SELECT m.id, CASE WHEN EXISTS (SELECT 1 FROM ticket_messages t WHERE t.service_id = ${serviceId} AND t.mail_message_id = m.id) THEN NULL ELSE next_ticket_number(${serviceId}) END AS n FROM unnest(${sql.param(messageIds)}::text[]) WITH ORDINALITY AS m(id, ord) ORDER BY m.ord`,
  );
  const fresh = rows.filter((r) => r.n !== null);
  // One sequence, one statement: ascending numbers to the mails in their order, whatever order it evaluated in.
  const numbers = fresh.map((r) => Number(r.n)).sort((x, y) => x - y);
  return new Map(fresh.map((r, i) => [r.id, numbers[i]]));
}

/**
 * Several parsed mails of one account, in their order, in one transaction: one read of the
 * service for all of them and one commit. New tickets take their number from `numbers` (by
 * Message-ID) when it was reserved beforehand. All or nothing: on any error (a Message-ID
 * imported meanwhile by another receiver included) nothing is written and the caller imports
 * them one by one instead.
 */
export async function importParsedMails(
  db: Db,
  serviceId: string,
  mails: InboundMail[],
  numbers?: ReadonlyMap<string, number>,
): Promise<ImportOutcome[]> {
  return db.transaction(async (tx) => {
    const wanted = mails.filter((m) => !m.automatic);
    const ctx = wanted.length
      ? await intakeContext(
          tx,
          serviceId,
          wanted.map((m) => m.messageId),
        )
      : null;
    const out: ImportOutcome[] = [];
    for (const mail of mails) {
      if (mail.automatic) out.push({ outcome: 'suppressed', reason: mail.automatic });
      else if (ctx!.dups.has(mail.messageId)) out.push({ outcome: 'duplicate' });
      else {
        out.push(await importParsed(tx, serviceId, mail, ctx!, numbers?.get(mail.messageId)));
        ctx!.dups.add(mail.messageId); // the same mail twice in one run
      }
    }
    return out;
  });
}
