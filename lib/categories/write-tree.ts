import { sql } from 'drizzle-orm';
import type { CategoryKind } from '@/db/schema';
import type { CategoryRow } from '@/db/queries/categories';
import type { Tx } from '@/db';
import { ConflictError, isUniqueViolation } from '@/lib/errors';
import { syncTicketCategoryPaths } from '@/lib/tickets/category-paths';
import { LEVEL_NAME_INDEX } from './conflict';
import { sameNames, type Placed } from './tree-model';

function changed(before: CategoryRow, after: Placed): boolean {
  return (
    before.parentId !== after.parentId ||
    before.path !== after.path ||
    before.depth !== after.depth ||
    before.position !== after.position ||
    before.name !== after.name ||
    before.active !== after.active ||
    !sameNames(before.names, after.names)
  );
}

/**
 * Writes a checked tree state: inserts new nodes and updates changed ones, in three statements
 * whatever the size. Written rows first get their depth negated and are flipped back at the
 * end: the level-name index is checked row by row, so a rename or move that frees a name for
 * another row of the same batch would otherwise clash halfway. Only a real clash of the final
 * state can fail (and the caller has checked for those).
 */
export async function writeTree(
  tx: Tx,
  serviceId: string,
  kind: CategoryKind,
  before: Map<string, CategoryRow>,
  after: Map<string, Placed>,
): Promise<{ inserted: number; updated: number }> {
  const toInsert: Placed[] = [];
  const toUpdate: Placed[] = [];
  for (const p of after.values()) {
    const b = before.get(p.id);
    if (!b) toInsert.push(p);
    else if (changed(b, p)) toUpdate.push(p);
  }
  const json = (rows: Placed[]) =>
    JSON.stringify(
      rows.map((p) => ({
        id: p.id,
        parent_id: p.parentId,
        path: p.path,
        depth: p.depth,
        position: p.position,
        name: p.name,
        names: p.names,
        active: p.active,
      })),
    );
  const spec = sql.raw(
    'v(id uuid, parent_id uuid, path text, depth int, position int, name text, names jsonb, active boolean)',
  );
  try {
    if (toUpdate.length) {
      await tx.execute(sql`
        UPDATE categories c SET parent_id = v.parent_id, path = v.path, depth = -v.depth, position = v.position,
          name = v.name, names = v.names, active = v.active, updated_at = now()
        FROM jsonb_to_recordset(${json(toUpdate)}::jsonb) AS ${spec}
        WHERE c.id = v.id AND c.service_id = ${serviceId} AND c.kind = ${kind} AND c.deleted_at IS NULL`);
    }
    if (toInsert.length) {
      await tx.execute(sql`
        INSERT INTO categories (id, service_id, kind, parent_id, path, depth, position, name, names, active)
        SELECT v.id, ${serviceId}, ${kind}, v.parent_id, v.path, -v.depth, v.position, v.name, v.names, v.active
        FROM jsonb_to_recordset(${json(toInsert)}::jsonb) AS ${spec} ORDER BY v.depth`);
    }
    if (toInsert.length || toUpdate.length) {
      await tx.execute(
        sql`UPDATE categories SET depth = -depth WHERE service_id = ${serviceId} AND kind = ${kind} AND depth < 0`,
      );
    }
    const moves = toUpdate
      .filter((p) => before.get(p.id)!.path !== p.path)
      .map((p) => ({ id: p.id, parentId: p.parentId, from: before.get(p.id)!.path, to: p.path }));
    if (moves.length) await syncTicketCategoryPaths(tx, serviceId, kind, moves);
  } catch (err) {
    if (isUniqueViolation(err, LEVEL_NAME_INDEX)) throw new ConflictError('errors.categoryNameTakenConcurrent');
    throw err;
  }
  return { inserted: toInsert.length, updated: toUpdate.length };
}

/** The tree's live rows keyed by id, as `writeTree` compares them. */
export function rowsById(rows: CategoryRow[]): Map<string, CategoryRow> {
  return new Map(rows.map((r) => [r.id, r]));
}
