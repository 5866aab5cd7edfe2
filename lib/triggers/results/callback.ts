import { z } from 'zod';
import { appUrl } from '@/lib/app-url';
import { endpointHost, sealedOf } from '../endpoint-url';
import { endpointUrlShape, requireEndpointUrl } from '../endpoint-url-schema';
import type { ResultModule } from './result';

export const callbackSchema = z
  .object({ type: z.literal('callback'), ...endpointUrlShape })
  .superRefine(requireEndpointUrl);
export type CallbackSettings = z.infer<typeof callbackSchema>;

/** 콜백 주소: a signed POST of the ticket, the event and the trigger (Standard Webhooks). */
export const callback: ResultModule<CallbackSettings> = {
  type: 'callback',
  schema: callbackSchema,
  kind: 'effect',
  apply: () => ({ effect: true, outcome: 'queued' }),
  async build(s, ctx, { ticket: t, triggerId, triggerTitle }) {
    const body = {
      type: `ticket.${ctx.event}`,
      event: ctx.event,
      trigger: { id: triggerId, title: triggerTitle },
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
    return [{ kind: 'callback', target: endpointHost(s), request: { ...sealedOf(s), body } }];
  },
};
