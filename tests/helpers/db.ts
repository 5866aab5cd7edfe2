import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { closeDb, getDb, type Db } from '@/db';
import { closeLiveHub } from '@/lib/live/hub';

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

const beforeDrop: (() => Promise<void>)[] = [];

/**
 * Work to finish before this test file's database is dropped, such as stopping a job worker that
 * still uses it. Jest runs afterAll hooks in the order they are declared, and the database is
 * declared first, so another afterAll of the file would run only after the drop.
 */
export function beforeDatabaseDrop(fn: () => Promise<void>) {
  beforeDrop.push(fn);
}

/**
 * Gives this test file its own database, cloned from the migrated template, and points
 * DATABASE_URL (and so `getDb()`) at it. Returns an accessor for the db.
 */
export function setupTestDb(): () => Db {
  const name = `cd_test_${randomBytes(6).toString('hex')}`;
  const server = process.env.TEST_SERVER_URL!;
  beforeAll(async () => {
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.TEST_TEMPLATE_DB}"`);
    await admin.end();
    process.env.DATABASE_URL = withDatabase(server, name);
  });
  afterAll(async () => {
    for (const fn of beforeDrop.splice(0)) await fn();
    // A LISTEN client left open would reconnect into the next test file of this worker.
    await closeLiveHub();
    await closeDb();
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  });
  return () => getDb();
}
