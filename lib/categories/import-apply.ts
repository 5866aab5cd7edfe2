import 'server-only';
import { listCategoryRows, lockCategoryTree } from '@/db/queries/categories';
import type { ServiceCtx } from '@/lib/context';
import { ValidationError } from '@/lib/errors';
import type { CategoryKind } from '@/db/schema';
import type { ImportUpload } from './import-preview';
import { planImport } from './import-plan';
import { rowsById, writeTree } from './write-tree';
import { readCategorySheet } from './xlsx-read';

/**
 * Applies an upload in one transaction: the plan is made again under the tree lock (the tree
 * may have changed since the preview), and any row error refuses the whole file.
 */
export async function applyCategoryImport(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: { kind: CategoryKind; file: ImportUpload },
) {
  const sheet = await readCategorySheet(input.file);
  return ctx.db.transaction(async (tx) => {
    await lockCategoryTree(tx, ctx.service.id, input.kind);
    const current = await listCategoryRows(tx, ctx.service.id, input.kind);
    const plan = planImport(current, sheet, input.kind, ctx.service.languages, () => crypto.randomUUID());
    if (plan.errors.length)
      throw new ValidationError({}, 'errors.categoryImportHasErrors', { count: plan.errors.length });
    await writeTree(tx, ctx.service.id, input.kind, rowsById(current), plan.placed);
    return {
      added: plan.adds.length,
      renamed: plan.renames.length,
      moved: plan.moves.length,
      switched: plan.activations.length,
    };
  });
}
