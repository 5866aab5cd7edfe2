import type { TicketPriority, TicketStatus } from '@/db/schema';

/** Row tint by priority (SPEC §2: list rows are tinted by priority). */
export const PRIORITY_TINT: Record<TicketPriority, string> = {
  urgent: 'bg-red-50',
  high: 'bg-amber-50',
  normal: '',
  low: 'bg-slate-50/60',
};
export const STATUS_TONE: Record<TicketStatus, 'slate' | 'green' | 'amber' | 'red' | 'blue'> = {
  new: 'red',
  open: 'blue',
  pending: 'amber',
  solved: 'green',
  closed: 'slate',
  dooray_transferred: 'blue',
  dooray_working: 'blue',
  dooray_done: 'green',
};
