import 'server-only';
import { findCategory } from '@/db/queries/categories';
import type { Queryable } from '@/db';
import type { TicketFilter } from './list-tickets';
import type { ListParams } from './list-params';
import { dayStart } from './time-zone';

async function pathOf(db: Queryable, serviceId: string, id: string | undefined): Promise<string | undefined> {
  if (!id) return undefined;
  const c = await findCategory(db, serviceId, id, { withDeleted: true });
  return c?.path ?? '/none/';
}

/** The list's filter from its URL parameters (category ids become subtree paths; days are whole days). */
export async function listFilterOf(db: Queryable, serviceId: string, p: ListParams): Promise<TicketFilter> {
  const [intakePath, processingPath] = await Promise.all([
    pathOf(db, serviceId, p.intakeTypeId),
    pathOf(db, serviceId, p.processingTypeId),
  ]);
  return {
    statuses: p.statuses,
    priority: p.priority,
    intakePath,
    processingPath,
    assigneeId: p.assigneeId,
    groupId: p.groupId,
    channel: p.channel,
    from: p.from ? dayStart(p.from) : undefined,
    to: p.to ? new Date(dayStart(p.to).getTime() + 86400000) : undefined,
    q: p.q,
  };
}

/** A list URL's query string as the list reads it. */
export function searchOf(query: string): Record<string, string[]> {
  const sp = new URLSearchParams(query.replace(/^\?/, ''));
  return Object.fromEntries([...new Set(sp.keys())].map((k) => [k, sp.getAll(k)]));
}
