import { and, eq, inArray, sql } from 'drizzle-orm';
import { ticketHistory, tickets, triggerDeliveries, triggerRuns } from '@/db/schema';
import type { Queryable } from '@/db';

/** What stands where a destroyed value was copied (history diffs, stored requests). */
export const REDACTED = '[파기됨]';

const REQUESTER: Record<string, 'requesterName' | 'requesterEmail' | 'requesterPhone'> = { name: 'requesterName', mail: 'requesterEmail', phone: 'requesterPhone' };

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
    const out = Object.fromEntries(Object.entries(v).map(([k, x]) => {
      const p = scrub(x, texts);
      changed ||= p.changed;
      return [k, p.value];
    }));
    return { value: out, changed };
  }
  return { value: v, changed: false };
}

/**
 * Redacts, in the caller's transaction, every copy of destroyed values of one ticket that
 * lives outside ticket_field_values: the requester columns and the search text, the history
 * (diffs and the customer's name as actor), and the stored trigger runs and delivery requests
 * (callback bodies, mails). `texts` are the destroyed values as plain text.
 */
export async function redactTicketCopies(tx: Queryable, ticketId: string, codes: string[], texts: string[]): Promise<void> {
  const needles = [...new Set(texts.filter((t) => t && t.trim().length > 0))];
  const [t] = await tx.select({ searchText: tickets.searchText, requesterName: tickets.requesterName }).from(tickets).where(eq(tickets.id, ticketId)).for('update');
  if (!t) return;
  const set: Record<string, unknown> = {};
  for (const code of codes) if (REQUESTER[code]) set[REQUESTER[code]] = null;
  if (t.searchText) set.searchText = scrub(t.searchText, needles).value;
  if (Object.keys(set).length) await tx.update(tickets).set(set).where(eq(tickets.id, ticketId));
  if (codes.length) {
    await tx
      .update(ticketHistory)
      .set({ before: null, after: null, detail: sql`coalesce(${ticketHistory.detail}, '{}'::jsonb) || '{"redacted": true}'::jsonb` })
      .where(and(eq(ticketHistory.ticketId, ticketId), inArray(ticketHistory.field, codes)));
  }
  if (codes.includes('name') && t.requesterName) needles.push(t.requesterName);
  if (!needles.length) return;
  for (const h of await tx.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticketId))) {
    const s = scrub({ before: h.before, after: h.after, detail: h.detail, actorName: h.actorName }, needles);
    if (s.changed) await tx.update(ticketHistory).set(s.value as never).where(eq(ticketHistory.id, h.id));
  }
  for (const d of await tx.select({ id: triggerDeliveries.id, request: triggerDeliveries.request }).from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, ticketId))) {
    const s = scrub(d.request, needles);
    if (s.changed) await tx.update(triggerDeliveries).set({ request: s.value as Record<string, unknown> }).where(eq(triggerDeliveries.id, d.id));
  }
  for (const r of await tx.select({ id: triggerRuns.id, detail: triggerRuns.detail }).from(triggerRuns).where(eq(triggerRuns.ticketId, ticketId))) {
    const s = scrub(r.detail, needles);
    if (s.changed) await tx.update(triggerRuns).set({ detail: s.value as never }).where(eq(triggerRuns.id, r.id));
  }
}
