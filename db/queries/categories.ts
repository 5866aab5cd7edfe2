import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { categories, type Category, type CategoryKind } from '@/db/schema';
import type { Queryable } from '@/db';

/** The columns a tree screen or an export needs. */
export type CategoryRow = Pick<
  Category,
  'id' | 'parentId' | 'path' | 'depth' | 'position' | 'name' | 'names' | 'active' | 'createdAt'
>;

const rowColumns = {
  id: categories.id,
  parentId: categories.parentId,
  path: categories.path,
  depth: categories.depth,
  position: categories.position,
  name: categories.name,
  names: categories.names,
  active: categories.active,
  createdAt: categories.createdAt,
};

/** Every live category of one tree, parents before children, siblings in order. */
export async function listCategoryRows(db: Queryable, serviceId: string, kind: CategoryKind): Promise<CategoryRow[]> {
  return db
    .select(rowColumns)
    .from(categories)
    .where(and(eq(categories.serviceId, serviceId), eq(categories.kind, kind), isNull(categories.deletedAt)))
    .orderBy(asc(categories.depth), asc(categories.position), asc(categories.createdAt));
}

/**
 * One category of the service, live unless `withDeleted`; another service's id finds nothing.
 * `lock` takes a row lock for the rest of the transaction.
 */
export async function findCategory(
  db: Queryable,
  serviceId: string,
  id: string,
  opts: { withDeleted?: boolean; lock?: 'update' | 'share' } = {},
): Promise<Category | undefined> {
  if (!isUuid(id)) return undefined;
  let q = db
    .select()
    .from(categories)
    .where(
      and(
        eq(categories.serviceId, serviceId),
        eq(categories.id, id),
        opts.withDeleted ? undefined : isNull(categories.deletedAt),
      ),
    )
    .$dynamic();
  if (opts.lock) q = q.for(opts.lock);
  const [row] = await q.limit(1);
  return row;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);

/** Serializes structural changes (move, reorder, delete, import) of one tree across instances. */
export async function lockCategoryTree(db: Queryable, serviceId: string, kind: CategoryKind): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`categories:${serviceId}:${kind}`}))`);
}

/** Escapes a path for use as a LIKE prefix (paths hold uuids and slashes only, but be strict). */
export function pathPrefix(path: string): string {
  return path.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** The columns a tree screen needs, without dates and paths: the lean read of the category tab. */
export type CategoryTreeRow = Pick<Category, 'id' | 'parentId' | 'depth' | 'position' | 'name' | 'names' | 'active'>;

export async function listCategoryTreeRows(
  db: Queryable,
  serviceId: string,
  kind: CategoryKind,
): Promise<CategoryTreeRow[]> {
  const res = await db.execute<{
    id: string;
    parent_id: string | null;
    depth: number;
    position: number;
    name: string;
    names: Record<string, string>;
    active: boolean;
  }>(sql`
    SELECT id, parent_id, depth, position, name, names, active FROM categories
    WHERE service_id = ${serviceId} AND kind = ${kind} AND deleted_at IS NULL
    ORDER BY depth, position, created_at`);
  return res.rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    depth: r.depth,
    position: r.position,
    name: r.name,
    names: r.names,
    active: r.active,
  }));
}
