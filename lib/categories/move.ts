import type { Category } from '@/db/schema';
import { listCategoryRows, lockCategoryTree } from '@/db/queries/categories';
import { getCategory } from './get-category';
import type { ServiceCtx } from '@/lib/context';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { nameTaken } from './conflict';
import type { MoveCategoryInput } from './schemas';
import { layoutTree, levelNameClashes, type ModelNode } from './tree-model';
import { rowsById, writeTree } from './write-tree';

/**
 * Moves a category (with its subtree) under another parent of the same tree, or to level 1,
 * at the end of its new siblings. Refused: a parent inside the moved subtree (a cycle), a
 * result deeper than level 5, a name that clashes at a node's new level.
 */
export async function moveCategory(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: MoveCategoryInput,
): Promise<Category> {
  const serviceId = ctx.service.id;
  return ctx.db.transaction(async (tx) => {
    const node = await getCategory(tx, serviceId, input.id);
    await lockCategoryTree(tx, serviceId, node.kind);
    if (input.parentId) {
      const parent = await getCategory(tx, serviceId, input.parentId);
      if (parent.kind !== node.kind) throw new NotFoundError('errors.categoryNotFound');
      if (parent.path.startsWith(node.path)) throw new ValidationError({}, 'errors.categoryMoveCycle');
    }
    const rows = await listCategoryRows(tx, serviceId, node.kind);
    const model = new Map<string, ModelNode>(rows.map((r) => [r.id, { ...r }]));
    const siblings = rows.filter((r) => r.parentId === (input.parentId ?? null) && r.id !== node.id);
    model.set(node.id, {
      ...model.get(node.id)!,
      parentId: input.parentId ?? null,
      position: siblings.reduce((m, r) => Math.max(m, r.position + 1), 0),
    });
    const { placed, problems } = layoutTree(model);
    if (problems.some((p) => p.kind === 'tooDeep'))
      throw new ValidationError({}, 'errors.categoryMoveTooDeep', { max: 5 });
    if (problems.length) throw new ValidationError({}, 'errors.categoryMoveCycle');
    const clash = levelNameClashes(placed.values())[0];
    if (clash)
      throw nameTaken(
        clash.find((p) => !p.path.includes(`/${node.id}/`))?.name ?? clash[0].name,
        clash[0].depth,
        'parentId',
      );
    await writeTree(tx, serviceId, node.kind, rowsById(rows), placed);
    return getCategory(tx, serviceId, node.id);
  });
}
