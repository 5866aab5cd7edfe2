import { fields, services, type NewService, type Service } from '@/db/schema';
import type { Queryable } from '@/db';
import { systemFieldRows } from '@/lib/fields/system-fields';

/** Inserts a service with everything a service is born with (its system fields), in the caller's transaction. */
export async function insertService(
  tx: Queryable,
  values: Pick<NewService, 'id' | 'name' | 'languages'>,
): Promise<Service> {
  const [service] = await tx.insert(services).values(values).returning();
  await tx.insert(fields).values(systemFieldRows(service.id));
  return service;
}
