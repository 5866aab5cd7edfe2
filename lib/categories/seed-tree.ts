import { sql } from 'drizzle-orm';
import type { CategoryKind } from '@/db/schema';
import type { Db } from '@/db';

/**
 * Seeds `count` categories into one tree of a service, breadth first with `fanout` children per
 * node, down to level 5 (for measuring: 5,000 → 8 + 64 + 512 + 4,096 + 320). Names are unique
 * per level (`L<depth>-<n>`), with an English name for intake types. Appends to nothing: the
 * tree should be empty.
 */
export async function seedCategoryTree(
  db: Db,
  serviceId: string,
  kind: CategoryKind,
  count: number,
  fanout = 8,
): Promise<number> {
  type Seed = {
    id: string;
    parent_id: string | null;
    path: string;
    depth: number;
    position: number;
    name: string;
    names: Record<string, string>;
    active: boolean;
  };
  const rows: Seed[] = [];
  let level: Seed[] = [];
  for (let i = 0; i < Math.min(fanout, count); i++) level.push(mk(null, '/', 1, i, i));
  rows.push(...level);
  for (let depth = 2; depth <= 5 && rows.length < count; depth++) {
    const next: Seed[] = [];
    let n = 0;
    outer: for (const parent of level) {
      for (let i = 0; i < fanout; i++) {
        if (rows.length + next.length >= count) break outer;
        next.push(mk(parent, parent.path, depth, i, n++));
      }
    }
    // The last level takes what is left when the fan-out is too small to reach `count`.
    for (let i = 0; depth === 5 && rows.length + next.length < count; i++)
      next.push(mk(level[i % level.length], level[i % level.length].path, depth, fanout + i, n++));
    rows.push(...next);
    level = next;
  }
  function mk(parent: Seed | null, parentPath: string, depth: number, position: number, n: number): Seed {
    const id = crypto.randomUUID();
    const name = `L${depth}-${n}`;
    return {
      id,
      parent_id: parent?.id ?? null,
      path: `${parentPath}${id}/`,
      depth,
      position,
      name,
      names: kind === 'intake' ? { ko: name, en: `Level ${depth} #${n}` } : { ko: name },
      active: n % 7 !== 0,
    };
  }
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = JSON.stringify(rows.slice(i, i + 2000));
    await db.execute(sql`
      INSERT INTO categories (id, service_id, kind, parent_id, path, depth, position, name, names, active)
      SELECT v.id, ${serviceId}, ${kind}, v.parent_id, v.path, v.depth, v.position, v.name, v.names, v.active
      FROM jsonb_to_recordset(${chunk}::jsonb) AS v(id uuid, parent_id uuid, path text, depth int, position int, name text, names jsonb, active boolean)`);
  }
  return rows.length;
}
