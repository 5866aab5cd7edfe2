import { z } from 'zod';
import { endpointUrlShape, requireEndpointUrl } from '../endpoint-url-schema';
import type { ResultModule } from './result';

export const callbackSchema = z.object({ type: z.literal('callback'), ...endpointUrlShape }).superRefine(requireEndpointUrl);
export type CallbackSettings = z.infer<typeof callbackSchema>;

/** 콜백 주소: a signed POST of the ticket, the event and the trigger (Standard Webhooks). */
export const callback: ResultModule<CallbackSettings> = {
  type: 'callback',
  schema: callbackSchema,
  kind: 'effect',
  apply: () => ({ effect: true, outcome: 'queued' }),
};
