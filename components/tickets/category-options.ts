import type { CategoryNode } from '@/lib/categories/tree';

/** A tree as indented <option>s (depth shown with leading spaces), for selects and filters. */
export function categoryOptions(
  nodes: CategoryNode[],
  opts: { activeOnly?: boolean } = {},
): { id: string; label: string; depth: number }[] {
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

/**
 * The options plus the ticket's current category when it is no longer in the tree (deleted), so
 * the select still shows it and saving the form keeps it instead of clearing it.
 */
export function withCurrent<T extends { id: string; label: string }>(
  options: T[],
  currentId: string | null,
  currentLabel: string,
): (T | { id: string; label: string; depth: number })[] {
  if (!currentId || options.some((o) => o.id === currentId)) return options;
  return [{ id: currentId, label: currentLabel || currentId, depth: 1 }, ...options];
}
