import { and, eq, isNull, sql } from 'drizzle-orm';
import { categories, MAX_CATEGORY_DEPTH, type Category } from '@/db/schema';
import { getCategory } from './get-category';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { assertNameFree, rethrowNameClash } from './conflict';
import { resolveNames } from './names';
import type { CreateCategoryInput } from './schemas';

/**
 * Adds a category at the end of its siblings: a level-1 category without a parent, else a
 * child of a live category of the same tree (at most level 5). The unique index decides
 * between concurrent adds of one name at one level: exactly one wins.
 */
export async function createCategory(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: CreateCategoryInput,
): Promise<Category> {
  const { service } = ctx;
  const { name, names } = resolveNames(input.kind, service.languages, input.names);
  const field = `names.${service.languages[0]}`;
  return ctx.db.transaction(async (tx) => {
    let parentPath = '/';
    let depth = 1;
    if (input.parentId) {
      // FOR SHARE: a concurrent delete or move of the parent waits for this insert.
      const parent = await getCategory(tx, service.id, input.parentId, { lock: 'share' });
      if (parent.kind !== input.kind) throw new NotFoundError('errors.categoryNotFound');
      if (parent.depth >= MAX_CATEGORY_DEPTH)
        throw new ValidationError({}, 'errors.categoryMaxDepth', { max: MAX_CATEGORY_DEPTH });
      parentPath = parent.path;
      depth = parent.depth + 1;
    }
    await assertNameFree(tx, { serviceId: service.id, kind: input.kind, depth, name, field });
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${categories.position}), -1)::int + 1` })
      .from(categories)
      .where(
        and(
          eq(categories.serviceId, service.id),
          eq(categories.kind, input.kind),
          input.parentId ? eq(categories.parentId, input.parentId) : isNull(categories.parentId),
          isNull(categories.deletedAt),
        ),
      );
    const id = crypto.randomUUID();
    try {
      const [row] = await tx
        .insert(categories)
        .values({
          id,
          serviceId: service.id,
          kind: input.kind,
          parentId: input.parentId ?? null,
          path: `${parentPath}${id}/`,
          depth,
          position: next,
          name,
          names,
          active: true,
        })
        .returning();
      return row;
    } catch (err) {
      rethrowNameClash(err, name, depth, field);
    }
  });
}
