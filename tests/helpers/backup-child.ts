/**
 * The desk of tests/integration/backup.test.ts in its own process (the embedded PostgreSQL cannot
 * be loaded inside jest): `seed` starts the desk as `npm start` would (EMBEDDED_PG_DIR), writes the
 * fixture, prints "SEEDED <json>" and keeps the database running until SIGTERM; `read <json>`
 * starts the desk on a restored folder and prints "READ <json>".
 */
import { closeDb, getDb } from '@/db';
import { prepareEnvironment } from '../../scripts/env';
import { readBackupFixture, seedBackupFixture } from './backup-fixture';

async function main() {
  const { embedded } = await prepareEnvironment(false);
  const stop = async () => {
    await closeDb();
    await embedded?.stop().catch(() => {});
  };
  if (process.argv[2] === 'seed') {
    process.stdout.write(`SEEDED ${JSON.stringify(await seedBackupFixture(getDb()))}\n`);
    process.on('SIGTERM', () => void stop().then(() => process.exit(0)));
  } else {
    const read = await readBackupFixture(getDb(), JSON.parse(process.argv[3]));
    await stop();
    process.stdout.write(`READ ${JSON.stringify(read)}\n`);
  }
}

main().catch((err) => {
  process.stdout.write(`FAILED ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
