/**
 * `npm run db:seed-tickets -- --service demo --count 1000000 [--agents 30] [--password …] [--keep-indexes]`:
 * loads N realistic Korean tickets into a service for measuring the ticket lists at scale.
 * Creates what is missing first (the service, a 3-level intake tree of ~290 categories and
 * processing types when its trees are empty, 6 groups, agents `<service>-agent-01…` sharing one
 * password), then inserts the tickets in batches of 10,000 with `INSERT … SELECT FROM unnest(…)`,
 * numbered from the service's counter, and runs ANALYZE. Above 50,000 tickets the secondary
 * indexes of `tickets` are dropped and rebuilt around the load, in the same transaction
 * (`--keep-indexes` to keep them).
 */
import { Client } from 'pg';
import { closeDb, getDb } from '@/db';
import { dropTicketIndexes, insertSeedTickets, restoreIndexes } from './bench-data/tickets';
import { ensureSeedWorld } from './bench-data/world';
import { prepareEnvironment } from './env';

export function argOf(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const serviceId = argOf(args, 'service') ?? 'demo';
  const count = Number(argOf(args, 'count') ?? 100_000);
  const agentCount = Number(argOf(args, 'agents') ?? 30);
  const password = argOf(args, 'password') ?? process.env.SEED_TICKETS_PASSWORD ?? 'bench-pass-2026';
  if (
    !/^[a-z0-9-]{1,40}$/.test(serviceId) ||
    !Number.isInteger(count) ||
    count < 1 ||
    count > 20_000_000 ||
    !Number.isInteger(agentCount) ||
    agentCount < 1 ||
    agentCount > 500
  ) {
    throw new Error(
      'usage: seed-tickets.ts --service <id> --count <1..20000000> [--agents <1..500>] [--password <pw>] [--keep-indexes]',
    );
  }
  const { embedded } = await prepareEnvironment(true);
  try {
    const started = performance.now();
    const world = await ensureSeedWorld(getDb(), { serviceId, agentCount, password });
    console.log(
      `[seed-tickets] ${serviceId}: ${world.intake.length} intake + ${world.processing.length} processing categories, ${world.groups.length} groups, ${world.agents.length} agents (login ${world.agents[0].loginId}…, password ${password === 'bench-pass-2026' ? 'bench-pass-2026' : '(given)'})`,
    );
    await closeDb();
    const result = await seedTickets(process.env.DATABASE_URL!, world, count, {
      dropIndexes: count > 50_000 && !args.includes('--keep-indexes'),
    });
    console.log(
      `[seed-tickets] ${count.toLocaleString('en')} tickets (#${result.first}…#${result.first + count - 1}): insert ${(result.insertMs / 1000).toFixed(1)} s (${Math.round(count / (result.insertMs / 1000)).toLocaleString('en')} rows/s), indexes ${(result.indexMs / 1000).toFixed(1)} s, analyze ${(result.analyzeMs / 1000).toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await closeDb();
    await embedded?.stop();
  }
}

/** The load itself, in one transaction (shared with scripts/bench-tickets.ts). */
export async function seedTickets(
  url: string,
  world: Awaited<ReturnType<typeof ensureSeedWorld>>,
  count: number,
  opts: { dropIndexes: boolean; quiet?: boolean },
) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const defs = opts.dropIndexes ? await dropTicketIndexes(client) : [];
    let t = performance.now();
    let last = t;
    const first = await insertSeedTickets(client, world, {
      count,
      onBatch: (done) => {
        if (opts.quiet || (performance.now() - last < 5000 && done < count)) return;
        last = performance.now();
        process.stdout.write(
          `[seed-tickets] ${done.toLocaleString('en')} / ${count.toLocaleString('en')} (${Math.round(done / ((last - t) / 1000)).toLocaleString('en')} rows/s)\n`,
        );
      },
    });
    const insertMs = performance.now() - t;
    t = performance.now();
    await restoreIndexes(client, defs);
    const indexMs = performance.now() - t;
    await client.query('COMMIT');
    t = performance.now();
    await client.query('VACUUM (ANALYZE) tickets');
    return { first, insertMs, indexMs, analyzeMs: performance.now() - t };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

if (process.argv[1]?.endsWith('seed-tickets.ts')) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
