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
