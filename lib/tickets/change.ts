import { eq, sql } from 'drizzle-orm';
import { ticketMessages, tickets, type MessageFormat, type MessageKind, type Ticket } from '@/db/schema';
import { htmlToMailText } from '@/lib/mail/html-to-text';
import type { ServiceCtx } from '@/lib/context';
import type { Queryable, Tx } from '@/db';
import { ConflictError } from '@/lib/errors';
import type { FieldValue } from '@/db/values';
import { enqueueReplyMail } from './enqueue-reply';
import { recordTicketChange } from './record-change';
import { searchTextOf } from './search-text';
import { loadTicket, toSnapshot } from './snapshot';
import type { ChangeActor, TicketEvent, TicketSnapshot } from './types';

export type ChangePlan = {
  event: TicketEvent;
  /** Columns to set on the ticket row. */
  set?: Partial<typeof tickets.$inferInsert>;
  /** `mailMessageId`: the Message-ID of the mail that carried it (an imported customer reply). */
  message?: { kind: MessageKind; body: string; format?: MessageFormat; mailMessageId?: string };
  maskedFields?: string[];
  /** Plain field values the change sets (merged into the snapshot and the search text). */
  fields?: Record<string, FieldValue | null>;
  /** Runs after the row is written, before history and triggers (e.g. 파기 times counted from closed_at). */
  afterWrite?: (tx: Queryable, ticketId: string) => Promise<void>;
};

export function memberActor(ctx: Pick<ServiceCtx, 'member'>): ChangeActor {
  return { type: 'member', id: ctx.member.id, name: ctx.member.name };
}

/**
 * The shape of every agent-side ticket verb: in one transaction, lock the ticket (scoped to the
 * service), refuse a stale `version` (someone changed it meanwhile: a conflict, never a silent
 * overwrite), let `plan` decide, write the row and the message, then `recordTicketChange`.
 */
export async function changeTicket(
  ctx: Pick<ServiceCtx, 'db' | 'member' | 'service'>,
  ticketId: string,
  version: number | undefined,
  plan: (current: { row: Ticket; snapshot: TicketSnapshot }, tx: Tx) => Promise<ChangePlan | null> | ChangePlan | null,
): Promise<{ before: TicketSnapshot; after: TicketSnapshot; messageId: string | null }> {
  return ctx.db.transaction(async (tx) => {
    const current = await loadTicket(tx, ctx.service.id, ticketId, { forUpdate: true });
    if (version !== undefined && current.row.version !== version) throw new ConflictError('errors.ticketChanged');
    const p = await plan(current, tx);
    if (!p) return { before: current.snapshot, after: current.snapshot, messageId: null };
    return applyPlan(tx, ctx.service.id, memberActor(ctx), current, p);
  });
}

/** Writes a plan for a locked ticket and records it (shared by single and bulk verbs). */
export async function applyPlan(
  tx: Queryable,
  serviceId: string,
  actor: ChangeActor,
  current: { row: Ticket; snapshot: TicketSnapshot },
  p: ChangePlan,
) {
  const now = new Date();
  const fields = p.fields ? { ...current.snapshot.fields, ...p.fields } : current.snapshot.fields;
  const set = { ...p.set };
  if (p.fields || p.set?.subject !== undefined) {
    const r = { ...current.row, ...set };
    set.searchText = searchTextOf(r, fields);
  }
  const [row] = await tx
    .update(tickets)
    .set({ ...set, version: sql`${tickets.version} + 1`, updatedAt: now })
    .where(eq(tickets.id, current.row.id))
    .returning();
  if (p.afterWrite) await p.afterWrite(tx, row.id);
  let messageId: string | null = null;
  if (p.message) {
    const [m] = await tx
      .insert(ticketMessages)
      .values({
        serviceId,
        ticketId: row.id,
        kind: p.message.kind,
        authorId: actor.type === 'member' ? actor.id : null,
        body: p.message.body,
        format: p.message.format ?? 'text',
        mailMessageId: p.message.mailMessageId ?? null,
      })
      .returning({ id: ticketMessages.id });
    messageId = m.id;
    // 해결 / 보류 answer the customer: the mail goes into the outbox with the change.
    if (p.message.kind === 'agent_reply') await enqueueReplyMail(tx, row, m.id);
  }
  const after = toSnapshot(row, fields);
  const final = await recordTicketChange(
    tx,
    { serviceId, actor },
    {
      event: p.event,
      before: current.snapshot,
      after,
      maskedFields: p.maskedFields,
      message:
        p.message && messageId
          ? {
              id: messageId,
              kind: p.message.kind,
              body: p.message.format === 'html' ? htmlToMailText(p.message.body) : p.message.body,
            }
          : undefined,
    },
  );
  return { before: current.snapshot, after: final, messageId };
}
