import { z } from 'zod';
import { sanitizeRichHtml } from '@/lib/html/sanitize';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import { renderCodes } from '@/lib/substitution/render';
import type { TicketSnapshot } from '@/lib/tickets/types';
import {
  agentRecipients,
  agentValues,
  groupMemberIds,
  type BuildContext,
  type DeliveryRequest,
} from '../deliveries/context';
import type { ResultModule } from './result';

const noCrlf = (s: string) => !/[\r\n]/.test(s);
export const mailMessageSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(200, 'validation.tooLong')
    .refine(noCrlf, 'validation.triggers.crlf'),
  body: z.string().trim().min(1, 'validation.required').max(20000, 'validation.tooLong'),
});

export const notifyMailSchema = z
  .object({
    type: z.literal('notify_mail'),
    to: z.enum(['assignee', 'group', 'customer', 'agent', 'named_group'], { error: 'validation.triggers.recipient' }),
    agentId: z.uuid('validation.triggers.agent').nullish(),
    groupId: z.uuid('validation.triggers.group').nullish(),
    /** Subject and body per help-center language; the ticket's language, else the default, is sent. */
    messages: z
      .record(z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/), mailMessageSchema)
      .refine((m) => Object.keys(m).length > 0, 'validation.triggers.messages'),
  })
  .refine((s) => s.to !== 'agent' || Boolean(s.agentId), { path: ['agentId'], message: 'validation.triggers.agent' })
  .refine((s) => s.to !== 'named_group' || Boolean(s.groupId), {
    path: ['groupId'],
    message: 'validation.triggers.group',
  });
export type NotifyMailSettings = z.infer<typeof notifyMailSchema>;

async function recipients(
  ctx: BuildContext,
  s: NotifyMailSettings,
  t: TicketSnapshot,
): Promise<{ email: string; audience: 'agent' | 'customer' }[]> {
  if (s.to === 'customer') return t.requesterEmail ? [{ email: t.requesterEmail, audience: 'customer' }] : [];
  if (s.to === 'assignee') return agentRecipients(ctx, t.assigneeId ? [t.assigneeId] : []);
  if (s.to === 'agent') return agentRecipients(ctx, s.agentId ? [s.agentId] : []);
  const groupId = s.to === 'group' ? t.groupId : s.groupId;
  return groupId ? agentRecipients(ctx, await groupMemberIds(ctx, groupId)) : [];
}

function pickLang(messages: Record<string, unknown>, ticketLang: string, languages: string[]): string {
  if (messages[ticketLang]) return ticketLang;
  if (languages[0] && messages[languages[0]]) return languages[0];
  return Object.keys(messages)[0];
}

/** 알림: ○○에게 메일 보내기 — queued; rendered and addressed when enqueued. */
export const notifyMail: ResultModule<NotifyMailSettings> = {
  type: 'notify_mail',
  schema: notifyMailSchema,
  kind: 'effect',
  apply: () => ({ effect: true, outcome: 'queued' }),
  followsFinalTicket: (s) => s.to === 'assignee' || s.to === 'group',
  async build(s, ctx, { ticket: t }) {
    const lang = pickLang(s.messages, t.language, ctx.languages);
    const m = s.messages[lang];
    const out: DeliveryRequest[] = [];
    for (const r of await recipients(ctx, s, t)) {
      if (r.audience === 'customer') {
        // Rendered at send time: the customer's own encrypted fields are filled in then.
        out.push({
          kind: 'notify_mail',
          target: r.email,
          request: {
            to: r.email,
            subject: '',
            text: '',
            audience: 'customer',
            lang,
            template: { subject: m.subject, body: m.body, html: ctx.editorHtml },
          },
        });
        continue;
      }
      const v = await agentValues(ctx, t);
      const body = ctx.editorHtml
        ? sanitizeRichHtml(renderCodes(m.body, v, { html: true }))
        : renderCodes(m.body, v, { html: false });
      out.push({
        kind: 'notify_mail',
        target: r.email,
        request: {
          to: r.email,
          subject: renderCodes(m.subject, v, { html: false }),
          text: ctx.editorHtml ? htmlToMailText(body) : body,
          html: ctx.editorHtml ? body : undefined,
          audience: 'agent',
          lang,
        },
      });
    }
    return out;
  },
};
