import { z } from 'zod';
import { renderCodes } from '@/lib/substitution/render';
import { agentValues } from '../deliveries/context';
import { endpointHost, sealedOf } from '../endpoint-url';
import { endpointUrlShape, requireEndpointUrl } from '../endpoint-url-schema';
import type { ResultModule } from './result';

export const doorayTemplateSchema = z.object({
  botName: z.string().trim().min(1, 'validation.required').max(50, 'validation.tooLong'),
  botIconImage: z.union([z.literal(''), z.url({ protocol: /^https?$/, error: 'validation.triggers.url' })]).default(''),
  /** The message text, with substitution codes. */
  text: z.string().trim().min(1, 'validation.required').max(4000, 'validation.tooLong'),
  /** One attachment (title + text), both with substitution codes; empty = none. */
  attachmentTitle: z.string().max(500, 'validation.tooLong').default(''),
  attachmentText: z.string().max(4000, 'validation.tooLong').default(''),
});

export const doorayAlertSchema = z
  .object({ type: z.literal('dooray'), ...endpointUrlShape, ...doorayTemplateSchema.shape })
  .superRefine(requireEndpointUrl);
export type DoorayAlertSettings = z.infer<typeof doorayAlertSchema>;

/** Dooray 알림: a message to a Dooray messenger incoming hook (integrations.md §2.1). */
export const doorayAlert: ResultModule<DoorayAlertSettings> = {
  type: 'dooray',
  schema: doorayAlertSchema,
  kind: 'effect',
  apply: () => ({ effect: true, outcome: 'queued' }),
  async build(s, ctx, { ticket }) {
    const v = await agentValues(ctx, ticket);
    const r = (x: string) => renderCodes(x, v, { html: false });
    const attachments =
      s.attachmentTitle || s.attachmentText
        ? [{ title: r(s.attachmentTitle), titleLink: v.ticketUrl, text: r(s.attachmentText), color: '#4757C4' }]
        : [];
    return [
      {
        kind: 'dooray',
        target: endpointHost(s),
        request: {
          ...sealedOf(s),
          body: { botName: s.botName, botIconImage: s.botIconImage || undefined, text: r(s.text), attachments },
        },
      },
    ];
  },
};
