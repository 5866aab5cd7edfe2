import 'server-only';
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import { categories, type Category, type CategoryKind } from '@/db/schema';
import { isUuid, listCategoryRows, pathPrefix } from '@/db/queries/categories';
import { getCategory } from './get-category';
import type { Queryable } from '@/db';
import { buildTree, pathIds, pathIsWithin, type CategoryNode } from './tree-build';

export { buildTree, pathIsWithin, type CategoryNode };

/** The live tree of one kind, labels in `lang` (falling back to the default-language name). */
export async function getCategoryTree(
  db: Queryable,
  serviceId: string,
  kind: CategoryKind,
  lang: string,
): Promise<CategoryNode[]> {
  return buildTree(await listCategoryRows(db, serviceId, kind), lang);
}

/** A node's ancestors, root first (deleted ones included, for ticket history). */
export async function getCategoryAncestors(db: Queryable, serviceId: string, id: string): Promise<Category[]> {
  const node = await getCategory(db, serviceId, id, { withDeleted: true });
  const ids = pathIds(node.path).slice(0, -1);
  if (!ids.length) return [];
  const rows = await db
    .select()
    .from(categories)
    .where(and(eq(categories.serviceId, serviceId), inArray(categories.id, ids)));
  return ids.map((i) => rows.find((r) => r.id === i)).filter((r): r is Category => Boolean(r));
}

/** A node's live descendants (not the node), by depth then position: one indexed range scan. */
export async function getCategoryDescendants(db: Queryable, serviceId: string, id: string): Promise<Category[]> {
  const node = await getCategory(db, serviceId, id, { withDeleted: true });
  const rows = await db
    .select()
    .from(categories)
    .where(
      and(
        eq(categories.serviceId, serviceId),
        like(categories.path, pathPrefix(node.path)),
        isNull(categories.deletedAt),
      ),
    )
    .orderBy(asc(categories.depth), asc(categories.position));
  return rows.filter((r) => r.id !== id);
}

/**
 * True when `categoryId` is `ancestorId` or one of its descendants (the trigger operator
 * `is_within` and the "subtree" ticket filters). Unknown ids or another service: false.
 */
export async function isWithin(
  db: Queryable,
  serviceId: string,
  categoryId: string,
  ancestorId: string,
): Promise<boolean> {
  if (!isUuid(categoryId) || !isUuid(ancestorId)) return false;
  const [row] = await db
    .select({ path: categories.path })
    .from(categories)
    .where(and(eq(categories.serviceId, serviceId), eq(categories.id, categoryId)))
    .limit(1);
  return Boolean(row) && pathIsWithin(row.path, ancestorId);
}
