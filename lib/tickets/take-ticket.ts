import type { ServiceCtx } from '@/lib/context';
import { isUuid } from '@/lib/ids';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { agentGroups, assignableAgent } from './assignable';
import { changeTicket } from './change';
import type { TakeTicketInput } from './schemas';

/**
 * 가져오기: the agent assigns the ticket to themself (and one of their groups: the only one, or
 * the one chosen when in several). The row lock makes two agents taking the same ticket at once
 * serialize; the second finds it already taken and gets a conflict, so exactly one gets it.
 */
export async function takeTicket(ctx: ServiceCtx, input: TakeTicketInput) {
  const me = await assignableAgent(ctx.db, ctx.service.id, ctx.member.id);
  if (!me) throw new ForbiddenError('errors.notAssignable');
  const groups = await agentGroups(ctx.db, ctx.service.id, me.agentId);
  let groupId: string | null | undefined;
  if (groups.length === 1) groupId = groups[0];
  else if (groups.length > 1) {
    if (!input.groupId) throw ValidationError.field('groupId', 'validation.chooseGroup');
    if (!isUuid(input.groupId) || !groups.includes(input.groupId))
      throw ValidationError.field('groupId', 'validation.unknownGroups');
    groupId = input.groupId;
  }
  return changeTicket(ctx, input.ticketId, undefined, ({ row }) => {
    if (row.spam) throw new ConflictError('errors.ticketInSpam');
    if (row.assigneeId === ctx.member.id) return null;
    if (row.assigneeId) throw new ConflictError('errors.ticketTaken');
    if (row.status === 'closed') throw new ConflictError('errors.ticketStatus');
    return {
      event: 'updated',
      set: {
        assigneeId: ctx.member.id,
        ...(groupId !== undefined ? { groupId } : {}),
        ...(row.status === 'new' ? { status: 'open' as const } : {}),
      },
    };
  });
}
