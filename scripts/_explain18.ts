import { sql } from 'drizzle-orm';
import { getDb, closeDb } from '@/db';
import { parsePeriod } from '@/lib/dashboard/period';
import { DASHBOARD_QUERIES } from '@/lib/dashboard/report';
async function main() {
  const db = getDb();
  const p = parsePeriod({ period: process.argv[3] ?? '30d' });
  const name = process.argv[2] as keyof typeof DASHBOARD_QUERIES;
  const fake = { execute: (q: any) => db.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`) } as any;
  const r = await DASHBOARD_QUERIES[name](fake, 'bench', p);
  console.log((r.rows as any[]).map((x) => x['QUERY PLAN']).join('\n'));
  await closeDb();
}
main();
