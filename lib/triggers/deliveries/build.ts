import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { groupMembers, members, serviceMembers, services, triggerDeliveries, type DeliveryKind } from '@/db/schema';
import type { Queryable } from '@/db';
import { isLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { appUrl } from '@/lib/app-url';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
import type { TicketEvent, TicketSnapshot } from '@/lib/tickets/types';
import type { CallbackSettings } from '../results/callback';
import type { DoorayAlertSettings } from '../results/dooray';
import type { ForwardSettings } from '../results/forward';
import type { NotifyMailSettings } from '../results/notify-mail';
import type { PassService } from '../load';
import type { Effect } from '../types';
import { enqueueDeliveries } from './queue';

/** The request a delivery sends; for mails to the customer, rendered only at send time (their encrypted fields). */
export type MailRequest = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  audience: 'agent' | 'customer';
  lang?: string;
  template?: { subject: string; body: string; html: boolean };
  /** 외부 전달 후 티켓 완료: close the ticket once this mail is accepted. */
  completeTicket?: boolean;
};
export type HttpRequest = { url: string; body: Record<string, unknown> };

const MAX_RECIPIENTS = 100;

type Ctx = { serviceId: string; event: TicketEvent; reply?: string; languages: string[]; editorHtml: boolean; values: Map<TicketSnapshot, Record<string, string>> };

async function agentValues(tx: Queryable, ctx: Ctx, t: TicketSnapshot) {
  let v = ctx.values.get(t);
  if (!v) {
    v = await substitutionValues(tx, t, { audience: 'agent', reply: ctx.reply });
    ctx.values.set(t, v);
  }
  return v;
}

async function recipients(tx: Queryable, serviceId: string, s: NotifyMailSettings, t: TicketSnapshot): Promise<{ email: string; audience: 'agent' | 'customer' }[]> {
  if (s.to === 'customer') return t.requesterEmail ? [{ email: t.requesterEmail, audience: 'customer' }] : [];
  let memberIds: string[] = [];
  if (s.to === 'assignee') memberIds = t.assigneeId ? [t.assigneeId] : [];
  else if (s.to === 'agent') memberIds = s.agentId ? [s.agentId] : [];
  else {
    const groupId = s.to === 'group' ? t.groupId : s.groupId;
    if (!groupId) return [];
    const rows = await tx
      .select({ id: serviceMembers.memberId })
      .from(groupMembers)
      .innerJoin(serviceMembers, eq(serviceMembers.id, groupMembers.agentId))
      .where(and(eq(groupMembers.serviceId, serviceId), eq(groupMembers.groupId, groupId)));
    memberIds = rows.map((r) => r.id);
  }
  if (!memberIds.length) return [];
  // Only members who are still agents of this service and can log in.
  const rows = await tx
    .select({ email: members.email })
    .from(members)
    .innerJoin(serviceMembers, and(eq(serviceMembers.memberId, members.id), eq(serviceMembers.serviceId, serviceId)))
    .where(and(inArray(members.id, memberIds), eq(members.status, 'active')));
  return [...new Set(rows.map((r) => r.email))].slice(0, MAX_RECIPIENTS).map((email) => ({ email, audience: 'agent' as const }));
}

