/**
 * `npm run bench:dashboard [-- --runs N]`: the dashboard's queries (lib/dashboard/report.ts) on the
 * 1,000,000-ticket bench database (seed with `npm run bench:tickets` first), one by one, for the
 * periods today / 7 days / 30 days: p50/p95 against the list budget of 50 ms each, each beside its
 * baseline measured in the same run: the same figure straight from `tickets` (DIRECT_QUERIES, what
 * the dashboard ran before the rollup). First it runs the rollup job as the worker would (a full
 * rebuild when the bench database has none yet) and times it, then an incremental run after a
 * change to 100 tickets of the last 30 days (dirty days), and times the queries once with those
 * days marked (read live) and once after the run.
 */
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db';
import { parsePeriod } from '@/lib/dashboard/period';
import { DASHBOARD_QUERIES, DIRECT_QUERIES } from '@/lib/dashboard/report';
import { rollupService, vacuumRollup } from '@/lib/dashboard/rollup';
import { BENCH_SERVICE, line, load, ms, openBenchDb, time } from './bench-db';
import { argOf } from './seed-tickets';

async function main() {
  const runs = Number(argOf(process.argv.slice(2), 'runs') ?? 30);
  const { stop } = await openBenchDb('bench:dashboard');
  let misses = 0;
  try {
    const db = getDb();
    let t = performance.now();
    const run = await rollupService(db, BENCH_SERVICE);
    if (run.rebuilt) await vacuumRollup(db);
    console.log(
      `[bench:dashboard] rollup run: ${run.rebuilt ? 'full rebuild' : `${run.days} day(s) recomputed`} through ${run.throughDay} in ${ms(performance.now() - t)}, ${load()}`,
    );

    const measure = async (title: string) => {
      for (const period of ['today', '7d', '30d'] as const) {
        const p = parsePeriod({ period });
        console.log(
          `\n${title} · period ${period} (${p.fromDay} … ${p.toDay}), ${runs} runs each after 3 warm-ups, ${load()}`,
        );
        for (const [name, q] of Object.entries(DASHBOARD_QUERIES)) {
          const direct = DIRECT_QUERIES[name as keyof typeof DIRECT_QUERIES];
          const rows = (await q(db, BENCH_SERVICE, p)).rows.length;
          const base = await time(runs, () => direct(db, BENCH_SERVICE, p));
          const r = await time(runs, () => q(db, BENCH_SERVICE, p));
          if (
            !line(
              `dashboard ${name} · ${period} (${rows} rows)`,
              r,
              50,
              `  baseline direct p50 ${ms(base.p50)} p95 ${ms(base.p95)}`,
            )
          )
            misses++;
        }
      }
    };
    await measure('rollup clean');

    // 100 tickets of the last 30 days change status (open ⇄ pending; flipped back at the end):
    // their days are marked dirty and read live until the next run.
    const flip = () =>
      db.execute(sql`
        UPDATE tickets SET status = CASE WHEN status = 'open' THEN 'pending' ELSE 'open' END
        WHERE id IN (SELECT id FROM tickets WHERE service_id = ${BENCH_SERVICE} AND created_at > now() - interval '30 days'
          AND created_at < now() - interval '2 days' AND status IN ('open', 'pending') ORDER BY id LIMIT 100)`);
    await flip();
    const [{ days }] = (
      await db.execute<{ days: number }>(
        sql`SELECT count(DISTINCT (bin AT TIME ZONE 'UTC')::date)::int AS days FROM dashboard_dirty WHERE service_id = ${BENCH_SERVICE}`,
      )
    ).rows;
    console.log(`\n[bench:dashboard] 100 tickets changed: ~${days} day(s) marked dirty`);
    await measure('rollup with dirty days');
    t = performance.now();
    const again = await rollupService(db, BENCH_SERVICE);
    console.log(
      `\n[bench:dashboard] incremental rollup run: ${again.days} day(s) recomputed, ${again.marks} mark(s) consumed in ${ms(performance.now() - t)}, ${load()}`,
    );
    await flip();
    await rollupService(db, BENCH_SERVICE);
  } finally {
    console.log(`\n[bench:dashboard] done, ${misses} figure(s) over budget, ${load()}`);
    await closeDb();
    await stop();
  }
  if (misses) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
