import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { serviceMembers, services } from '@/db/schema';
import type { Db } from '@/db';

/** Every service with its agent count (org settings; bounded by the org's service count). */
export async function listServicesWithCounts(db: Db) {
  return db
    .select({
      id: services.id,
      name: services.name,
      languages: services.languages,
      editorType: services.editorType,
      smsEnabled: services.smsEnabled,
      createdAt: services.createdAt,
      agents: count(serviceMembers.id),
    })
    .from(services)
    .leftJoin(serviceMembers, eq(serviceMembers.serviceId, services.id))
    .groupBy(services.id)
    .orderBy(asc(services.createdAt));
}

export async function getService(db: Db, serviceId: string) {
  const [s] = await db.select().from(services).where(eq(services.id, serviceId)).limit(1);
  return s ?? null;
}
