/**
 * `npm run bench:search [-- --runs N]`: the list's text search on the 1,000,000-ticket bench
 * database (seed it with `npm run bench:tickets` first; BENCH_DATABASE_URL or .data/bench).
 * For each query it times the first page of 전체 티켓 (newest first) and the capped count, p50/p95
 * over `--runs` (default 40): two-character words (p95 ≤ 100 ms) and words of 3+ characters
 * (p95 ≤ 50 ms), common, rare and absent, Korean, English and numbers; then prints the plans.
 */
import { sql } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { closeDb, getDb } from '@/db';
import { countTickets, listTickets } from '@/lib/tickets/list-tickets';
import { searchCondition } from '@/lib/tickets/search';
import { BENCH_SERVICE, line, load, openBenchDb, time } from './bench-db';
import { argOf } from './seed-tickets';

async function main() {
  const runs = Number(argOf(process.argv.slice(2), 'runs') ?? 40);
  const { stop } = await openBenchDb('bench:search');
  let misses = 0;
  try {
    const db = getDb();
    // An order number and a phone tail that exist in the seed, found the way an agent would have them.
    const [one] = (
      await db.execute<{ subject: string; phone: string }>(
        sql`SELECT subject, requester_phone AS phone FROM tickets WHERE service_id = ${BENCH_SERVICE} AND subject LIKE '주문번호 %' AND requester_phone IS NOT NULL LIMIT 1`,
      )
    ).rows;
    const orderNo = one.subject.split(' ')[1];
    const phoneTail = one.phone.slice(-4);
    const [{ member }] = (
      await db.execute<{ member: string }>(
        sql`SELECT member_id AS member FROM service_members WHERE service_id = ${BENCH_SERVICE} LIMIT 1`,
      )
    ).rows;
    const queries: [string, number][] = [
      ['환불', 100],
      ['배송', 100],
      ['탈퇴', 100],
      ['칭찬', 100],
      ['쀍뷁', 100],
      ['ios', 50],
      ['naver', 50],
      ['비밀번호', 50],
      ['공기청정기', 50],
      [orderNo, 50],
      [phoneTail, 50],
      ['카드 환불', 100],
      [`환불 ${orderNo.slice(0, 6)}`, 100],
      ['zzzqqq', 50],
    ];
    console.log(`\nlist 전체 티켓 + search, page 1 and capped count (${runs} runs each after 3 warm-ups), ${load()}`);
    for (const [q, budget] of queries) {
      const scope = { serviceId: BENCH_SERVICE, memberId: member, menu: 'all' as const, filter: { q } };
      const n = await countTickets(db, scope, []);
      const label = `"${q}" (${n > 1000 ? '1,000+' : n.toLocaleString('en')} tickets)`;
      if (!line(`list ${label}, page 1`, await time(runs, () => listTickets(db, scope, [])), budget)) misses++;
      if (!line(`count ${label}`, await time(runs, () => countTickets(db, scope, [])), budget)) misses++;
    }
    for (const q of ['환불', '배송', '쀍뷁', orderNo]) {
      const plan = await db.execute<{ 'QUERY PLAN': string }>(
        sql`EXPLAIN (ANALYZE, BUFFERS) SELECT id FROM ${tickets} WHERE service_id = ${BENCH_SERVICE} AND spam = false AND ${searchCondition(q)} ORDER BY created_at DESC, id DESC LIMIT 51`,
      );
      console.log(
        `\nEXPLAIN (ANALYZE, BUFFERS) page 1 of "${q}":\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`,
      );
    }
  } finally {
    console.log(`\n[bench:search] done, ${misses} figure(s) over budget, ${load()}`);
    await closeDb();
    await stop();
  }
  if (misses) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
