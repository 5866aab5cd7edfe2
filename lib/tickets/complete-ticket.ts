import type { ServiceCtx } from '@/lib/context';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { scheduleDestructionOnClose } from '@/lib/pii/schedule-on-close';
import { changeTicket } from './change';
import type { CompleteTicketInput } from './schemas';

/** 완료: an admin closes a solved ticket; the 파기 rules counted from closing start now. */
export async function completeTicket(ctx: ServiceCtx, input: CompleteTicketInput) {
  if (ctx.role !== 'admin') throw new ForbiddenError();
  return changeTicket(ctx, input.ticketId, input.version, ({ row }) => {
    if (row.status !== 'solved') throw new ConflictError('errors.completeOnlySolved');
    return {
      event: 'updated',
      set: { status: 'closed', closedAt: new Date(), closedById: ctx.member.id },
      afterWrite: scheduleDestructionOnClose,
    };
  });
}
