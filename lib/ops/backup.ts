/**
 * `npm run backup` / `npm run restore` (scripts/backup.ts): the database, the attachment folder
 * and a check of the master key, in one folder.
 *
 * The database is saved one of two ways:
 * - `pg_dump` (custom format) for a PostgreSQL the operator runs (`DATABASE_URL`), restored with
 *   `pg_restore` into an empty database. pg_dump must be at least the server's major version.
 * - a physical base backup of the embedded PostgreSQL (no `DATABASE_URL`): Debian's pg_dump is
 *   older than the embedded PostgreSQL 18 and the npm package ships no pg_dump, so the cluster's
 *   files are copied between `pg_backup_start` and `pg_backup_stop` (PostgreSQL's documented
 *   low-level base backup, "Making a Base Backup Using the Low Level API"), with the WAL written
 *   meanwhile kept by a temporary replication slot and copied last, and the `backup_label` the
 *   server returns. The app may keep running. Restoring puts the files into an empty folder; the
 *   first start replays the WAL up to the end of the backup, as after a crash.
 *
 * The database holds the personal data and secrets only sealed (each ticket's data key wrapped
 * by APP_ENCRYPTION_KEY). The master key itself is NOT in a backup unless asked for
 * (`--include-master-key`): keep it apart, since whoever has both reads everything, and without
 * it the encrypted data of a backup is lost for good. The backup records the key's fingerprint,
 * so a restore says at once whether the key at hand is the right one.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { masterKeyFingerprint } from '@/lib/crypto/key-fingerprint';

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

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

type Log = (line: string) => void;

function pgTool(name: 'pg_dump' | 'pg_restore', binDir?: string): string {
  return binDir ? path.join(binDir, name) : name;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    child.on('error', (e) =>
      reject(
        new BackupError(
          `${path.basename(cmd)} could not run (${e.message}): install the PostgreSQL client tools or set PG_BIN_DIR`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${path.basename(cmd)} failed: ${err.trim().split('\n').slice(-3).join(' ')}`)),
    );
  });
}

/** A URL's password goes to the tool through PGPASSWORD, not its command line (ps shows that). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

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

function toolMajor(tool: string): number | null {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout ?? '');
  return r.status === 0 && m ? Number(m[1]) : null;
}

/** The files of a live cluster: whatever vanishes while we copy is not an error (WAL replay settles it). */
async function copyTree(from: string, to: string, skipContentsOf: Set<string>, rel = ''): Promise<void> {
  await fs.mkdir(path.join(to, rel), { recursive: true, mode: 0o700 });
  if (skipContentsOf.has(rel)) return;
  const entries = await fs.readdir(path.join(from, rel), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [];
    throw e;
  });
  for (const e of entries) {
    const r = path.join(rel, e.name);
    if (SKIP_FILES.has(r) || e.name.startsWith('pgsql_tmp')) continue;
    if (e.isDirectory()) await copyTree(from, to, skipContentsOf, r);
    else if (e.isFile())
      await fs.copyFile(path.join(from, r), path.join(to, r)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
  }
}

// PostgreSQL's list of what a base backup leaves out ("Backing Up the Data Directory").
const SKIP_FILES = new Set([
  'postmaster.pid',
  'postmaster.opts',
  'backup_label',
  'tablespace_map',
  'backup_label.old',
  'pg_internal.init',
]);
const SKIP_CONTENTS = [
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
];

/** The low-level base backup of the cluster of `adminUrl` (a superuser), whose files are at `dataDir`. */
async function baseBackup(adminUrl: string, dataDir: string, to: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ d: string }>("SELECT current_setting('data_directory') AS d");
    if (path.resolve(rows[0].d) !== path.resolve(dataDir))
      throw new BackupError(`the running PostgreSQL serves ${rows[0].d}, not ${dataDir}`);
    // A temporary slot keeps every WAL segment from here on until this session ends, so a
    // checkpoint during the copy cannot recycle the segments the restore will replay.
    await c.query("SELECT pg_create_physical_replication_slot('contact_desk_backup_' || pg_backend_pid(), true, true)");
    await c.query("SELECT pg_backup_start('contact-desk backup', true)");
    await copyTree(dataDir, to, new Set(SKIP_CONTENTS));
    const stop = await c.query<{ labelfile: string; spcmapfile: string | null }>(
      'SELECT labelfile, spcmapfile FROM pg_backup_stop(false)',
    );
    await fs.writeFile(path.join(to, 'backup_label'), stop.rows[0].labelfile, { mode: 0o600 });
    if (stop.rows[0].spcmapfile)
      await fs.writeFile(path.join(to, 'tablespace_map'), stop.rows[0].spcmapfile, { mode: 0o600 });
    // The WAL from the backup's start to its end record (written by pg_backup_stop), copied last.
    await fs.mkdir(path.join(to, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    for (const f of await fs.readdir(path.join(dataDir, 'pg_wal'))) {
      if (/^[0-9A-F]{24}$/.test(f) || f.endsWith('.history'))
        await fs.copyFile(path.join(dataDir, 'pg_wal', f), path.join(to, 'pg_wal', f));
    }
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
    const tool = pgTool('pg_dump', o.pgBinDir);
    const major = toolMajor(tool);
    if (major === null)
      throw new BackupError(
        `${tool} was not found: install the PostgreSQL client tools (postgresql-client-${version.major}) or set PG_BIN_DIR`,
      );
    if (major < version.major)
      throw new BackupError(
        `${tool} is version ${major} and cannot dump PostgreSQL ${version.text}: install postgresql-client-${version.major} and set PG_BIN_DIR to its bin folder`,
      );
    log(`database: pg_dump ${major} of PostgreSQL ${version.text}`);
    const { dbname, env } = connection(o.databaseUrl);
    await run(
      tool,
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${path.join(o.out, 'database.dump')}`,
        `--dbname=${dbname}`,
      ],
      env,
    );
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
    await assertEmptyDatabase(o.databaseUrl);
    const { dbname, env } = connection(o.databaseUrl);
    log('database: pg_restore');
    await run(
      pgTool('pg_restore', o.pgBinDir),
      ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${dbname}`, path.join(o.from, 'database.dump')],
      env,
    );
  } else {
    if (!o.embeddedDir)
      throw new BackupError(
        'this backup is of an embedded PostgreSQL: restore it without DATABASE_URL (into EMBEDDED_PG_DIR)',
      );
    const dir = path.resolve(o.embeddedDir);
    if (
      await fs.stat(path.join(dir, 'PG_VERSION')).then(
        () => true,
        () => false,
      )
    )
      throw new BackupError(`${dir} already holds a database: move it away first (the restore never overwrites one)`);
    log(`database: files of the embedded PostgreSQL into ${dir}`);
    await fs.mkdir(path.dirname(dir), { recursive: true });
    await fs.cp(path.join(o.from, 'postgres'), dir, { recursive: true });
    await fs.chmod(dir, 0o700);
    // As root the embedded server runs as the `postgres` user, which must own its files.
    if (process.getuid?.() === 0) {
      const r = spawnSync('chown', ['-R', 'postgres:', dir], { encoding: 'utf8' });
      if (r.status !== 0) throw new BackupError(`could not give ${dir} to the postgres user: ${r.stderr.trim()}`);
    }
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

async function assertEmptyDatabase(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    );
    if (Number(rows[0].n) > 0)
      throw new BackupError(
        'the database of DATABASE_URL is not empty: restore into a new database (createdb), never over a running desk',
      );
  } finally {
    await c.end();
  }
}
