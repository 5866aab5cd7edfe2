/**
 * `npm run backup` / `npm run restore` (scripts/backup.ts): the database, the attachment folder
 * and a check of the master key, in one folder.
 *
 * The database is saved one of two ways: `pg_dump` for a PostgreSQL the operator runs
 * (`DATABASE_URL`, backup-pg-dump.ts), or a physical base backup of the embedded PostgreSQL
 * (backup-base.ts).
 *
 * The database holds the personal data and secrets only sealed (each ticket's data key wrapped
 * by APP_ENCRYPTION_KEY). The master key itself is NOT in a backup unless asked for
 * (`--include-master-key`): keep it apart, since whoever has both reads everything, and without
 * it the encrypted data of a backup is lost for good. The backup records the key's fingerprint,
 * so a restore says at once whether the key at hand is the right one.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { masterKeyFingerprint } from '@/lib/crypto/key-fingerprint';
import { baseBackup, restoreBaseBackup } from './backup-base';
import { BackupError } from './backup-error';
import { dumpDatabase, restoreDump } from './backup-pg-dump';

export { BackupError };

export type BackupManifest = {
  format: 1;
  createdAt: string;
  database: 'pg_dump' | 'base-backup';
  serverVersion: string;
  /** Fingerprint of the APP_ENCRYPTION_KEY the data was sealed with (never the key). */
  masterKeyFingerprint: string | null;
  masterKeyIncluded: boolean;
  /** 'folder': the attachment folder is in `attachments/`; 's3': the bucket is backed up by its provider. */
  attachments: 'folder' | 's3';
};

export const MASTER_KEY_WARNING = [
  '!!! APP_ENCRYPTION_KEY (the master key) is NOT in this backup. !!!',
  'Encrypted personal data, mail-account passwords and API keys in it can only be read with that key.',
  'Keep a copy of the key somewhere else than the backups (a password manager, a sealed envelope):',
  'without it this backup restores a desk whose encrypted fields are lost for good.',
];

export const MASTER_KEY_INCLUDED_WARNING = [
  '!!! This backup CONTAINS the master key (secrets/encryption-key). !!!',
  'Whoever holds this folder can read every encrypted value in it: store it like the key itself.',
];

type Log = (line: string) => void;

async function serverVersion(url: string): Promise<{ text: string; major: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: string; n: string }>(
      "SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n",
    );
    return { text: rows[0].v, major: Math.floor(Number(rows[0].n) / 10000) };
  } finally {
    await c.end();
  }
}

export type BackupOptions = {
  out: string;
  /** The app's database: pg_dump (external) or, with `embedded`, a base backup of its cluster. */
  databaseUrl: string;
  embedded?: { adminUrl: string; dataDir: string };
  attachmentsDir: string | null;
  masterKey: Buffer | null;
  includeMasterKey?: boolean;
  authSecretFile?: string;
  pgBinDir?: string;
  log?: Log;
};

