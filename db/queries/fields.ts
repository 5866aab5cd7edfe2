import 'server-only';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { fields, type FieldAudience } from '@/db/schema';
import type { Db } from '@/lib/db';
import { SYSTEM_FIELDS } from '@/lib/fields/system-fields';

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

/** Every field a ticket's history may name (deleted ones too), with what it takes to show its values. */
export async function fieldDisplayDefs(db: Db, serviceId: string) {
  return db.select({ code: fields.code, names: fields.names, type: fields.type, options: fields.options }).from(fields).where(eq(fields.serviceId, serviceId));
}
