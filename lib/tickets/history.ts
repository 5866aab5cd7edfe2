import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { categories, groups, members, ticketHistory, type NewTicketHistoryRow } from '@/db/schema';
import type { Queryable } from '@/db';
import { insertSql } from '@/db/plain-sql';
import type { ServiceConfig } from '@/lib/services/config';
import { cachedNames } from '@/lib/services/config-reads';
import type { ChangeActor, TicketSnapshot } from './types';

/** Snapshot keys that history records, in display order; the paths follow their ids. */
export const TRACKED = [
  'status',
  'priority',
  'subject',
  'intakeTypeId',
  'processingTypeId',
  'assigneeId',
  'groupId',
  'starred',
  'spam',
  'internalReason',
] as const;
export type TrackedKey = (typeof TRACKED)[number];
type Ref = { id: string; name: string | null };
const REF_TABLE = {
  intakeTypeId: 'category',
  processingTypeId: 'category',
  assigneeId: 'member',
  groupId: 'group',
} as const;

/** One history row to write; `actor` overrides the change's actor (the pass itself is the system's), `triggerId` credits a trigger. */
export type HistoryEntry = {
  action: string;
  field?: string | null;
  before?: unknown;
  after?: unknown;
  detail?: Record<string, unknown>;
  triggerId?: string;
  triggerTitle?: string;
  actor?: ChangeActor;
};

/** The tracked differences between two snapshots (and each changed plain field by code). */
export function diffSnapshots(before: TicketSnapshot, after: TicketSnapshot): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const k of TRACKED)
    if (before[k] !== after[k]) out.push({ action: 'change', field: k, before: before[k], after: after[k] });
  const codes = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const code of codes) {
    const b = before.fields[code] ?? null;
    const a = after.fields[code] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ action: 'field', field: code, before: b, after: a });
  }
  return out;
}

function actorColumns(actor: ChangeActor) {
  if (actor.type === 'member') return { actorType: 'member' as const, actorId: actor.id, actorName: actor.name };
  if (actor.type === 'customer')
    return { actorType: 'customer' as const, actorId: null, actorName: actor.name ?? null };
  if (actor.type === 'trigger')
    return { actorType: 'trigger' as const, actorId: null, actorName: actor.title, triggerId: actor.id };
  return { actorType: 'system' as const, actorId: null, actorName: null };
}

/**
 * Writes history rows in one insert. Ids of categories, agents and groups are stored with the
 * name they had at the time, looked up in one query per kind (never per row), so history
 * still reads right after a rename or delete.
 */
export async function writeHistory(
  tx: Queryable,
  serviceId: string,
  ticketId: string,
  actor: ChangeActor,
  entries: HistoryEntry[],
  config?: ServiceConfig | null,
): Promise<void> {
  const insert = await historyInsert(tx, serviceId, ticketId, actor, entries, config);
  if (insert) await tx.execute(insert);
}

/** `writeHistory`'s one INSERT, not run (for a statement that writes more); null when there is nothing to write. */
export async function historyInsert(
  tx: Queryable,
  serviceId: string,
  ticketId: string,
  actor: ChangeActor,
  entries: HistoryEntry[],
  config?: ServiceConfig | null,
): Promise<SQL | null> {
  if (!entries.length) return null;
  const want = { category: new Set<string>(), member: new Set<string>(), group: new Set<string>() };
  for (const e of entries) {
    const kind = e.action === 'change' && e.field ? REF_TABLE[e.field as keyof typeof REF_TABLE] : undefined;
    if (!kind) continue;
    for (const v of [e.before, e.after]) if (typeof v === 'string') want[kind].add(v);
  }
  const names = new Map<string, string>();
  const load = async (ids: Set<string>, q: (ids: string[]) => Promise<{ id: string; name: string }[]>) => {
    if (ids.size) for (const r of await q([...ids])) names.set(r.id, r.name);
  };
  if (config) {
    // The intake path: names come from the service configuration's memo.
    for (const kind of ['category', 'member', 'group'] as const)
      if (want[kind].size)
        for (const [id, name] of await cachedNames(config, tx, kind, [...want[kind]])) names.set(id, name);
  } else {
    // One after another: a transaction is one connection (pg@9 refuses overlapping queries on it).
    await load(want.category, (ids) =>
      tx
        .select({ id: categories.id, name: categories.name })
        .from(categories)
        .where(and(eq(categories.serviceId, serviceId), inArray(categories.id, ids))),
    );
    await load(want.member, (ids) =>
      tx.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, ids)),
    );
    await load(want.group, (ids) =>
      tx
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .where(and(eq(groups.serviceId, serviceId), inArray(groups.id, ids))),
    );
  }
  const ref = (field: string | null | undefined, v: unknown): unknown => {
    if (!field || !(field in REF_TABLE) || typeof v !== 'string') return v ?? null;
    return { id: v, name: names.get(v) ?? null } satisfies Ref;
  };
  const rows: NewTicketHistoryRow[] = entries.map((e) => {
    const base = e.triggerId
      ? { actorType: 'trigger' as const, actorId: null, actorName: e.triggerTitle ?? null, triggerId: e.triggerId }
      : actorColumns(e.actor ?? actor);
    return {
      serviceId,
      ticketId,
      ...base,
      action: e.action,
      field: e.field ?? null,
      before: ref(e.field, e.before),
      after: ref(e.field, e.after),
      detail: e.detail ?? null,
    };
  });
  return insertSql(ticketHistory, rows);
}
