import { z } from 'zod';
import { mailAddress } from '@/lib/net/addresses';
import { isLocale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { agentValues } from '../deliveries/context';
import type { ResultModule } from './result';

export const forwardSchema = z.object({
  type: z.literal('forward'),
  to: mailAddress,
  /** 외부 전달 후 티켓 완료: the ticket is closed once the mail server accepted the forward (deliveries/complete-after-forward.ts). */
  complete: z.boolean().default(false),
});
export type ForwardSettings = z.infer<typeof forwardSchema>;

/** 전달: 외부전달 — the ticket's details and content mailed to an outside address with a link to the ticket. */
export const forward: ResultModule<ForwardSettings> = {
  type: 'forward',
  schema: forwardSchema,
  kind: 'effect',
  apply: () => ({ effect: true, outcome: 'queued' }),
  async build(s, ctx, { ticket: t }) {
    const v = await agentValues(ctx, t);
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
    return [
      {
        kind: 'forward',
        target: s.to,
        request: {
          to: s.to,
          subject: tr('triggers.forwardMail.title', { number: t.number, subject: t.subject }),
          text: lines.join('\n'),
          audience: 'agent',
          ...(s.complete ? { completeTicket: true } : {}),
        },
      },
    ];
  },
};
