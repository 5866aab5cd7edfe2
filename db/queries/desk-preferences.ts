import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { deskPreferences, savedFilters } from '@/db/schema';
import type { Queryable } from '@/db';
import { DEFAULT_LIST_COLUMNS, LIST_COLUMNS, type ListColumn } from '@/db/values';

/** My saved filters of the ticket list in a service, by name. */
export async function listSavedFilters(db: Queryable, p: { serviceId: string; memberId: string }) {
  return db
    .select({ id: savedFilters.id, name: savedFilters.name, query: savedFilters.query })
    .from(savedFilters)
    .where(and(eq(savedFilters.serviceId, p.serviceId), eq(savedFilters.memberId, p.memberId)))
    .orderBy(asc(savedFilters.name));
}

/** The list columns I chose in a service, or the default set. */
export async function listColumnsOf(db: Queryable, p: { serviceId: string; memberId: string }): Promise<ListColumn[]> {
  const [row] = await db
    .select({ columns: deskPreferences.listColumns })
    .from(deskPreferences)
    .where(and(eq(deskPreferences.serviceId, p.serviceId), eq(deskPreferences.memberId, p.memberId)));
  const known = (row?.columns ?? null)?.filter((c): c is ListColumn => (LIST_COLUMNS as readonly string[]).includes(c));
  return known ?? DEFAULT_LIST_COLUMNS;
}
