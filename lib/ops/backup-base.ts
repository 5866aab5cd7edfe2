/**
 * The base-backup strategy, for the embedded PostgreSQL (no `DATABASE_URL`): Debian's pg_dump is
 * older than the embedded PostgreSQL 18 and the npm package ships no pg_dump, so the cluster's
 * files are copied between `pg_backup_start` and `pg_backup_stop` (PostgreSQL's documented
 * low-level base backup, "Making a Base Backup Using the Low Level API"), with the WAL written
 * meanwhile kept by a temporary replication slot and copied last, and the `backup_label` the
 * server returns. The app may keep running. Restoring puts the files into an empty folder; the
 * first start replays the WAL up to the end of the backup, as after a crash.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { BackupError } from './backup-error';

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
export async function baseBackup(adminUrl: string, dataDir: string, to: string): Promise<void> {
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

/** Puts a base backup's files (`from`) into `embeddedDir`, which must not hold a cluster yet. */
export async function restoreBaseBackup(o: { from: string; embeddedDir: string; log: (line: string) => void }) {
  const dir = path.resolve(o.embeddedDir);
  if (
    await fs.stat(path.join(dir, 'PG_VERSION')).then(
      () => true,
      () => false,
    )
  )
    throw new BackupError(`${dir} already holds a database: move it away first (the restore never overwrites one)`);
  o.log(`database: files of the embedded PostgreSQL into ${dir}`);
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await fs.cp(o.from, dir, { recursive: true });
  await fs.chmod(dir, 0o700);
  // As root the embedded server runs as the `postgres` user, which must own its files.
  if (process.getuid?.() === 0) {
    const r = spawnSync('chown', ['-R', 'postgres:', dir], { encoding: 'utf8' });
    if (r.status !== 0) throw new BackupError(`could not give ${dir} to the postgres user: ${r.stderr.trim()}`);
  }
}
