/**
 * `npm run backup [-- --out DIR] [--include-master-key]` and `npm run restore -- DIR`: see
 * lib/ops/backup.ts for what is saved and how, and the README's "Backups" section.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { attachmentsDir, s3ConfigFromEnv } from '@/lib/attachments/store';
import { runningEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedPg } from '@/db/embedded';
import { backup, MASTER_KEY_INCLUDED_WARNING, MASTER_KEY_WARNING, restore } from '@/lib/ops/backup';

const log = (line: string) => console.log(`[backup] ${line}`);
const loud = (lines: string[]) => {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.warn(`\n${'!'.repeat(width)}\n${lines.map((l) => `  ${l}`).join('\n')}\n${'!'.repeat(width)}\n`);
};

/** APP_ENCRYPTION_KEY, else the embedded default's .data/encryption-key; never generated here. */
function currentMasterKey(): Buffer | null {
  const raw =
    process.env.APP_ENCRYPTION_KEY ??
    (fs.existsSync(path.join('.data', 'encryption-key'))
      ? fs.readFileSync(path.join('.data', 'encryption-key'), 'utf8').trim()
      : '');
  if (!raw) return null;
  return /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  loadEnvConfig(process.cwd(), false);
  const mode = process.argv[2];
  const embeddedDir = path.resolve(process.env.EMBEDDED_PG_DIR ?? path.join('.data', 'postgres'));
  const files = s3ConfigFromEnv() ? null : attachmentsDir();
  const pgBinDir = process.env.PG_BIN_DIR || undefined;

  if (mode === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
    const out = path.resolve(arg('--out') ?? path.join('backups', `contact-desk-${stamp}`));
    const includeMasterKey = process.argv.includes('--include-master-key');
    let started: EmbeddedPg | null = null;
    let embedded: { adminUrl: string; dataDir: string } | undefined;
    if (!process.env.DATABASE_URL) {
      if (!fs.existsSync(path.join(embeddedDir, 'PG_VERSION')))
        throw new Error(`no DATABASE_URL and no embedded database in ${embeddedDir}: nothing to back up`);
      let adminUrl = await runningEmbeddedPostgres(embeddedDir);
      if (!adminUrl) {
        started = await startEmbeddedPostgres(embeddedDir, { quiet: true });
        adminUrl = started.url;
      }
      embedded = { adminUrl, dataDir: embeddedDir };
    }
    try {
      const m = await backup({
        out,
        databaseUrl: process.env.DATABASE_URL ?? embedded!.adminUrl,
        embedded,
        attachmentsDir: files,
        masterKey: currentMasterKey(),
        includeMasterKey,
        authSecretFile: path.join('.data', 'auth-secret'),
        pgBinDir,
        log,
      });
      log(`done: ${out}`);
      loud(m.masterKeyIncluded ? MASTER_KEY_INCLUDED_WARNING : MASTER_KEY_WARNING);
    } finally {
      await started?.stop();
    }
  } else if (mode === 'restore') {
    const from = process.argv[3];
    if (!from || from.startsWith('--')) throw new Error('usage: npm run restore -- <backup folder>');
    const r = await restore({
      from: path.resolve(from),
      databaseUrl: process.env.DATABASE_URL,
      embeddedDir,
      attachmentsDir: files,
      masterKey: currentMasterKey(),
      pgBinDir,
      log,
    });
    if (r.manifest.database === 'base-backup') {
      // The first start replays the backup's WAL; done here, so a broken copy shows now.
      log('starting the restored embedded PostgreSQL once to replay its WAL');
      const pg = await startEmbeddedPostgres(embeddedDir, { quiet: true });
      await pg.stop();
    }
    if (
      r.restoredMasterKey &&
      !process.env.APP_ENCRYPTION_KEY &&
      !fs.existsSync(path.join('.data', 'encryption-key'))
    ) {
      fs.mkdirSync('.data', { recursive: true });
      fs.writeFileSync(path.join('.data', 'encryption-key'), r.restoredMasterKey, { mode: 0o600 });
      log('the master key of the backup was written to .data/encryption-key');
    }
    log(
      `restored the backup of ${r.manifest.createdAt}; start the app as usual (migrations newer than the backup run on start)`,
    );
    if (r.warnings.length) loud(r.warnings);
  } else {
    throw new Error('usage: tsx scripts/backup.ts backup|restore');
  }
}

main().catch((err) => {
  console.error(`[backup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
