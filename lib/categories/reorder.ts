import { and, eq, isNull, sql } from 'drizzle-orm';
import { categories } from '@/db/schema';
import { lockCategoryTree } from '@/db/queries/categories';
import { getCategory } from './get-category';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import type { ReorderCategoriesInput } from './schemas';

/**
 * Puts the siblings under `parentId` (null: level 1) in the given order. The ids must be
 * exactly the live siblings: an id of another parent, tree or service is "not found", and a
 * missing or repeated one is refused, so a stale screen never scrambles the order.
 */
export async function reorderCategories(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: ReorderCategoriesInput,
): Promise<void> {
  const serviceId = ctx.service.id;
  await ctx.db.transaction(async (tx) => {
    await lockCategoryTree(tx, serviceId, input.kind);
    if (input.parentId) {
      const parent = await getCategory(tx, serviceId, input.parentId);
      if (parent.kind !== input.kind) throw new NotFoundError('errors.categoryNotFound');
    }
    const siblings = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(
        and(
          eq(categories.serviceId, serviceId),
          eq(categories.kind, input.kind),
          input.parentId ? eq(categories.parentId, input.parentId) : isNull(categories.parentId),
          isNull(categories.deletedAt),
        ),
      );
    const live = new Set(siblings.map((s) => s.id));
    if (input.orderedIds.some((id) => !live.has(id))) throw new NotFoundError('errors.categoryNotFound');
    if (new Set(input.orderedIds).size !== input.orderedIds.length || input.orderedIds.length !== live.size) {
      throw new ValidationError({}, 'errors.categoryReorderStale');
    }
    await tx.execute(sql`
      UPDATE categories c SET position = o.ord - 1, updated_at = now()
      FROM unnest(${`{${input.orderedIds.join(',')}}`}::uuid[]) WITH ORDINALITY AS o(id, ord)
      WHERE c.id = o.id AND c.service_id = ${serviceId}`);
  });
}
