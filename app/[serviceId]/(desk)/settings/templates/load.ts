import 'server-only';
import type { TypeOption } from '@/components/templates/types';
import { getCategoryTree, type CategoryNode } from '@/lib/categories/tree';
import type { Queryable } from '@/db';
import { knownCodes } from '@/lib/substitution/values';

/** What both template tabs need: the processing types (tree order) and the substitution codes. */
export async function loadTemplateScreen(
  db: Queryable,
  serviceId: string,
  lang: string,
): Promise<{ types: TypeOption[]; codes: string[] }> {
  const [tree, codes] = await Promise.all([
    getCategoryTree(db, serviceId, 'processing', lang),
    knownCodes(db, serviceId),
  ]);
  const types: TypeOption[] = [];
  const walk = (nodes: CategoryNode[], parent: string) => {
    for (const n of nodes) {
      const path = parent ? `${parent} > ${n.label}` : n.label;
      types.push({ id: n.id, label: n.label, depth: n.depth, path });
      walk(n.children, path);
    }
  };
  walk(tree, '');
  return { types, codes: [...codes] };
}
