import type { Field, Ticket } from '@/db/schema';

/** When a value of `field` on `ticket` falls due for destruction, or null (no rule, or not closed yet). */
export function destroyTime(
  field: Pick<Field, 'destroyAfterDays' | 'destroyBasis'>,
  ticket: Pick<Ticket, 'createdAt' | 'closedAt'>,
): Date | null {
  if (!field.destroyAfterDays || !field.destroyBasis) return null;
  const from = field.destroyBasis === 'created' ? ticket.createdAt : ticket.closedAt;
  return from ? new Date(from.getTime() + field.destroyAfterDays * 86400000) : null;
}
