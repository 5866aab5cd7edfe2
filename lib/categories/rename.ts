import { and, eq } from 'drizzle-orm';
import { categories, type Category } from '@/db/schema';
import { getCategory } from './get-category';
import type { ServiceCtx } from '@/lib/context';
import { assertNameFree, rethrowNameClash } from './conflict';
import { resolveNames } from './names';
import type { RenameCategoryInput } from './schemas';

/**
 * Renames a category. Intake types may send only some languages (the inline editor edits
 * one language at a time); the others keep their current names.
 */
export async function renameCategory(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: RenameCategoryInput,
): Promise<Category> {
  const { service } = ctx;
  const field = `names.${service.languages[0]}`;
  return ctx.db.transaction(async (tx) => {
    const current = await getCategory(tx, service.id, input.id, { lock: 'update' });
    const allowed = current.kind === 'intake' ? service.languages : service.languages.slice(0, 1);
    // Names of languages the service no longer has are dropped; unknown ones sent now are refused.
    const kept = Object.fromEntries(Object.entries(current.names).filter(([k]) => allowed.includes(k)));
    const { name, names } = resolveNames(current.kind, service.languages, {
      ...kept,
      [service.languages[0]]: current.name,
      ...input.names,
    });
    await assertNameFree(tx, {
      serviceId: service.id,
      kind: current.kind,
      depth: current.depth,
      name,
      exceptId: current.id,
      field,
    });
    try {
      const [row] = await tx
        .update(categories)
        .set({ name, names, updatedAt: new Date() })
        .where(and(eq(categories.serviceId, service.id), eq(categories.id, current.id)))
        .returning();
      return row;
    } catch (err) {
      rethrowNameClash(err, name, current.depth, field);
    }
  });
}
