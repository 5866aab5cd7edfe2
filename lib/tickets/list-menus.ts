import type { TicketStatus } from '@/db/schema';

/** The ticket list menus of SPEC §2, in menu order. */
export const LIST_MENUS = [
  'mine_open',
  'mine_pending',
  'mine_solved',
  'mine_closed',
  'all',
  'unassigned',
  'group',
  'spam',
] as const;
export type ListMenu = (typeof LIST_MENUS)[number];

export function isListMenu(v: unknown): v is ListMenu {
  return typeof v === 'string' && (LIST_MENUS as readonly string[]).includes(v);
}

/** What each menu fixes: its own status (if any), whose tickets, and whether spam. */
export const MENU_RULES: Record<
  ListMenu,
  { status?: TicketStatus; mine?: true; unassigned?: true; groups?: true; spam: boolean }
> = {
  mine_open: { status: 'open', mine: true, spam: false },
  mine_pending: { status: 'pending', mine: true, spam: false },
  mine_solved: { status: 'solved', mine: true, spam: false },
  mine_closed: { status: 'closed', mine: true, spam: false },
  all: { spam: false },
  unassigned: { status: 'new', unassigned: true, spam: false },
  group: { groups: true, spam: false },
  spam: { spam: true },
};
