import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { ServiceCtx } from '@/lib/actions/context';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { changeTicket } from './change';

export const spamInput = z.object({ ticketIds: z.array(z.uuid()).min(1).max(200) });

/** 스팸함 → 복원: back to the lists, reopened for work (admins). */
export async function restoreFromSpam(ctx: ServiceCtx, ticketId: string) {
  if (ctx.role !== 'admin') throw new ForbiddenError();
  return changeTicket(ctx, ticketId, undefined, ({ row }) => {
    if (!row.spam) throw new ConflictError('errors.notInSpam');
    return { event: 'updated', set: { spam: false, internalReason: null, status: row.assigneeId ? 'open' : 'new', solvedAt: null } };
  });
}

/** 스팸함 → 삭제: deletes spam tickets for good (admins; only tickets that are in the spam box). */
export async function deleteSpam(ctx: ServiceCtx, input: z.infer<typeof spamInput>): Promise<number> {
  if (ctx.role !== 'admin') throw new ForbiddenError();
  const gone = await ctx.db
    .delete(tickets)
    .where(and(eq(tickets.serviceId, ctx.service.id), eq(tickets.spam, true), inArray(tickets.id, input.ticketIds)))
    .returning({ id: tickets.id });
  return gone.length;
}
