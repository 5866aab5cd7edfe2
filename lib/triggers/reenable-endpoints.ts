import { and, eq, inArray } from 'drizzle-orm';
import { disabledEndpoints } from '@/db/schema';
import type { Queryable } from '@/db';
import type { ResultRow } from './types';

/** Saving a trigger that names an endpoint which answered 410 enables it again (the admin has looked at it). */
export async function reenableEndpoints(tx: Queryable, serviceId: string, results: ResultRow[]): Promise<void> {
  const keys = results.map((r) => r.urlKey).filter((u): u is string => typeof u === 'string');
  if (keys.length)
    await tx
      .delete(disabledEndpoints)
      .where(and(eq(disabledEndpoints.serviceId, serviceId), inArray(disabledEndpoints.url, keys)));
}
