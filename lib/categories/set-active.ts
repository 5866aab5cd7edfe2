import { and, eq } from 'drizzle-orm';
import { categories, type Category } from '@/db/schema';
import { getCategory } from './get-category';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import type { SetCategoryActiveInput } from './schemas';

/**
 * Switches an intake type on or off for the help center (활성화). Inactive types stay usable on
 * agent screens. Children keep their own flag; the help center hides a child whose ancestor
 * is inactive. Processing types have no such flag.
 */
export async function setCategoryActive(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: SetCategoryActiveInput,
): Promise<Category> {
  return ctx.db.transaction(async (tx) => {
    const current = await getCategory(tx, ctx.service.id, input.id, { lock: 'update' });
    if (current.kind !== 'intake') throw new ValidationError({}, 'errors.categoryActiveIntakeOnly');
    const [row] = await tx
      .update(categories)
      .set({ active: input.active, updatedAt: new Date() })
      .where(and(eq(categories.serviceId, ctx.service.id), eq(categories.id, current.id)))
      .returning();
    return row;
  });
}
