import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { categories } from '@/db/schema';
import { lockCategoryTree, pathPrefix } from '@/db/queries/categories';
import { getCategory } from './get-category';
import type { Queryable } from '@/db';
import type { ServiceCtx } from '@/lib/context';
import { countTicketsUsingCategories } from './category-usage';
import type { CategoryIdInput } from './schemas';

export type DeleteImpact = { categories: number; descendants: number; tickets: number };

async function subtreeIds(db: Queryable, serviceId: string, path: string): Promise<string[]> {
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .where(
      and(eq(categories.serviceId, serviceId), like(categories.path, pathPrefix(path)), isNull(categories.deletedAt)),
    );
  return rows.map((r) => r.id);
}

/** What deleting a category would remove: itself, its live descendants, and the tickets using them. */
export async function categoryDeleteImpact(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: CategoryIdInput,
): Promise<DeleteImpact> {
  const node = await getCategory(ctx.db, ctx.service.id, input.id);
  const ids = await subtreeIds(ctx.db, ctx.service.id, node.path);
  return {
    categories: ids.length,
    descendants: ids.length - 1,
    tickets: await countTicketsUsingCategories(ctx.db, ctx.service.id, ids),
  };
}

/**
 * Deletes a category and all its descendants. Soft: the rows keep their names and paths so
 * tickets can show them as deleted; the level-name index ignores them, so names are free again.
 */
export async function deleteCategory(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: CategoryIdInput,
): Promise<DeleteImpact> {
  return ctx.db.transaction(async (tx) => {
    const first = await getCategory(tx, ctx.service.id, input.id);
    await lockCategoryTree(tx, ctx.service.id, first.kind);
    // Read again under the tree lock: a move that committed meanwhile changed the path.
    const node = await getCategory(tx, ctx.service.id, input.id, { lock: 'update' });
    const ids = await subtreeIds(tx, ctx.service.id, node.path);
    const tickets = await countTicketsUsingCategories(tx, ctx.service.id, ids);
    await tx
      .update(categories)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(categories.serviceId, ctx.service.id),
          like(categories.path, pathPrefix(node.path)),
          isNull(categories.deletedAt),
        ),
      );
    return { categories: ids.length, descendants: ids.length - 1, tickets };
  });
}
