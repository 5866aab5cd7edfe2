import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';

/** The PostgreSQL channel of ticket changes (one per database: every app instance listens). */
export const TICKET_CHANNEL = 'cd_ticket_changes';
/** The channel of who is viewing or typing on which ticket. */
export const PRESENCE_CHANNEL = 'cd_desk_presence';

/** What a live desk learns of a change: enough to refresh and to say "assigned to you". */
export type TicketChangeEvent = {
  serviceId: string;
  ticketId: string;
  number: number;
  status: string;
  assigneeId: string | null;
  previousAssigneeId: string | null;
  /** The member who made the change (null for a customer, a trigger-only pass or the system). */
  actorId: string | null;
};

/**
 * Queues the change's notification inside the caller's transaction: PostgreSQL delivers it to
 * every listening instance at commit, and never for a rolled-back change. The payload stays far
 * below NOTIFY's 8,000-byte limit (ids only; the browser re-reads what it shows).
 */
export async function notifyTicketChange(tx: Queryable, e: TicketChangeEvent): Promise<void> {
  await tx.execute(sql`SELECT ${ticketChangeNotice(e)}`);
}

/** The `pg_notify(…)` call of a change, for a statement that does more (the intake path's closing statement). */
export function ticketChangeNotice(e: TicketChangeEvent): SQL {
  return sql`pg_notify(${TICKET_CHANNEL}, ${JSON.stringify(e)})`;
}
