import { and, eq, inArray, isNull } from 'drizzle-orm';
import { fieldLayouts, fields, type Field, type FieldAudience } from '@/db/schema';
import type { Queryable } from '@/db';
import { getCategoryAncestors } from '@/lib/categories/tree';
import { DEFAULT_LAYOUT } from './pinned';

export type ResolvedLayout = {
  fields: Field[];
  /** own: the type's own list; inherited: an ancestor's (`fromIntakeTypeId`); default: the service's. */
  source: 'own' | 'inherited' | 'default';
  fromIntakeTypeId: string | null;
};

/**
 * The ordered fields of a form: the intake type's own layout, else its nearest ancestor's,
 * else the service default. Agent layouts have no intake type. Deleted fields never appear.
 */
export async function resolveLayout(
  db: Queryable,
  serviceId: string,
  audience: FieldAudience,
  intakeTypeId: string | null,
): Promise<ResolvedLayout> {
  const chain =
    audience === 'customer' && intakeTypeId
      ? [intakeTypeId, ...(await getCategoryAncestors(db, serviceId, intakeTypeId)).map((c) => c.id).reverse()]
      : [];
  const rows = await db
    .select()
    .from(fieldLayouts)
    .where(and(eq(fieldLayouts.serviceId, serviceId), eq(fieldLayouts.audience, audience)));
  const found =
    chain.map((id) => rows.find((r) => r.intakeTypeId === id)).find(Boolean) ??
    rows.find((r) => r.intakeTypeId === null);
  const live = await db
    .select()
    .from(fields)
    .where(
      and(
        eq(fields.serviceId, serviceId),
        eq(fields.audience, audience),
        isNull(fields.deletedAt),
        found ? inArray(fields.id, found.fieldIds) : inArray(fields.code, DEFAULT_LAYOUT[audience]),
      ),
    );
  const order = found ? found.fieldIds : DEFAULT_LAYOUT[audience];
  const key = (f: Field) => (found ? f.id : f.code);
  const sorted = live.sort((a, b) => order.indexOf(key(a)) - order.indexOf(key(b)));
  if (!found || found.intakeTypeId === null) return { fields: sorted, source: 'default', fromIntakeTypeId: null };
  return {
    fields: sorted,
    source: found.intakeTypeId === intakeTypeId ? 'own' : 'inherited',
    fromIntakeTypeId: found.intakeTypeId,
  };
}
