import type { CategoryNode } from '@/lib/categories/tree';

/** A tree as indented <option>s (depth shown with leading spaces), for selects and filters. */
export function categoryOptions(nodes: CategoryNode[], opts: { activeOnly?: boolean } = {}): { id: string; label: string; depth: number }[] {
  const out: { id: string; label: string; depth: number }[] = [];
  const walk = (list: CategoryNode[]) => {
    for (const n of list) {
      if (opts.activeOnly && !n.active) continue;
      out.push({ id: n.id, label: `${'\u00a0\u00a0'.repeat(n.depth - 1)}${n.label}`, depth: n.depth });
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
