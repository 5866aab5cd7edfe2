import { sql, type SQL } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { Queryable } from '@/db';
import { updateByIdSql } from '@/db/plain-sql';
import { ticketChangeNotice } from '@/lib/live/notify';
import { scheduleDestructionOnClose } from '@/lib/pii/schedule-on-close';
import { serviceConfig, type ServiceConfig } from '@/lib/services/config';
import { runTicketTriggers } from '@/lib/triggers';
import { diffSnapshots, historyInsert, type HistoryEntry } from './history';
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
const VERSION_PLUS_ONE = sql.raw('"version" + 1');

/**
 * The single path of every ticket change (DESIGN.md §2.3). The caller has written `after` to
 * the ticket row inside `tx`; this writes the history of the change, runs the triggers over
 * it, applies what they changed (one UPDATE, attributed to each trigger in history), and
 * returns the ticket as it stands at the end — all in the caller's transaction, so a rolled
 * back change leaves neither history nor deliveries behind. `ctx.writes` are the caller's own
 * inserts that nothing in the pass reads; they join the change's one closing statement.
 */
export async function recordTicketChange(
  tx: Queryable,
  ctx: { serviceId: string; actor: ChangeActor; config?: ServiceConfig | null; writes?: SQL[] },
  change: TicketChange & { maskedFields?: string[] },
): Promise<TicketSnapshot> {
  const { before, after } = change;
  const entries: HistoryEntry[] = before
    ? diffSnapshots(before, after)
    : [{ action: 'created', detail: { channel: after.channel, number: after.number } }];
  for (const code of change.maskedFields ?? [])
    entries.push({ action: 'field', field: code, detail: { masked: true } });
  if (change.message && change.message.kind !== 'inquiry')
    entries.push({ action: change.message.kind, detail: { messageId: change.message.id } });

  // One read of the service's configuration serves the pass and the history's names.
  const config = ctx.config ?? (await serviceConfig(tx, ctx.serviceId));
  // Changes made by triggers never start a new pass (SPEC §6: no loops).
  const outcome =
    ctx.actor.type === 'trigger'
      ? { draft: after, changes: [], history: [], writes: [] }
      : await runTicketTriggers(tx, { serviceId: ctx.serviceId, actor: ctx.actor, change, config });
  const final = { ...outcome.draft };
  const [pass, ...triggerEntries] = outcome.history;
  if (pass) entries.push(pass);
  if (final.assigneeId && final.status === 'new' && after.status === 'new') {
    // Assigning a 미할당 ticket makes it 처리중 (SPEC §2); a trigger made that assignment here, so it is credited with both.
    final.status = 'open';
    const by = outcome.changes.findLast((c) => c.field === 'assigneeId');
    triggerEntries.push({
      action: 'change',
      field: 'status',
      before: 'new',
      after: 'open',
      ...(by ? { triggerId: by.triggerId, triggerTitle: by.triggerTitle } : {}),
    });
  }
  const patch: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(PATCH_COLUMNS)) {
    const key = k as keyof TicketPatch;
    if (final[key] !== after[key]) patch[col] = final[key];
  }
  const writes: SQL[] = [...(ctx.writes ?? []), ...outcome.writes];
  if (Object.keys(patch).length) {
    const closing = final.status === 'closed' && after.status !== 'closed';
    const update = updateByIdSql(
      tickets,
      {
        ...patch,
        ...(closing ? { closedAt: new Date(), closedById: null } : {}),
        version: VERSION_PLUS_ONE,
        updatedAt: new Date(),
      },
      after.id,
    );
    if (closing) {
      await tx.execute(update);
      await scheduleDestructionOnClose(tx, after.id);
    } else writes.push(update);
    // What the triggers changed is credited to them; a change undone later in the pass left nothing to record.
    entries.push(...triggerEntries);
  }
  // All of the change's history in one insert: the change, the trigger pass, what the triggers changed.
  const history = await historyInsert(tx, ctx.serviceId, after.id, ctx.actor, entries, config);
  if (history) writes.push(history);
  // Live desks (lib/live): delivered at commit to every app instance.
  const notice = ticketChangeNotice({
    serviceId: ctx.serviceId,
    ticketId: after.id,
    number: after.number,
    status: final.status,
    assigneeId: final.assigneeId ?? null,
    previousAssigneeId: before ? (before.assigneeId ?? null) : null,
    actorId: ctx.actor.type === 'member' ? ctx.actor.id : null,
  });
  // One round trip for all of it: each write a data-modifying CTE (they touch different rows), then the notice.
  const ctes = writes.map((w, i) => sql`${sql.raw(`w${i}`)} AS (${w})`);
  await tx.execute(ctes.length ? sql`WITH ${sql.join(ctes, sql.raw(', '))} SELECT ${notice}` : sql`SELECT ${notice}`);
  return final;
}
