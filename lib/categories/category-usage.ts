import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import type { Queryable } from '@/db';

/**
 * How many tickets use any of the given categories (intake or processing type): the delete
 * confirmation and the import preview. The ids are a subtree's nodes, so the count reads the
 * type ids directly.
 */
export async function countTicketsUsingCategories(
  db: Queryable,
  serviceId: string,
  categoryIds: string[],
): Promise<number> {
  if (!categoryIds.length) return 0;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        eq(tickets.serviceId, serviceId),
        or(inArray(tickets.intakeTypeId, categoryIds), inArray(tickets.processingTypeId, categoryIds)),
      ),
    );
  return r.n;
}
