/**
 * The seeded bench database of `npm run bench:tickets`, for the benches that only read it
 * (bench:search, bench:dashboard, bench:live): BENCH_DATABASE_URL, or the embedded PostgreSQL in
 * .data/bench. Migrates it (new indexes are built on the existing tickets) and refuses to run
 * on a database without the 1,000,000 tickets, rather than measure an empty table.
 */
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { tickets } from '@/db/schema';
import { getDb } from '@/db';
import { startEmbeddedPostgres } from '@/db/embedded';
import { ensureDatabase, runMigrations } from '@/db/migrate';

export const BENCH_SERVICE = 'bench';
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((xs.length * p) / 100) - 1)];
export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

/** p50/p95/max of `runs` calls after 3 warm-ups. */
export async function time(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { p50: pct(xs, 50), p95: pct(xs, 95), max: Math.max(...xs) };
}

/** Prints one figure beside its budget; returns whether it is within. */
export function line(label: string, r: { p50: number; p95: number }, budget: number, extra = '') {
  const ok = r.p95 <= budget ? 'ok  ' : 'MISS';
  console.log(
    `${ok} ${label.padEnd(72)} p50 ${ms(r.p50).padStart(9)}  p95 ${ms(r.p95).padStart(9)}  (budget p95 ≤ ${budget} ms)${extra}`,
  );
  return r.p95 <= budget;
}

export async function openBenchDb(
  name: string,
  minTickets = 1_000_000,
): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = process.env.BENCH_DATABASE_URL;
  let pg: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  if (!url) {
    pg = await startEmbeddedPostgres(path.join('.data', 'bench', 'postgres'), { quiet: true });
    url = await ensureDatabase(pg.url, 'contactdesk');
  }
  process.env.DATABASE_URL = url;
  await runMigrations(url);
  const [{ have }] = await getDb().select({ have: count() }).from(tickets).where(eq(tickets.serviceId, BENCH_SERVICE));
  if (have < minTickets) {
    await pg?.stop();
    throw new Error(`[${name}] the bench database holds ${have} tickets: seed it first with \`npm run bench:tickets\``);
  }
  console.log(
    `[${name}] ${os.cpus().length} cores, ${load()}, ${have.toLocaleString('en')} tickets in ${pg ? 'the embedded .data/bench database' : 'BENCH_DATABASE_URL'}`,
  );
  return { url, stop: async () => void (await pg?.stop()) };
}
