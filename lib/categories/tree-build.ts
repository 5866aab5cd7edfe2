import type { CategoryRow, CategoryTreeRow } from '@/db/queries/categories';
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
export function buildTree(rows: (CategoryRow | CategoryTreeRow)[], lang: string): CategoryNode[] {
  const byId = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  const created = (r: CategoryRow | CategoryTreeRow) => ('createdAt' in r ? +r.createdAt : 0);
  const sorted = [...rows].sort((a, b) => a.depth - b.depth || a.position - b.position || created(a) - created(b));
  for (const r of sorted) {
    const node: CategoryNode = {
      id: r.id,
      parentId: r.parentId,
      depth: r.depth,
      name: r.name,
      names: r.names,
      label: displayName(r, lang),
      active: r.active,
      createdAt: 'createdAt' in r ? r.createdAt.toISOString() : '',
      children: [],
    };
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
 * A tree packed for the trip to the browser as ONE string, a line per node in tree order:
 * `id TAB parent line index or -1 TAB default name TAB other-language names as JSON or "" TAB 1/0`.
 * React serializes one string far faster than 5,000 nested objects (the 5,000-category tab
 * budget), and names can hold neither tabs nor newlines (control characters are refused).
 */
export type PackedTree = string;

export function packTree(nodes: CategoryNode[], defaultLang: string): PackedTree {
  const lines: string[] = [];
  const walk = (list: CategoryNode[], parent: number) => {
    for (const n of list) {
      const others = Object.entries(n.names).filter(([k]) => k !== defaultLang);
      const at =
        lines.push(
          `${n.id}\t${parent}\t${n.name}\t${others.length ? JSON.stringify(Object.fromEntries(others)) : ''}\t${n.active ? 1 : 0}`,
        ) - 1;
      walk(n.children, at);
    }
  };
  walk(nodes, -1);
  return lines.join('\n');
}

/** The inverse of `packTree`, with labels in `lang` (creation dates are not carried). */
export function unpackTree(packed: PackedTree, lang: string, defaultLang: string): CategoryNode[] {
  const nodes: CategoryNode[] = [];
  const roots: CategoryNode[] = [];
  if (!packed) return roots;
  for (const line of packed.split('\n')) {
    const [id, parentRaw, name, othersRaw, activeRaw] = line.split('\t');
    const parent = Number(parentRaw);
    const names: Record<string, string> = {
      [defaultLang]: name,
      ...(othersRaw ? (JSON.parse(othersRaw) as Record<string, string>) : {}),
    };
    const p = parent >= 0 ? nodes[parent] : null;
    const node: CategoryNode = {
      id,
      parentId: p?.id ?? null,
      depth: p ? p.depth + 1 : 1,
      name,
      names,
      label: names[lang] || name,
      active: activeRaw === '1',
      createdAt: '',
      children: [],
    };
    nodes.push(node);
    (p ? p.children : roots).push(node);
  }
  return roots;
}
