import fs from 'node:fs/promises';
import { Client } from 'pg';
import { reapLeftovers } from './leftovers';

export default async function globalTeardown() {
  const serverUrl = process.env.TEST_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  const embedded = (globalThis as Record<string, unknown>).__embeddedTestPg as
    { stop: () => Promise<void>; dir: string } | undefined;
  if (serverUrl && template && !embedded) {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
  if (embedded) {
    await embedded.stop();
    await fs.rm(embedded.dir, { recursive: true, force: true });
  }
  // Nothing the run started may outlive it (a worker, a server, a PostgreSQL, a Dovecot).
  const runId = process.env.CONTACT_DESK_TEST_RUN;
  const left = runId ? await reapLeftovers(runId) : [];
  if (left.length)
    throw new Error(`processes of this test run were still running after it (killed now):\n${left.join('\n')}`);
}
