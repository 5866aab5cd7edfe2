import type { ServiceCtx } from '@/lib/context';
import { canTransfer } from '@/lib/auth/access';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { assignableAgent } from './assignable';
import { changeTicket } from './change';
import type { TransferTicketInput } from './schemas';

/**
 * 전달: hands the ticket to another agent. Needs 티켓 전달 권한, whatever the role; the target must
 * be an assignable agent of this service. A note, when given, is kept as an internal comment.
 */
export async function transferTicket(ctx: ServiceCtx, input: TransferTicketInput) {
  if (!canTransfer(ctx)) throw new ForbiddenError('errors.noTransferPermission');
  const target = await assignableAgent(ctx.db, ctx.service.id, input.assigneeId);
  if (!target) throw ValidationError.field('assigneeId', 'validation.notAssignable');
  return changeTicket(ctx, input.ticketId, input.version, ({ row }) => {
    if (row.spam) throw new ConflictError('errors.ticketInSpam');
    if (row.status === 'closed') throw new ConflictError('errors.ticketStatus');
    if (row.assigneeId === input.assigneeId) throw ValidationError.field('assigneeId', 'validation.alreadyAssignee');
    const note = input.note.trim();
    return {
      event: 'updated',
      set: { assigneeId: input.assigneeId, ...(row.status === 'new' ? { status: 'open' as const } : {}) },
      message: note ? { kind: 'internal_comment', body: note } : undefined,
    };
  });
}
