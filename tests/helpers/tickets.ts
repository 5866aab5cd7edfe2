import { sql } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { Db } from '@/lib/db';

/** A bare ticket row (the tickets issue brings the real creation path). */
export async function makeTicket(db: Db, serviceId: string, over: Partial<typeof tickets.$inferInsert> = {}) {
  const [{ n }] = (await db.execute<{ n: number }>(sql`SELECT coalesce(max(number), 0)::int + 1 AS n FROM tickets WHERE service_id = ${serviceId}`)).rows;
  const [t] = await db.insert(tickets).values({ serviceId, number: n, subject: '배송 문의', ...over }).returning();
  return t;
}
