import { z } from 'zod';

/** The longest draft kept (a reply is far shorter; this only bounds a runaway paste). */
export const DRAFT_MAX = 100_000;

export const saveDraftInput = z.object({
  ticketId: z.uuid(),
  body: z.string().max(DRAFT_MAX, { error: 'validation.tooLong' }),
});
export type SaveDraftInput = z.output<typeof saveDraftInput>;
