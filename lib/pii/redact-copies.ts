import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  doorayEvents,
  doorayTasks,
  smsMessages,
  ticketHistory,
  ticketMessages,
  tickets,
  triggerDeliveries,
  triggerRuns,
} from '@/db/schema';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db';

/** What stands where a destroyed value was copied (history diffs, stored requests). */
export const REDACTED = '[파기됨]';

const REQUESTER: Record<string, 'requesterName' | 'requesterEmail' | 'requesterPhone'> = {
  name: 'requesterName',
  mail: 'requesterEmail',
  phone: 'requesterPhone',
};

type CopyTable = PgTable & Record<string, AnyPgColumn> & { id: AnyPgColumn; ticketId: AnyPgColumn };

/**
 * Where one ticket's values are copied as text or JSON, each scrubbed row by row: the
 * conversation (messages, Dooray tasks and comments, SMS), the history (diffs and the customer's
 * name as actor), and the stored trigger runs and delivery requests (callback bodies, mails).
 */
const COPIES = [
  { table: ticketMessages, columns: ['body'] },
  { table: doorayTasks, columns: ['subject', 'body'] },
  { table: doorayEvents, columns: ['body', 'authorName'] },
  { table: smsMessages, columns: ['title', 'body'] },
  { table: ticketHistory, columns: ['before', 'after', 'detail', 'actorName'] },
  { table: triggerDeliveries, columns: ['request'] },
  { table: triggerRuns, columns: ['detail'] },
] as const;

function scrub(v: unknown, texts: string[]): { value: unknown; changed: boolean } {
  if (typeof v === 'string') {
    let out = v;
    for (const t of texts) if (t && out.includes(t)) out = out.split(t).join(REDACTED);
    return { value: out, changed: out !== v };
  }
  if (Array.isArray(v)) {
    const parts = v.map((x) => scrub(x, texts));
    return { value: parts.map((p) => p.value), changed: parts.some((p) => p.changed) };
  }
  if (v && typeof v === 'object') {
    let changed = false;
    const out = Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        const p = scrub(x, texts);
        changed ||= p.changed;
        return [k, p.value];
      }),
    );
    return { value: out, changed };
  }
  return { value: v, changed: false };
}

/**
 * Redacts, in the caller's transaction, every copy of destroyed values of one ticket that
 * lives outside ticket_field_values: the requester columns, the title, the inquiry and the
 * search text, the conversation (messages, Dooray tasks and comments, SMS), the history (diffs
 * and the customer's name as actor), and the stored trigger runs and delivery requests
 * (callback bodies, mails). `texts` are the destroyed values as plain text.
 */
export async function redactTicketCopies(
  tx: Queryable,
  ticketId: string,
  codes: string[],
  texts: string[],
): Promise<void> {
  const needles = [...new Set(texts.filter((t) => t && t.trim().length > 0))];
  const [t] = await tx
    .select({
      subject: tickets.subject,
      content: tickets.content,
      searchText: tickets.searchText,
      requesterName: tickets.requesterName,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .for('update');
  if (!t) return;
  if (codes.includes('name') && t.requesterName) needles.push(t.requesterName);
  const set: Record<string, unknown> = {};
  for (const code of codes) if (REQUESTER[code]) set[REQUESTER[code]] = null;
  // The title and the inquiry may quote the value (a mail's signature, a name typed in the text).
  for (const col of ['subject', 'content'] as const) {
    const x = scrub(t[col], needles);
    if (x.changed) set[col] = x.value;
  }
  // The search text is lowercased: look for the values as they were written into it.
  if (t.searchText) set.searchText = scrub(t.searchText, [...needles, ...needles.map((n) => n.toLowerCase())]).value;
  if (Object.keys(set).length) await tx.update(tickets).set(set).where(eq(tickets.id, ticketId));
  if (codes.length) {
    await tx
      .update(ticketHistory)
      .set({
        before: null,
        after: null,
        detail: sql`coalesce(${ticketHistory.detail}, '{}'::jsonb) || '{"redacted": true}'::jsonb`,
      })
      .where(and(eq(ticketHistory.ticketId, ticketId), inArray(ticketHistory.field, codes)));
  }
  if (!needles.length) return;
  for (const { table, columns } of COPIES) {
    const copy = table as unknown as CopyTable;
    const picked = Object.fromEntries(columns.map((c) => [c, copy[c]]));
    for (const { id, ...values } of await tx
      .select({ id: copy.id, ...picked })
      .from(copy)
      .where(eq(copy.ticketId, ticketId))) {
      const x = scrub(values, needles);
      if (x.changed)
        await tx
          .update(copy)
          .set(x.value as never)
          .where(eq(copy.id, id));
    }
  }
}
