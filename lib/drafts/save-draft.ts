import { and, eq, sql } from 'drizzle-orm';
import { replyDrafts, tickets } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError } from '@/lib/errors';
import type { SaveDraftInput } from './schemas';

/**
 * Saves (or, when empty, removes) my unsent reply on a ticket of this service. One upsert on the
 * (ticket, agent) key: concurrent saves from two tabs leave the later one, never an error.
 */
export async function saveDraft(
  ctx: Pick<ServiceCtx, 'db' | 'member' | 'service'>,
  input: SaveDraftInput,
): Promise<{ saved: boolean }> {
  const [t] = await ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.id, input.ticketId), eq(tickets.serviceId, ctx.service.id)));
  if (!t) throw new NotFoundError();
  if (!input.body.trim()) {
    await ctx.db
      .delete(replyDrafts)
      .where(and(eq(replyDrafts.ticketId, t.id), eq(replyDrafts.memberId, ctx.member.id)));
    return { saved: false };
  }
  await ctx.db
    .insert(replyDrafts)
    .values({ ticketId: t.id, memberId: ctx.member.id, serviceId: ctx.service.id, body: input.body })
    .onConflictDoUpdate({
      target: [replyDrafts.ticketId, replyDrafts.memberId],
      set: { body: input.body, updatedAt: sql`now()` },
    });
  return { saved: true };
}
