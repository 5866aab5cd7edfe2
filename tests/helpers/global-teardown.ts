import fs from 'node:fs/promises';
import { Client } from 'pg';

export default async function globalTeardown() {
  const serverUrl = process.env.TEST_SERVER_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  const embedded = (globalThis as Record<string, unknown>).__embeddedTestPg as { stop: () => Promise<void>; dir: string } | undefined;
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
}
