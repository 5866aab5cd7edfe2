import { sql } from 'drizzle-orm';
import { triggerVersions } from '@/db/schema';
import type { Queryable } from '@/db';

/** Marks the service's triggers changed: every app instance reloads them on its next ticket change. */
export async function bumpTriggersVersion(tx: Queryable, serviceId: string): Promise<void> {
  await tx
    .insert(triggerVersions)
    .values({ serviceId, version: 1 })
    .onConflictDoUpdate({ target: triggerVersions.serviceId, set: { version: sql`${triggerVersions.version} + 1` } });
}
