import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { fields, type FieldAudience } from '@/db/schema';
import type { Db } from '@/lib/db';

/** The live fields of one audience: system fields first, then custom ones by creation. */
export async function listFields(db: Db, serviceId: string, audience: FieldAudience) {
  return db
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.audience, audience), isNull(fields.deletedAt)))
    .orderBy(desc(fields.isSystem), asc(fields.createdAt), asc(fields.code));
}
