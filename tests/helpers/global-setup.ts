import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@/db/embedded';
import { runMigrations } from '@/db/migrate';

/**
 * Starts the test database server (TEST_DATABASE_URL, or an embedded PostgreSQL — tests
 * are never skipped for want of one) and builds a migrated template database that every
 * test file clones.
 */
export default async function globalSetup() {
  // Every process this run starts inherits the marker; global-teardown.ts fails the run if one outlives it.
  process.env.CONTACT_DESK_TEST_RUN = `${process.pid}-${randomBytes(4).toString('hex')}`;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'contactdesk-test-pg-'));
    await fs.chmod(dir, 0o755);
    const pg = await startEmbeddedPostgres(path.join(dir, 'data'), { persistent: false, quiet: true });
    (globalThis as Record<string, unknown>).__embeddedTestPg = { ...pg, dir };
    serverUrl = pg.url;
  }
  const template = `cd_tpl_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const templateUrl = withDatabase(serverUrl, template);
  await runMigrations(templateUrl);
  process.env.TEST_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_DB = template;
  process.env.TZ = 'UTC';
  process.env.APP_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
