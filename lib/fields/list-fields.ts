import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { fields, type FieldAudience } from '@/db/schema';
import type { Db } from '@/db';
import { SYSTEM_FIELDS } from './system-fields';

const SYSTEM_ORDER = new Map(SYSTEM_FIELDS.map((f, i) => [f.code, i]));

/** The live fields of one audience: system fields first in their usual order, then custom ones by creation. */
export async function listFields(db: Db, serviceId: string, audience: FieldAudience) {
  const rows = await db
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.audience, audience), isNull(fields.deletedAt)))
    .orderBy(desc(fields.isSystem), asc(fields.createdAt), asc(fields.code));
  return rows.sort((a, b) => (SYSTEM_ORDER.get(a.code) ?? 99) - (SYSTEM_ORDER.get(b.code) ?? 99));
}