function pickLang(messages: Record<string, unknown>, ticketLang: string, languages: string[]): string {
  if (messages[ticketLang]) return ticketLang;
  if (languages[0] && messages[languages[0]]) return languages[0];
  return Object.keys(messages)[0];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

/** The deliveries (kind, shown target, request) one effect makes. */
async function requestsOf(tx: Queryable, ctx: Ctx, e: Effect): Promise<{ kind: DeliveryKind; target: string; request: MailRequest | HttpRequest }[]> {
  const t = e.ticket;
  if (e.type === 'notify_mail') {
    const s = e.settings as unknown as NotifyMailSettings;
    const lang = pickLang(s.messages, t.language, ctx.languages);
    const m = s.messages[lang];
    const out: { kind: DeliveryKind; target: string; request: MailRequest }[] = [];
    for (const r of await recipients(tx, ctx.serviceId, s, t)) {
      if (r.audience === 'customer') {
        out.push({ kind: 'notify_mail', target: r.email, request: { to: r.email, subject: '', text: '', audience: 'customer', lang, template: { subject: m.subject, body: m.body, html: ctx.editorHtml } } });
        continue;
      }
      const v = await agentValues(tx, ctx, t);
      const body = ctx.editorHtml ? sanitizeRichHtml(renderCodes(m.body, v, { html: true })) : renderCodes(m.body, v, { html: false });
      out.push({ kind: 'notify_mail', target: r.email, request: { to: r.email, subject: renderCodes(m.subject, v, { html: false }), text: ctx.editorHtml ? htmlToMailText(body) : body, html: ctx.editorHtml ? body : undefined, audience: 'agent', lang } });
    }
    return out;
  }
  if (e.type === 'forward') {
    const s = e.settings as unknown as ForwardSettings;
    const v = await agentValues(tx, ctx, t);
    const tr = translator(isLocale(t.language) ? t.language : 'ko');
    const lines = [
      `${tr('triggers.forwardMail.ticket')}: #${t.number}`,
      `${tr('triggers.forwardMail.subject')}: ${t.subject}`,
      `${tr('triggers.forwardMail.status')}: ${v.status}`,
      `${tr('triggers.forwardMail.priority')}: ${v.priority}`,
      `${tr('triggers.forwardMail.category')}: ${v.category || '-'}`,
      `${tr('triggers.forwardMail.requester')}: ${[t.requesterName, t.requesterEmail].filter(Boolean).join(' ') || '-'}`,
      `${tr('triggers.forwardMail.createdAt')}: ${v.createdAt}`,
      '',
      t.content,
      '',
      `${tr('triggers.forwardMail.link')}: ${v.ticketUrl}`,
    ];
    return [{ kind: 'forward', target: s.to, request: { to: s.to, subject: tr('triggers.forwardMail.title', { number: t.number, subject: t.subject }), text: lines.join('\n'), audience: 'agent', ...(s.complete ? { completeTicket: true } : {}) } }];
  }
  if (e.type === 'callback') {
    const s = e.settings as unknown as CallbackSettings;
    const body = {
      type: `ticket.${ctx.event}`,
      event: ctx.event,
      trigger: { id: e.triggerId, title: e.triggerTitle },
      ticket: {
        id: t.id,
        number: t.number,
        subject: t.subject,
        content: t.content,
        status: t.status,
        priority: t.priority,
        channel: t.channel,
        language: t.language,
        intakeTypeId: t.intakeTypeId,
        processingTypeId: t.processingTypeId,
        assigneeId: t.assigneeId,
        groupId: t.groupId,
        requester: { name: t.requesterName, email: t.requesterEmail, phone: t.requesterPhone },
        fields: t.fields,
        url: `${appUrl()}/${t.serviceId}/tickets/${t.number}`,
        createdAt: t.createdAt.toISOString(),
        updatedAt: t.updatedAt.toISOString(),
      },
    };
    return [{ kind: 'callback', target: hostOf(s.url), request: { url: s.url, body } }];
  }
  if (e.type === 'dooray') {
    const s = e.settings as unknown as DoorayAlertSettings;
    const v = await agentValues(tx, ctx, t);
    const r = (x: string) => renderCodes(x, v, { html: false });
    const attachments = s.attachmentTitle || s.attachmentText ? [{ title: r(s.attachmentTitle), titleLink: v.ticketUrl, text: r(s.attachmentText), color: '#4757C4' }] : [];
    return [{ kind: 'dooray', target: hostOf(s.url), request: { url: s.url, body: { botName: s.botName, botIconImage: s.botIconImage || undefined, text: r(s.text), attachments } } }];
  }
  return [];
}

async function context(tx: Queryable, serviceId: string, event: TicketEvent, reply?: string, known?: PassService | null): Promise<Ctx> {
  const [svc] = known ? [known] : await tx.select({ languages: services.languages, editorType: services.editorType }).from(services).where(eq(services.id, serviceId));
  return { serviceId, event, reply, languages: svc?.languages ?? [], editorHtml: svc?.editorType !== 'text', values: new Map() };
}

/** What each effect would send (the test run): kind, shown target and a short summary; nothing is written. */
export async function previewEffects(tx: Queryable, input: { serviceId: string; event: TicketEvent; effects: Effect[] }): Promise<{ kind: DeliveryKind; target: string; summary: string }[][]> {
  const ctx = await context(tx, input.serviceId, input.event);
  const out = [];
  for (const e of input.effects) {
    const reqs = await requestsOf(tx, ctx, e);
    out.push(
      reqs.map((r) => {
        const m = r.request as MailRequest;
        const h = r.request as HttpRequest;
        const summary = 'url' in h ? (r.kind === 'dooray' ? String((h.body as { text?: string }).text ?? '') : `POST ${hostOf(h.url)}`) : m.template ? m.template.subject : m.subject;
        return { kind: r.kind, target: r.target, summary: summary.slice(0, 300) };
      }),
    );
  }
  return out;
}

/** What enqueuing an effect did, per result: the delivery ids, or why nothing was queued. */
export type Enqueued = { deliveryIds: string[]; reason?: string };

/**
 * Renders each effect and writes its deliveries (the outbox) and jobs in the caller's
 * transaction. Effects to an endpoint that answered 410 are skipped.
 */
export async function enqueueEffects(tx: Queryable, input: { serviceId: string; event: TicketEvent; reply?: string; effects: Effect[]; disabled: ReadonlySet<string>; service?: PassService | null }): Promise<Enqueued[]> {
  if (!input.effects.length) return [];
  const ctx = await context(tx, input.serviceId, input.event, input.reply, input.service);
  const out: Enqueued[] = [];
  // All deliveries of the pass in one INSERT and their jobs in one more, not two statements per effect.
  const values: (typeof triggerDeliveries.$inferInsert)[] = [];
  for (const e of input.effects) {
    const url = (e.settings as { url?: string }).url;
    if (url && input.disabled.has(url)) {
      out.push({ deliveryIds: [], reason: 'endpoint_disabled' });
      continue;
    }
    const reqs = await requestsOf(tx, ctx, e);
    if (!reqs.length) {
      out.push({ deliveryIds: [], reason: 'no_recipient' });
      continue;
    }
    const ids: string[] = [];
    for (const r of reqs) {
      const id = randomUUID();
      ids.push(id);
      values.push({ id, serviceId: input.serviceId, triggerId: e.triggerId, triggerTitle: e.triggerTitle, ticketId: e.ticket.id, kind: r.kind, target: r.target, request: r.request as unknown as Record<string, unknown> });
    }
    out.push({ deliveryIds: ids });
  }
  if (!values.length) return out;
  await tx.insert(triggerDeliveries).values(values);
  await enqueueDeliveries(tx, values.map((v) => v.id!));
  return out;
}
