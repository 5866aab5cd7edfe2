/**
 * The server Playwright starts: a production build on a fresh database — DATABASE_URL
 * from the real environment (CI points it at a new database), else a wiped embedded one —
 * with a known admin and the dev mailbox on.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres } from '@/db/embedded';
import { ensureDatabase } from '@/db/migrate';

async function main() {
  const dataDir = path.join('.data', 'e2e');
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(path.join(dataDir, 'postgres'), { quiet: true });
    process.env.DATABASE_URL = await ensureDatabase(embedded.url, 'contactdesk');
    process.env.CONTACT_DESK_EMBEDDED_DB = '1';
  }
  process.env.MAIL_DIR = path.join(dataDir, 'mail');
  process.env.DEV_MAIL_PAGE = '1';
  delete process.env.SMTP_URL;
  // The compiled launcher, as `npm start` runs it (scripts/launch.cjs).
  const child = spawn(process.execPath, ['scripts/launch.cjs', 'run', 'start'], { stdio: 'inherit', env: process.env });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', async (code) => {
    await embedded?.stop().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
