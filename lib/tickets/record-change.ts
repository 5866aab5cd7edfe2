import { eq, sql } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { Queryable } from '@/db';
import { notifyTicketChange } from '@/lib/live/notify';
import { scheduleDestructionOnClose } from '@/lib/pii/schedule-on-close';
import { runTicketTriggers } from '@/lib/triggers';
import { diffSnapshots, writeHistory, type HistoryEntry } from './history';
import type { ChangeActor, TicketChange, TicketPatch, TicketSnapshot } from './types';

const PATCH_COLUMNS = {
  status: 'status',
  priority: 'priority',
  subject: 'subject',
  intakeTypeId: 'intakeTypeId',
  intakeTypePath: 'intakeTypePath',
  processingTypeId: 'processingTypeId',
  processingTypePath: 'processingTypePath',
  assigneeId: 'assigneeId',
  groupId: 'groupId',
  starred: 'starred',
  spam: 'spam',
  internalReason: 'internalReason',
} as const satisfies Record<keyof TicketPatch, keyof typeof tickets.$inferInsert>;

/**
 * The single path of every ticket change (DESIGN.md §2.3). The caller has written `after` to
 * the ticket row inside `tx`; this writes the history of the change, runs the triggers over
 * it, applies what they changed (one UPDATE, attributed to each trigger in history), and
 * returns the ticket as it stands at the end — all in the caller's transaction, so a rolled
 * back change leaves neither history nor deliveries behind.
 */
export async function recordTicketChange(tx: Queryable, ctx: { serviceId: string; actor: ChangeActor }, change: TicketChange & { maskedFields?: string[] }): Promise<TicketSnapshot> {
  const { before, after } = change;
  const entries: HistoryEntry[] = before ? diffSnapshots(before, after) : [{ action: 'created', detail: { channel: after.channel, number: after.number } }];
  for (const code of change.maskedFields ?? []) entries.push({ action: 'field', field: code, detail: { masked: true } });
  if (change.message && change.message.kind !== 'inquiry') entries.push({ action: change.message.kind, detail: { messageId: change.message.id } });
  await writeHistory(tx, ctx.serviceId, after.id, ctx.actor, entries);

  // Changes made by triggers never start a new pass (SPEC §6: no loops).
  const outcome = ctx.actor.type === 'trigger' ? { draft: after, changes: [] } : await runTicketTriggers(tx, { serviceId: ctx.serviceId, actor: ctx.actor, change });
  const final = { ...outcome.draft };
  const triggerEntries: HistoryEntry[] = outcome.changes.map((c) => ({ action: 'change', field: c.field, before: c.before, after: c.after, triggerId: c.triggerId, triggerTitle: c.triggerTitle, detail: c.note ? { note: c.note } : undefined }));
  if (final.assigneeId && final.status === 'new' && after.status === 'new') {
    // Assigning a 미할당 ticket makes it 처리중 (SPEC §2); a trigger made that assignment here, so it is credited with both.
    final.status = 'open';
    const by = outcome.changes.findLast((c) => c.field === 'assigneeId');
    triggerEntries.push({ action: 'change', field: 'status', before: 'new', after: 'open', ...(by ? { triggerId: by.triggerId, triggerTitle: by.triggerTitle } : {}) });
  }
  const patch: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(PATCH_COLUMNS)) {
    const key = k as keyof TicketPatch;
    if (final[key] !== after[key]) patch[col] = final[key];
  }
  if (Object.keys(patch).length) {
    const closing = final.status === 'closed' && after.status !== 'closed';
    await tx
      .update(tickets)
      .set({ ...patch, ...(closing ? { closedAt: new Date(), closedById: null } : {}), version: sql`${tickets.version} + 1`, updatedAt: new Date() })
      .where(eq(tickets.id, after.id));
    if (closing) await scheduleDestructionOnClose(tx, after.id);
    await writeHistory(tx, ctx.serviceId, after.id, ctx.actor, triggerEntries);
  }
  // Live desks (lib/live): delivered at commit to every app instance.
  await notifyTicketChange(tx, {
    serviceId: ctx.serviceId,
    ticketId: after.id,
    number: after.number,
    status: final.status,
    assigneeId: final.assigneeId ?? null,
    previousAssigneeId: before ? (before.assigneeId ?? null) : null,
    actorId: ctx.actor.type === 'member' ? ctx.actor.id : null,
  });
  return final;
}
