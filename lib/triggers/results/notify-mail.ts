import { z } from 'zod';
import type { ResultModule } from './result';

const noCrlf = (s: string) => !/[\r\n]/.test(s);
export const mailMessageSchema = z.object({
  subject: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong').refine(noCrlf, 'validation.triggers.crlf'),
  body: z.string().trim().min(1, 'validation.required').max(20000, 'validation.tooLong'),
});

export const notifyMailSchema = z
  .object({
    type: z.literal('notify_mail'),
    to: z.enum(['assignee', 'group', 'customer', 'agent', 'named_group'], { error: 'validation.triggers.recipient' }),
    agentId: z.uuid('validation.triggers.agent').nullish(),
    groupId: z.uuid('validation.triggers.group').nullish(),
    /** Subject and body per help-center language; the ticket's language, else the default, is sent. */
    messages: z.record(z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/), mailMessageSchema).refine((m) => Object.keys(m).length > 0, 'validation.triggers.messages'),
  })
  .refine((s) => s.to !== 'agent' || Boolean(s.agentId), { path: ['agentId'], message: 'validation.triggers.agent' })
  .refine((s) => s.to !== 'named_group' || Boolean(s.groupId), { path: ['groupId'], message: 'validation.triggers.group' });
export type NotifyMailSettings = z.infer<typeof notifyMailSchema>;

/** 알림: ○○에게 메일 보내기 — queued; rendered and addressed when enqueued. */
export const notifyMail: ResultModule<NotifyMailSettings> = {
  type: 'notify_mail',
  schema: notifyMailSchema,
  kind: 'effect',
  apply: () => ({ effect: true, outcome: 'queued' }),
  followsFinalTicket: (s) => s.to === 'assignee' || s.to === 'group',
};
