import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { categories, groups, members } from '@/db/schema';
import type { Queryable } from '@/db';

/**
 * Display names for the ids on a page of tickets (categories, agents, groups): one query per
 * kind for the whole page, never one per row.
 */
export async function ticketLabels(
  db: Queryable,
  serviceId: string,
  lang: string,
  ids: { categories: (string | null)[]; members: (string | null)[]; groups: (string | null)[] },
) {
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => Boolean(x)))];
  const [c, m, g] = await Promise.all([
    uniq(ids.categories).length
      ? db
          .select({
            id: categories.id,
            name: categories.name,
            names: categories.names,
            deletedAt: categories.deletedAt,
          })
          .from(categories)
          .where(and(eq(categories.serviceId, serviceId), inArray(categories.id, uniq(ids.categories))))
      : [],
    uniq(ids.members).length
      ? db
          .select({ id: members.id, name: members.name })
          .from(members)
          .where(inArray(members.id, uniq(ids.members)))
      : [],
    uniq(ids.groups).length
      ? db
          .select({ id: groups.id, name: groups.name })
          .from(groups)
          .where(and(eq(groups.serviceId, serviceId), inArray(groups.id, uniq(ids.groups))))
      : [],
  ]);
  const map = new Map<string, string>();
  const gone = new Set<string>();
  for (const r of c) {
    map.set(r.id, r.names[lang] || r.name);
    if (r.deletedAt) gone.add(r.id);
  }
  for (const r of m) map.set(r.id, r.name);
  for (const r of g) map.set(r.id, r.name);
  const label = (id: string | null | undefined) => (id ? (map.get(id) ?? '') : '');
  /** Whether the id names a category deleted since (tickets keep it and show it as deleted). */
  label.deleted = (id: string | null | undefined) => Boolean(id && gone.has(id));
  return label;
}
