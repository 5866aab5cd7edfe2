import type { Queryable } from '@/lib/db';

/**
 * How many tickets use any of the given categories (intake or processing type). Tickets do
 * not exist yet: the tickets issue extends this one function, which the delete confirmation
 * and the import preview call.
 */
export async function countTicketsUsingCategories(_db: Queryable, _serviceId: string, categoryIds: string[]): Promise<number> {
  void categoryIds;
  return 0;
}
