import { sql } from 'drizzle-orm';
import type { CategoryKind } from '@/db/schema';
import type { Queryable } from '@/db';

/**
 * Tickets keep a copy of their category's materialized path (the subtree filters read it on
 * the ticket row). When categories move, rewrite the copies: one prefix update per moved
 * subtree root (its descendants move with it), each answered by the path index.
 */
export async function syncTicketCategoryPaths(
  tx: Queryable,
  serviceId: string,
  kind: CategoryKind,
  moves: { id: string; parentId: string | null; from: string; to: string }[],
): Promise<void> {
  const moved = new Set(moves.map((m) => m.id));
  const roots = moves.filter((m) => !m.parentId || !moved.has(m.parentId));
  const col = sql.raw(kind === 'intake' ? 'intake_type_path' : 'processing_type_path');
  for (const r of roots) {
    const prefix = r.from.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
    await tx.execute(
      sql`UPDATE tickets SET ${col} = ${r.to} || substr(${col}, ${r.from.length + 1}) WHERE service_id = ${serviceId} AND ${col} LIKE ${prefix}`,
    );
  }
}
