/**
 * A stand-in for `npm start` without Next (tests/integration/embedded-restart.test.ts): the same
 * prepareEnvironment (embedded PostgreSQL in EMBEDDED_PG_DIR, migrations), one row written per
 * start, "READY <rows>" printed, and the same stop order as scripts/run.ts on SIGTERM.
 */
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '@/db';
import { prepareEnvironment } from '../../scripts/env';

async function main() {
  const { embedded } = await prepareEnvironment(false);
  const db = getDb();
  await db.execute(
    sql`CREATE TABLE IF NOT EXISTS restart_probe (n serial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`,
  );
  await db.execute(sql`INSERT INTO restart_probe DEFAULT VALUES`);
  const { rows } = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM restart_probe`);
  process.stdout.write(`READY ${rows[0].n}\n`);
  let stopping = false;
  process.on('SIGTERM', async () => {
    if (stopping) return;
    stopping = true;
    await closeDb();
    await embedded?.stop().catch(() => {});
    process.exit(0);
  });
}

main().catch((err) => {
  process.stdout.write(`FAILED ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
