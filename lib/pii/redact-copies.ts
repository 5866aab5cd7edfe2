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
import type { Queryable } from '@/db';

/** What stands where a destroyed value was copied (history diffs, stored requests). */
export const REDACTED = '[파기됨]';

const REQUESTER: Record<string, 'requesterName' | 'requesterEmail' | 'requesterPhone'> = {
  name: 'requesterName',
  mail: 'requesterEmail',
  phone: 'requesterPhone',
};

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
  for (const m of await tx
    .select({ id: ticketMessages.id, body: ticketMessages.body })
    .from(ticketMessages)
    .where(eq(ticketMessages.ticketId, ticketId))) {
    const x = scrub(m.body, needles);
    if (x.changed)
      await tx
        .update(ticketMessages)
        .set({ body: x.value as string })
        .where(eq(ticketMessages.id, m.id));
  }
  for (const d of await tx
    .select({ id: doorayTasks.id, subject: doorayTasks.subject, body: doorayTasks.body })
    .from(doorayTasks)
    .where(eq(doorayTasks.ticketId, ticketId))) {
    const x = scrub({ subject: d.subject, body: d.body }, needles);
    if (x.changed)
      await tx
        .update(doorayTasks)
        .set(x.value as { subject: string; body: string })
        .where(eq(doorayTasks.id, d.id));
  }
  for (const e of await tx
    .select({ id: doorayEvents.id, body: doorayEvents.body, authorName: doorayEvents.authorName })
    .from(doorayEvents)
    .where(eq(doorayEvents.ticketId, ticketId))) {
    const x = scrub({ body: e.body, authorName: e.authorName }, needles);
    if (x.changed)
      await tx
        .update(doorayEvents)
        .set(x.value as { body: string | null })
        .where(eq(doorayEvents.id, e.id));
  }
  for (const m of await tx
    .select({ id: smsMessages.id, title: smsMessages.title, body: smsMessages.body })
    .from(smsMessages)
    .where(eq(smsMessages.ticketId, ticketId))) {
    const x = scrub({ title: m.title, body: m.body }, needles);
    if (x.changed)
      await tx
        .update(smsMessages)
        .set(x.value as { body: string })
        .where(eq(smsMessages.id, m.id));
  }
  for (const h of await tx.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticketId))) {
    const s = scrub({ before: h.before, after: h.after, detail: h.detail, actorName: h.actorName }, needles);
    if (s.changed)
      await tx
        .update(ticketHistory)
        .set(s.value as never)
        .where(eq(ticketHistory.id, h.id));
  }
  for (const d of await tx
    .select({ id: triggerDeliveries.id, request: triggerDeliveries.request })
    .from(triggerDeliveries)
    .where(eq(triggerDeliveries.ticketId, ticketId))) {
    const s = scrub(d.request, needles);
    if (s.changed)
      await tx
        .update(triggerDeliveries)
        .set({ request: s.value as Record<string, unknown> })
        .where(eq(triggerDeliveries.id, d.id));
  }
  for (const r of await tx
    .select({ id: triggerRuns.id, detail: triggerRuns.detail })
    .from(triggerRuns)
    .where(eq(triggerRuns.ticketId, ticketId))) {
    const s = scrub(r.detail, needles);
    if (s.changed)
      await tx
        .update(triggerRuns)
        .set({ detail: s.value as never })
        .where(eq(triggerRuns.id, r.id));
  }
}
