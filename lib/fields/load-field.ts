import { and, eq, isNull } from 'drizzle-orm';
import { fields, type Field } from '@/db/schema';
import type { Queryable } from '@/db';
import { NotFoundError } from '@/lib/errors';

/** A live field of this service, locked for update; another service's or a deleted one is not found. */
export async function loadFieldForUpdate(tx: Queryable, serviceId: string, fieldId: string): Promise<Field> {
  const [f] = await tx
    .select()
    .from(fields)
    .where(and(eq(fields.id, fieldId), eq(fields.serviceId, serviceId), isNull(fields.deletedAt)))
    .for('update');
  if (!f) throw new NotFoundError();
  return f;
}
