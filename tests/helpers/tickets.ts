import { tickets } from '@/db/schema';
import type { Db } from '@/db';
import { nextTicketNumber } from '@/lib/tickets/snapshot';

/** A bare ticket row numbered from the service's counter (no history, no triggers). */
export async function makeTicket(db: Db, serviceId: string, over: Partial<typeof tickets.$inferInsert> = {}) {
  const number = await nextTicketNumber(db, serviceId);
  const [t] = await db
    .insert(tickets)
    .values({ serviceId, number, subject: '배송 문의', ...over })
    .returning();
  return t;
}
