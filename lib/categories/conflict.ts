import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { categories, type CategoryKind } from '@/db/schema';
import type { Queryable } from '@/db';
import { ConflictError, isUniqueViolation } from '@/lib/errors';

export const LEVEL_NAME_INDEX = 'categories_level_name_uq';

/** The error that names the clashing category, on the `names.<default>` field. */
export function nameTaken(name: string, depth: number, field: string): ConflictError {
  return new ConflictError('errors.categoryNameTaken', { name, depth }, field);
}

/** Throws `nameTaken` when another live category of the tree has `name` at `depth`. */
export async function assertNameFree(
  db: Queryable,
  p: { serviceId: string; kind: CategoryKind; depth: number; name: string; exceptId?: string; field: string },
) {
  const [clash] = await db
    .select({ name: categories.name })
    .from(categories)
    .where(
      and(
        eq(categories.serviceId, p.serviceId),
        eq(categories.kind, p.kind),
        eq(categories.depth, p.depth),
        eq(sql`lower(${categories.name})`, p.name.toLowerCase()),
        isNull(categories.deletedAt),
        p.exceptId ? ne(categories.id, p.exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw nameTaken(clash.name, p.depth, p.field);
}

/** Turns the unique index's refusal (a concurrent writer won) into the same named error. */
export function rethrowNameClash(err: unknown, name: string, depth: number, field: string): never {
  if (isUniqueViolation(err, LEVEL_NAME_INDEX)) throw nameTaken(name, depth, field);
  throw err;
}