export async function backup(o: BackupOptions): Promise<BackupManifest> {
  const log = o.log ?? (() => {});
  if (
    await fs.stat(o.out).then(
      () => true,
      () => false,
    )
  )
    throw new BackupError(`${o.out} exists already: name a new folder`);
  await fs.mkdir(o.out, { recursive: true, mode: 0o700 });
  const version = await serverVersion(o.embedded?.adminUrl ?? o.databaseUrl);
  let database: BackupManifest['database'];
  if (o.embedded) {
    log(`database: base backup of the embedded PostgreSQL ${version.text} in ${o.embedded.dataDir}`);
    await baseBackup(o.embedded.adminUrl, o.embedded.dataDir, path.join(o.out, 'postgres'));
    database = 'base-backup';
  } else {
    await dumpDatabase({
      databaseUrl: o.databaseUrl,
      file: path.join(o.out, 'database.dump'),
      server: version,
      pgBinDir: o.pgBinDir,
      log,
    });
    database = 'pg_dump';
  }
  let attachments: BackupManifest['attachments'] = 's3';
  if (o.attachmentsDir) {
    attachments = 'folder';
    const to = path.join(o.out, 'attachments');
    if (
      await fs.stat(o.attachmentsDir).then(
        () => true,
        () => false,
      )
    )
      await fs.cp(o.attachmentsDir, to, { recursive: true });
    else await fs.mkdir(to);
    log(`attachments: folder ${o.attachmentsDir}`);
  } else {
    log(
      'attachments: in the S3 bucket (ATTACHMENTS_S3_BUCKET): back the bucket up with your provider (versioning or replication); it is not copied here',
    );
  }
  await fs.mkdir(path.join(o.out, 'secrets'), { mode: 0o700 });
  if (
    o.authSecretFile &&
    (await fs.stat(o.authSecretFile).then(
      () => true,
      () => false,
    ))
  )
    await fs.copyFile(o.authSecretFile, path.join(o.out, 'secrets', 'auth-secret'));
  if (o.includeMasterKey && o.masterKey)
    await fs.writeFile(path.join(o.out, 'secrets', 'encryption-key'), o.masterKey.toString('base64'), { mode: 0o600 });
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    database,
    serverVersion: version.text,
    masterKeyFingerprint: o.masterKey ? masterKeyFingerprint(o.masterKey) : null,
    masterKeyIncluded: Boolean(o.includeMasterKey && o.masterKey),
    attachments,
  };
  await fs.writeFile(path.join(o.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export async function readManifest(from: string): Promise<BackupManifest> {
  const text = await fs.readFile(path.join(from, 'manifest.json'), 'utf8').catch(() => null);
  if (!text) throw new BackupError(`${from} is not a Contact Desk backup (no manifest.json)`);
  const m = JSON.parse(text) as BackupManifest;
  if (m.format !== 1) throw new BackupError(`${from}: unknown backup format ${String(m.format)}`);
  return m;
}

export type RestoreOptions = {
  from: string;
  /** pg_dump backups: an existing, empty database. */
  databaseUrl?: string;
  /** Base backups: the embedded folder to create (must not hold a cluster). */
  embeddedDir?: string;
  attachmentsDir: string | null;
  /** The key the restored desk will run with (to compare with the backup's fingerprint). */
  masterKey: Buffer | null;
  pgBinDir?: string;
  log?: Log;
};

/** What the operator must hear after a restore (a key that does not fit, a key file to put back). */
export type RestoreResult = { manifest: BackupManifest; warnings: string[]; restoredMasterKey: string | null };

export async function restore(o: RestoreOptions): Promise<RestoreResult> {
  const log = o.log ?? (() => {});
  const manifest = await readManifest(o.from);
  const warnings: string[] = [];
  let restoredMasterKey: string | null = null;
  if (manifest.masterKeyIncluded)
    restoredMasterKey = (await fs.readFile(path.join(o.from, 'secrets', 'encryption-key'), 'utf8')).trim();
  const key = o.masterKey ?? (restoredMasterKey ? Buffer.from(restoredMasterKey, 'base64') : null);
  if (manifest.masterKeyFingerprint && (!key || masterKeyFingerprint(key) !== manifest.masterKeyFingerprint)) {
    warnings.push(
      key
        ? 'The APP_ENCRYPTION_KEY set here is NOT the key this backup was sealed with: the app will refuse to start with it. Set the original key.'
        : 'No APP_ENCRYPTION_KEY is set: start the restored desk with the key this backup was sealed with, or its encrypted data stays unreadable.',
    );
  }

  if (manifest.database === 'pg_dump') {
    if (!o.databaseUrl)
      throw new BackupError('this backup is a pg_dump: set DATABASE_URL to an empty database to restore into');
    await restoreDump({
      databaseUrl: o.databaseUrl,
      file: path.join(o.from, 'database.dump'),
      pgBinDir: o.pgBinDir,
      log,
    });
  } else {
    if (!o.embeddedDir)
      throw new BackupError(
        'this backup is of an embedded PostgreSQL: restore it without DATABASE_URL (into EMBEDDED_PG_DIR)',
      );
    await restoreBaseBackup({ from: path.join(o.from, 'postgres'), embeddedDir: o.embeddedDir, log });
  }

  if (manifest.attachments === 'folder') {
    if (!o.attachmentsDir) {
      warnings.push(
        'The backup holds an attachment folder but ATTACHMENTS_S3_BUCKET is set: copy its attachments/ into the bucket (e.g. aws s3 sync) yourself.',
      );
    } else {
      // Keys are unique: files already there are kept, nothing is overwritten.
      await fs.cp(path.join(o.from, 'attachments'), o.attachmentsDir, {
        recursive: true,
        force: false,
        errorOnExist: false,
      });
      log(`attachments: into ${o.attachmentsDir}`);
    }
  }
  return { manifest, warnings, restoredMasterKey };
}
