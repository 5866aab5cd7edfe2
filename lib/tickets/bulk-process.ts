import { and, asc, eq, inArray } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { AppError, ValidationError } from '@/lib/errors';
import { applyPlan, memberActor } from './change';
import { planProcess } from './process-ticket';
import { plainFieldValues, toSnapshot } from './snapshot';
import type { BulkProcessInput } from './schemas';

/**
 * 일괄 처리: one processing action over the checked tickets, all or nothing. The tickets are
 * locked in id order (two bulk runs over overlapping sets cannot deadlock); if any one of them
 * cannot take the action, nothing changes and the message names its number.
 */
export async function bulkProcess(
  ctx: ServiceCtx,
  input: BulkProcessInput,
): Promise<{ ids: string[]; messageIds: { ticketId: string; messageId: string | null }[] }> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.serviceId, ctx.service.id), inArray(tickets.id, input.ticketIds)))
      .orderBy(asc(tickets.id))
      .for('update');
    if (rows.length !== new Set(input.ticketIds).size)
      throw ValidationError.field('ticketIds', 'validation.ticketsGone');
    const out: { ticketId: string; messageId: string | null }[] = [];
    for (const row of rows) {
      try {
        const plan = await planProcess({ ...ctx, db: tx as never }, row, input);
        const current = { row, snapshot: toSnapshot(row, await plainFieldValues(tx, ctx.service.id, row.id)) };
        const r = await applyPlan(tx, ctx.service.id, memberActor(ctx), current, plan);
        out.push({ ticketId: row.id, messageId: r.messageId });
      } catch (err) {
        if (err instanceof AppError && !(err instanceof ValidationError))
          throw new ValidationError({}, 'errors.bulkTicketFailed', { number: row.number });
        throw err;
      }
    }
    return { ids: rows.map((r) => r.id), messageIds: out };
  });
}
