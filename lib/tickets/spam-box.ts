import { and, eq, inArray } from 'drizzle-orm';
import { ticketAttachments, tickets } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { readFieldValues } from '@/lib/pii/read-field-values';
import { enqueueFileScrub, scrubFilesNow } from '@/lib/pii/scrub-files';
import { changeTicket } from './change';
import type { DeleteSpamInput, RestoreSpamInput } from './schemas';

/** 스팸함 → 복원: back to the lists, reopened for work (admins). */
export async function restoreFromSpam(ctx: ServiceCtx, input: RestoreSpamInput) {
  if (ctx.role !== 'admin') throw new ForbiddenError();
  return changeTicket(ctx, input.ticketId, undefined, ({ row }) => {
    if (!row.spam) throw new ConflictError('errors.notInSpam');
    return {
      event: 'updated',
      set: { spam: false, internalReason: null, status: row.assigneeId ? 'open' : 'new', solvedAt: null },
    };
  });
}

/**
 * 스팸함 → 삭제: deletes spam tickets for good (admins; only tickets that are in the spam box),
 * with every copy of their personal data: the rows go in one transaction (history, messages,
 * field values, runs and deliveries cascade with the ticket), and a durable job enqueued in
 * it removes the attachment files and the outbox mails that mention the ticket or its requester
 * right after commit, with retries.
 */
export async function deleteSpam(ctx: ServiceCtx, input: DeleteSpamInput): Promise<number> {
  if (ctx.role !== 'admin') throw new ForbiddenError();
  const job = { texts: [] as string[], attachmentKeys: [] as string[] };
  let queued = true;
  const count = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(tickets)
      .where(and(eq(tickets.serviceId, ctx.service.id), eq(tickets.spam, true), inArray(tickets.id, input.ticketIds)))
      .for('update');
    for (const t of rows) {
      const values = await readFieldValues(tx, ctx.service.id, t.id, { reveal: true });
      const plain = Object.values(values).flatMap((v) =>
        v.value == null || typeof v.value === 'boolean' ? [] : Array.isArray(v.value) ? v.value : [String(v.value)],
      );
      job.texts.push(
        `X-Contact-Desk-Ticket: ${t.serviceId}#${t.number}`,
        ...[t.requesterName, t.requesterEmail, t.requesterPhone].filter((x): x is string => Boolean(x)),
        ...plain,
      );
      const files = await tx
        .select({ key: ticketAttachments.storageKey })
        .from(ticketAttachments)
        .where(eq(ticketAttachments.ticketId, t.id));
      job.attachmentKeys.push(...files.map((f) => f.key));
    }
    if (!rows.length) return 0;
    await tx.delete(tickets).where(
      inArray(
        tickets.id,
        rows.map((r) => r.id),
      ),
    );
    queued = await enqueueFileScrub(tx, job);
    return rows.length;
  });
  if (!queued) await scrubFilesNow(job);
  return count;
}
