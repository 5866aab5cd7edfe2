import { MAX_CATEGORY_DEPTH } from '@/db/schema/categories';

/** A category in an in-memory copy of one tree, used to check a move or an import before writing. */
export type ModelNode = {
  id: string;
  parentId: string | null;
  name: string;
  names: Record<string, string>;
  active: boolean;
  position: number;
  isNew?: boolean;
};
export type Placed = ModelNode & { depth: number; path: string };
export type LayoutProblem = { id: string; kind: 'cycle' | 'tooDeep' | 'missingParent' };

/**
 * Computes depth and path of every node from the parent links. Pure. Nodes in a cycle, under
 * a missing parent, or below level 5 are reported instead of placed.
 */
export function layoutTree(nodes: Map<string, ModelNode>): { placed: Map<string, Placed>; problems: LayoutProblem[] } {
  const placed = new Map<string, Placed>();
  const problems: LayoutProblem[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'bad'>();
  const visit = (id: string): Placed | null => {
    const s = state.get(id);
    if (s === 'done') return placed.get(id)!;
    if (s === 'bad') return null;
    const node = nodes.get(id)!;
    if (s === 'visiting') {
      problems.push({ id, kind: 'cycle' });
      state.set(id, 'bad');
      return null;
    }
    state.set(id, 'visiting');
    let parent: Placed | null = null;
    if (node.parentId) {
      if (!nodes.has(node.parentId)) {
        problems.push({ id, kind: 'missingParent' });
        state.set(id, 'bad');
        return null;
      }
      parent = visit(node.parentId);
      if (!parent) {
        if (state.get(id) !== 'bad') state.set(id, 'bad');
        return null;
      }
    }
    const depth = parent ? parent.depth + 1 : 1;
    if (depth > MAX_CATEGORY_DEPTH) {
      problems.push({ id, kind: 'tooDeep' });
      state.set(id, 'bad');
      return null;
    }
    const p: Placed = { ...node, depth, path: `${parent ? parent.path : '/'}${id}/` };
    placed.set(id, p);
    state.set(id, 'done');
    return p;
  };
  for (const id of nodes.keys()) visit(id);
  return { placed, problems };
}

/** Groups of placed nodes with the same trimmed, case-insensitive name at the same level. */
export function levelNameClashes(placed: Iterable<Placed>): Placed[][] {
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = `${p.depth}\u0000${p.name.trim().toLowerCase()}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Equal name maps, whatever their key order (jsonb does not keep it). */
export function sameNames(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
