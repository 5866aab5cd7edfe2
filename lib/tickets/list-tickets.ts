import { and, asc, desc, eq, gte, inArray, isNull, like, lt, sql, type SQL } from 'drizzle-orm';
import { tickets, type TicketChannel, type TicketPriority, type TicketStatus } from '@/db/schema';
import type { Queryable } from '@/db';
import { pathPrefix } from '@/db/queries/categories';
import { afterCursor, beforeCursor, cursorTime, formatTimeCursor, type TimeCursor } from '@/db/pagination';
import { MENU_RULES, type ListMenu } from './list-menus';
import { SEARCH_COUNT_CAP, searchCondition } from './search';

export const TICKET_PAGE = 50;
/** Counts stop here ("10,000+"): an exact count of a million rows is not worth its cost on every page. */
export const COUNT_CAP = 10000;

export type TicketFilter = {
  statuses?: TicketStatus[];
  priority?: TicketPriority;
  /** Category paths (`/<root>/…/<id>/`): a node matches its whole subtree. */
  intakePath?: string;
  processingPath?: string;
  assigneeId?: string;
  groupId?: string;
  channel?: TicketChannel;
  /** Inclusive start and exclusive end of the creation time. */
  from?: Date;
  to?: Date;
  /** Text search over title, inquiry, requester and plain field values: every word must occur (lib/tickets/search.ts). */
  q?: string;
};

export type ListScope = {
  serviceId: string;
  memberId: string;
  menu: ListMenu;
  filter: TicketFilter;
  order?: 'newest' | 'oldest';
  cursor?: TimeCursor;
  limit?: number;
};

/** The WHERE clause of a menu plus filters; every term is on an indexed column of `tickets`. */
export function listConditions(scope: Omit<ListScope, 'cursor' | 'order' | 'limit'>, groupIds: string[]): SQL {
  const rule = MENU_RULES[scope.menu];
  const f = scope.filter;
  const terms: (SQL | undefined)[] = [eq(tickets.serviceId, scope.serviceId), eq(tickets.spam, rule.spam)];
  if (rule.status) terms.push(eq(tickets.status, rule.status));
  else if (f.statuses?.length)
    terms.push(f.statuses.length === 1 ? eq(tickets.status, f.statuses[0]) : inArray(tickets.status, f.statuses));
  if (rule.mine) terms.push(eq(tickets.assigneeId, scope.memberId));
  else if (rule.unassigned) terms.push(isNull(tickets.assigneeId));
  else if (f.assigneeId) terms.push(eq(tickets.assigneeId, f.assigneeId));
  if (rule.groups)
    terms.push(
      f.groupId && groupIds.includes(f.groupId)
        ? eq(tickets.groupId, f.groupId)
        : groupIds.length
          ? inArray(tickets.groupId, groupIds)
          : sql`false`,
    );
  else if (f.groupId) terms.push(eq(tickets.groupId, f.groupId));
  if (f.priority) terms.push(eq(tickets.priority, f.priority));
  if (f.channel) terms.push(eq(tickets.channel, f.channel));
  if (f.intakePath) terms.push(like(tickets.intakeTypePath, pathPrefix(f.intakePath)));
  if (f.processingPath) terms.push(like(tickets.processingTypePath, pathPrefix(f.processingPath)));
  if (f.from) terms.push(gte(tickets.createdAt, f.from));
  if (f.to) terms.push(lt(tickets.createdAt, f.to));
  if (f.q) terms.push(searchCondition(f.q) ?? sql`false`);
  return and(...terms)!;
}

const LIST_COLUMNS = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  priority: tickets.priority,
  channel: tickets.channel,
  requesterName: tickets.requesterName,
  intakeTypeId: tickets.intakeTypeId,
  assigneeId: tickets.assigneeId,
  groupId: tickets.groupId,
  starred: tickets.starred,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  cursorAt: cursorTime(tickets.createdAt),
};

export type TicketListRow = {
  id: string;
  number: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  requesterName: string | null;
  intakeTypeId: string | null;
  assigneeId: string | null;
  groupId: string | null;
  starred: boolean;
  createdAt: Date;
  updatedAt: Date;
  cursorAt: string;
};

/**
 * One page of a list menu, newest (or oldest) first, with keyset paging on (created_at, id):
 * a deep page costs what the first one does. Returns the next cursor when there is more.
 */
export async function listTickets(
  db: Queryable,
  scope: ListScope,
  groupIds: string[],
): Promise<{ rows: TicketListRow[]; next: string | null }> {
  if (!scope.filter.q) return listPage(db, scope, groupIds);
  // A text search: the planner cannot tell a rare word from a common one well enough to choose
  // between walking the newest-first index (common: the page fills at once) and the search index
  // plus a sort (rare: walking the newest-first index would read the whole service). The capped
  // count, answered from the search index, tells; a rare word's matches are sorted in memory.
  return db.transaction(async (tx) => {
    const n = await cappedCount(tx, scope, groupIds);
    if (n <= SEARCH_COUNT_CAP) await tx.execute(sql`SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off`);
    return listPage(tx, scope, groupIds);
  });
}

async function listPage(
  db: Queryable,
  scope: ListScope,
  groupIds: string[],
): Promise<{ rows: TicketListRow[]; next: string | null }> {
  const limit = scope.limit ?? TICKET_PAGE;
  const oldest = scope.order === 'oldest';
  const where = [listConditions(scope, groupIds)];
  if (scope.cursor)
    where.push(
      oldest
        ? afterCursor(tickets.createdAt, tickets.id, scope.cursor)
        : beforeCursor(tickets.createdAt, tickets.id, scope.cursor),
    );
  const rows = (await db
    .select(LIST_COLUMNS)
    .from(tickets)
    .where(and(...where))
    .orderBy(...(oldest ? [asc(tickets.createdAt), asc(tickets.id)] : [desc(tickets.createdAt), desc(tickets.id)]))
    .limit(limit + 1)) as TicketListRow[];
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    next: rows.length > limit && last ? formatTimeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

/** Each menu's count (capped at COUNT_CAP) for the agent, in one round trip. */
export async function menuCounts(
  db: Queryable,
  serviceId: string,
  memberId: string,
  groupIds: string[],
): Promise<Record<ListMenu, number>> {
  const menus = Object.keys(MENU_RULES) as ListMenu[];
  const parts = menus.map(
    (menu) =>
      sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${tickets} WHERE ${listConditions({ serviceId, memberId, menu, filter: {} }, groupIds)} LIMIT ${COUNT_CAP + 1}) s) AS ${sql.identifier(menu)}`,
  );
  const r = await db.execute<Record<ListMenu, number>>(sql`SELECT ${sql.join(parts, sql`, `)}`);
  return r.rows[0];
}

/** Where the count of a filtered list stops: lower for a text search (see SEARCH_COUNT_CAP). */
export function countCap(filter: TicketFilter): number {
  return filter.q ? SEARCH_COUNT_CAP : COUNT_CAP;
}

/** The count of one filtered list (capped at countCap + 1), shown above the rows. */
export async function countTickets(
  db: Queryable,
  scope: Omit<ListScope, 'cursor' | 'order' | 'limit'>,
  groupIds: string[],
): Promise<number> {
  return cappedCount(db, scope, groupIds);
}

async function cappedCount(
  db: Queryable,
  scope: Omit<ListScope, 'cursor' | 'order' | 'limit'>,
  groupIds: string[],
): Promise<number> {
  const r = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${tickets} WHERE ${listConditions(scope, groupIds)} LIMIT ${countCap(scope.filter) + 1}) s`,
  );
  return r.rows[0].n;
}
