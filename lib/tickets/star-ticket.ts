import type { ServiceCtx } from '@/lib/context';
import { changeTicket } from './change';
import type { StarTicketInput } from './schemas';

/** ☆ 중요: marks or unmarks a ticket (no version check: it cannot clash with anything). */
export async function starTicket(ctx: ServiceCtx, input: StarTicketInput) {
  return changeTicket(ctx, input.ticketId, undefined, ({ row }) =>
    row.starred === input.starred ? null : { event: 'updated', set: { starred: input.starred } },
  );
}
