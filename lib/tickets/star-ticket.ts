import { z } from 'zod';
import type { ServiceCtx } from '@/lib/context';
import { changeTicket } from './change';

export const starInput = z.object({ ticketId: z.uuid(), starred: z.boolean() });

/** ☆ 중요: marks or unmarks a ticket (no version check: it cannot clash with anything). */
export async function starTicket(ctx: ServiceCtx, input: z.infer<typeof starInput>) {
  return changeTicket(ctx, input.ticketId, undefined, ({ row }) =>
    row.starred === input.starred ? null : { event: 'updated', set: { starred: input.starred } },
  );
}
