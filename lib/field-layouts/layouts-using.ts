import { and, eq } from 'drizzle-orm';
import { categories, fieldLayouts, type FieldAudience } from '@/db/schema';
import type { Queryable } from '@/db';

/**
 * For each field id, the layouts that list it: intake-type names, or null for the default
 * (or agent) form. One query for the whole audience, for the delete confirmation.
 */
export async function layoutsUsingFields(
  db: Queryable,
  serviceId: string,
  audience: FieldAudience,
): Promise<Map<string, (string | null)[]>> {
  const rows = await db
    .select({ fieldIds: fieldLayouts.fieldIds, intakeName: categories.name })
    .from(fieldLayouts)
    .leftJoin(categories, eq(categories.id, fieldLayouts.intakeTypeId))
    .where(and(eq(fieldLayouts.serviceId, serviceId), eq(fieldLayouts.audience, audience)));
  const out = new Map<string, (string | null)[]>();
  for (const r of rows) for (const id of r.fieldIds) out.set(id, [...(out.get(id) ?? []), r.intakeName]);
  return out;
}
