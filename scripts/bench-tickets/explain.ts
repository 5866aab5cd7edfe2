import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';
import * as schema from '@/db/schema';
import type { Db } from '@/db';
import { parseTimeCursor } from '@/db/pagination';
import { listTickets, type ListScope } from '@/lib/tickets/list-tickets';
import { SERVICE, type Case } from './cases';

/**
 * Prints EXPLAIN (ANALYZE, BUFFERS) of the main list query (the SQL listTickets sends, captured by
 * a logger) for the first two cases, the second also on its deep page, and of the capped count.
 */
export async function printPlans(
  url: string,
  cases: Case[],
  deep: Map<Case, { cursor?: string; page: number }>,
  scopeOf: (c: Case) => Omit<ListScope, 'cursor'>,
  groupIds: string[],
  midPath: string,
) {
  const pool = new Pool({ connectionString: url, max: 1 });
  let captured: { q: string; params: unknown[] } | null = null;
  const spy = drizzle(pool, {
    schema,
    logger: { logQuery: (q, params) => (captured = { q, params }) },
  }) as unknown as Db;
  const main = cases[0];
  const closed = cases[1];
  for (const [c, label, cursor] of [
    [main, 'page 1', undefined],
    [closed, 'page 1', undefined],
    [closed, `page ${deep.get(closed)!.page}`, deep.get(closed)!.cursor],
  ] as const) {
    await listTickets(spy, { ...scopeOf(c), cursor: parseTimeCursor(cursor) }, groupIds);
    const { q, params } = captured!;
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, params);
    console.log(
      `\nEXPLAIN (ANALYZE, BUFFERS) list ${c.label}, ${label}:\n${q}\n-- params ${JSON.stringify(params)}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
    );
  }
  {
    const q = `SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets WHERE service_id = $1 AND spam = false AND status = 'closed' AND intake_type_path LIKE $2 LIMIT 10001) s`;
    const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q}`, [SERVICE, midPath + '%']);
    console.log(
      `\nEXPLAIN (ANALYZE, BUFFERS) count all · status closed · subtree:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
    );
  }
  await pool.end();
}
