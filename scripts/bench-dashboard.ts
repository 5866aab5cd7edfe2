/**
 * `npm run bench:dashboard [-- --runs N]`: the dashboard's queries (lib/dashboard/report.ts) on the
 * 1,000,000-ticket bench database (seed with `npm run bench:tickets` first), one by one, for the
 * periods today / 7 days / 30 days: p50/p95 against the list budget of 50 ms each.
 */
import { closeDb, getDb } from '@/db';
import { parsePeriod } from '@/lib/dashboard/period';
import { DASHBOARD_QUERIES } from '@/lib/dashboard/report';
import { BENCH_SERVICE, line, load, openBenchDb, time } from './bench-db';
import { argOf } from './seed-tickets';

async function main() {
  const runs = Number(argOf(process.argv.slice(2), 'runs') ?? 30);
  const { stop } = await openBenchDb('bench:dashboard');
  let misses = 0;
  try {
    const db = getDb();
    for (const period of ['today', '7d', '30d'] as const) {
      const p = parsePeriod({ period });
      console.log(`\nperiod ${period} (${p.fromDay} … ${p.toDay}), ${runs} runs each after 3 warm-ups, ${load()}`);
      for (const [name, q] of Object.entries(DASHBOARD_QUERIES)) {
        const rows = (await q(db, BENCH_SERVICE, p)).rows.length;
        if (!line(`dashboard ${name} · ${period} (${rows} rows)`, await time(runs, () => q(db, BENCH_SERVICE, p)), 50))
          misses++;
      }
    }
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
