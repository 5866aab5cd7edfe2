import { z } from 'zod';
import { outboundUrl } from '@/lib/net/addresses';
import type { ResultModule } from './result';

export const callbackSchema = z.object({ type: z.literal('callback'), url: outboundUrl });
export type CallbackSettings = z.infer<typeof callbackSchema>;

/** 콜백 주소: a signed POST of the ticket, the event and the trigger (Standard Webhooks). */
export const callback: ResultModule<CallbackSettings> = {
  type: 'callback',
  schema: callbackSchema,
  kind: 'effect',
  apply: () => ({ effect: true, outcome: 'queued' }),
};
