import type { CategoryRow } from '@/db/queries/categories';
import { displayName } from './names';

/** A category with its children, as the screens and later issues' pickers use it. */
export type CategoryNode = {
  id: string;
  parentId: string | null;
  depth: number;
  name: string;
  names: Record<string, string>;
  label: string;
  active: boolean;
  createdAt: string;
  children: CategoryNode[];
};

/** Nests rows (parents before children) into trees; siblings keep their order. Pure. */
export function buildTree(rows: CategoryRow[], lang: string): CategoryNode[] {
  const byId = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  const sorted = [...rows].sort((a, b) => a.depth - b.depth || a.position - b.position || +a.createdAt - +b.createdAt);
  for (const r of sorted) {
    const node: CategoryNode = { id: r.id, parentId: r.parentId, depth: r.depth, name: r.name, names: r.names, label: displayName(r, lang), active: r.active, createdAt: r.createdAt.toISOString(), children: [] };
    byId.set(r.id, node);
    if (!r.parentId) roots.push(node);
    else byId.get(r.parentId)?.children.push(node);
  }
  return roots;
}

/** Ids in a materialized path `/a/b/c/`, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** True when the node with `path` is `ancestorId` itself or one of its descendants. Pure. */
export function pathIsWithin(path: string, ancestorId: string): boolean {
  return path.includes(`/${ancestorId}/`);
}

/**
 * A tree packed for the trip to the browser: one tuple per node in tree order,
 * `[id, parent index or -1, default name, other-language names or 0, active 1/0]`. A 5,000-node
 * tree stays a few hundred KB in the page payload instead of a nested object per node.
 */
export type PackedTree = [string, number, string, Record<string, string> | 0, 0 | 1][];

export function packTree(nodes: CategoryNode[], defaultLang: string): PackedTree {
  const out: PackedTree = [];
  const walk = (list: CategoryNode[], parent: number) => {
    for (const n of list) {
      const others = Object.fromEntries(Object.entries(n.names).filter(([k]) => k !== defaultLang));
      const at = out.push([n.id, parent, n.name, Object.keys(others).length ? others : 0, n.active ? 1 : 0]) - 1;
      walk(n.children, at);
    }
  };
  walk(nodes, -1);
  return out;
}

/** The inverse of `packTree`, with labels in `lang` (creation dates are not carried). */
export function unpackTree(packed: PackedTree, lang: string, defaultLang: string): CategoryNode[] {
  const nodes: CategoryNode[] = [];
  const roots: CategoryNode[] = [];
  for (const [id, parent, name, others, active] of packed) {
    const names = { [defaultLang]: name, ...(others || {}) };
    const p = parent >= 0 ? nodes[parent] : null;
    const node: CategoryNode = { id, parentId: p?.id ?? null, depth: p ? p.depth + 1 : 1, name, names, label: names[lang] || name, active: active === 1, createdAt: '', children: [] };
    nodes.push(node);
    (p ? p.children : roots).push(node);
  }
  return roots;
}
