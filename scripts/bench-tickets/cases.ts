import type { TicketStatus } from '@/db/schema';
import type { ListMenu } from '@/lib/tickets/list-menus';

/** The bench service and its agents' shared password. */
export const SERVICE = 'bench';
export const PASSWORD = 'bench-pass-2026';

/** One list to time: a menu with status, intake-subtree and assignee filters. */
export type Case = { label: string; menu: ListMenu; statuses?: TicketStatus[]; intake?: boolean; assignee?: boolean };

/** Every list menu, with the filters a busy agent would set. */
export const CASES: Case[] = [
  {
    label: 'all · status open · subtree · assignee',
    menu: 'all',
    statuses: ['open'],
    intake: true,
    assignee: true,
  },
  {
    label: 'all · status closed · subtree · assignee',
    menu: 'all',
    statuses: ['closed'],
    intake: true,
    assignee: true,
  },
  {
    label: 'all · status open+pending · subtree · assignee',
    menu: 'all',
    statuses: ['open', 'pending'],
    intake: true,
    assignee: true,
  },
  { label: 'all · status closed · subtree', menu: 'all', statuses: ['closed'], intake: true },
  { label: 'all · no filter', menu: 'all' },
  { label: 'mine_open · subtree', menu: 'mine_open', intake: true },
  { label: 'mine_pending · subtree', menu: 'mine_pending', intake: true },
  { label: 'mine_solved · subtree', menu: 'mine_solved', intake: true },
  { label: 'mine_closed · subtree', menu: 'mine_closed', intake: true },
  { label: 'unassigned · subtree', menu: 'unassigned', intake: true },
  {
    label: 'group · status open · subtree · assignee',
    menu: 'group',
    statuses: ['open'],
    intake: true,
    assignee: true,
  },
  {
    label: 'group · status closed · subtree · assignee',
    menu: 'group',
    statuses: ['closed'],
    intake: true,
    assignee: true,
  },
  {
    label: 'spam · status closed · subtree · assignee (matches nothing)',
    menu: 'spam',
    statuses: ['closed'],
    intake: true,
    assignee: true,
  },
  { label: 'spam · status closed', menu: 'spam', statuses: ['closed'] },
];
