import { z } from 'zod';
import { mailAddress } from '@/lib/net/addresses';
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
};
