import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
} from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { parseTimeCursor, type TimeCursor } from '@/db/pagination';
import { isListMenu, type ListMenu } from './list-menus';
import { isSearchable } from './search';

export type ListSearch = Record<string, string | string[] | undefined>;
const DAY = /^\d{4}-\d\d-\d\d$/;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const within = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

export type ListParams = {
  menu: ListMenu;
  statuses: TicketStatus[];
  priority?: TicketPriority;
  intakeTypeId?: string;
  processingTypeId?: string;
  assigneeId?: string;
  groupId?: string;
  channel?: TicketChannel;
  from?: string;
  to?: string;
  q?: string;
  order: 'newest' | 'oldest';
  cursor?: TimeCursor;
};

/** Reads a list URL; anything malformed is dropped, so a hand-edited URL never errors. */
export function parseListParams(sp: ListSearch): ListParams {
  const day = (v?: string) => (v && DAY.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined);
  const menu = one(sp.menu);
  const q = one(sp.q)?.trim().slice(0, 100);
  return {
    menu: isListMenu(menu) ? menu : 'all',
    statuses: many(sp.status).filter((s): s is TicketStatus => within(TICKET_STATUSES, s)),
    priority: within(TICKET_PRIORITIES, one(sp.priority)) ? (one(sp.priority) as TicketPriority) : undefined,
    intakeTypeId: isUuid(one(sp.intake)) ? one(sp.intake) : undefined,
    processingTypeId: isUuid(one(sp.processing)) ? one(sp.processing) : undefined,
    assigneeId: isUuid(one(sp.assignee)) ? one(sp.assignee) : undefined,
    groupId: isUuid(one(sp.group)) ? one(sp.group) : undefined,
    channel: within(TICKET_CHANNELS, one(sp.channel)) ? (one(sp.channel) as TicketChannel) : undefined,
    from: day(one(sp.from)),
    to: day(one(sp.to)),
    q: q && isSearchable(q) ? q : undefined,
    order: one(sp.order) === 'oldest' ? 'oldest' : 'newest',
    cursor: parseTimeCursor(one(sp.cursor)),
  };
}

/** The query string of a list (without the cursor unless given), for links that keep the filters. */
export function listQuery(p: ListParams, over: Partial<Record<string, string | undefined>> = {}): string {
  const u = new URLSearchParams();
  const set = (k: string, v: string | undefined) => v && u.append(k, v);
  set('menu', p.menu);
  p.statuses.forEach((s) => u.append('status', s));
  set('priority', p.priority);
  set('intake', p.intakeTypeId);
  set('processing', p.processingTypeId);
  set('assignee', p.assigneeId);
  set('group', p.groupId);
  set('channel', p.channel);
  set('from', p.from);
  set('to', p.to);
  set('q', p.q);
  if (p.order !== 'newest') set('order', p.order);
  for (const [k, v] of Object.entries(over)) {
    u.delete(k);
    set(k, v);
  }
  return u.toString();
}
