import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Client, Pool } from 'pg';
import * as schema from '@/db/schema';
import { masterKey } from '@/lib/crypto/master-key';
import { backup, restore } from '@/lib/ops/backup';
import { BACKUP_FILE, BACKUP_PHONE, readBackupFixture, seedBackupFixture } from '../helpers/backup-fixture';
import { setupTestDb } from '../helpers/db';

const ROOT = path.join(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-backup-'));
fs.chmodSync(tmp, 0o755); // the embedded server runs as `postgres` when the tests run as root
process.env.ATTACHMENTS_DIR = path.join(tmp, 'files');
const db = setupTestDb();
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) process.kill(-c.pid!, 'SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

const fileSha = createHash('sha256').update(BACKUP_FILE).digest('hex');
const tsx = path.join('node_modules', 'tsx', 'dist', 'cli.mjs');

/** A process of the desk on the embedded PostgreSQL of `pgDir`, as an operator would run it. */
function childEnv(pgDir: string, files: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DIR: pgDir,
    ATTACHMENTS_DIR: files,
    NODE_ENV: 'development',
  };
  delete env.DATABASE_URL;
  return env;
}

/** Runs a child until it prints a line starting with `prefix` (resolves with the rest); with no prefix, until it exits (resolves with all it printed). */
function runUntil(
  args: string[],
  env: NodeJS.ProcessEnv,
  prefix: string,
): Promise<{ child: ChildProcess; rest: string }> {
  const child = spawn(process.execPath, [tsx, ...args], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => (prefix && l.startsWith(prefix)) || l.startsWith('FAILED'));
      if (line?.startsWith(prefix)) resolve({ child, rest: line.slice(prefix.length).trim() });
      else if (line) reject(new Error(out));
    });
    child.stderr!.on('data', (c) => (out += c));
    child.on('exit', (code) =>
      code === 0 && prefix === '' ? resolve({ child, rest: out }) : reject(new Error(`exited with ${code}: ${out}`)),
    );
  });
}

const npmScript = (args: string[], env: NodeJS.ProcessEnv) => runUntil(['scripts/backup.ts', ...args], env, '');

function pgDumpMajor(): number | null {
  const r = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? Number(/(\d+)/.exec(r.stdout)![1]) : null;
}

async function serverMajor(url: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query("SELECT current_setting('server_version_num') AS n");
  await c.end();
  return Math.floor(Number(rows[0].n) / 10000);
}

describe('npm run backup / npm run restore', () => {
  it('embedded PostgreSQL: backed up while the desk runs, restored into a fresh folder, the encrypted value and the attachment read back', async () => {
    const original = childEnv(path.join(tmp, 'pg-original'), path.join(tmp, 'files-original'));
    const desk = await runUntil(['tests/helpers/backup-child.ts', 'seed'], original, 'SEEDED ');
    const seeded = JSON.parse(desk.rest);
    expect(seeded.sealedHasPlain).toBe(false);
    const out = path.join(tmp, 'emb-backup');
    const made = await npmScript(['backup', '--out', out], original);
    expect(made.rest).toContain('APP_ENCRYPTION_KEY (the master key) is NOT in this backup');
    desk.child.kill('SIGTERM');
    await new Promise((r) => desk.child.once('exit', r));
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'))).toMatchObject({
      database: 'base-backup',
      attachments: 'folder',
      masterKeyIncluded: false,
    });
    expect(fs.existsSync(path.join(out, 'secrets', 'encryption-key'))).toBe(false);

    const fresh = childEnv(path.join(tmp, 'pg-restored'), path.join(tmp, 'files-restored'));
    const restored = await npmScript(['restore', out], fresh);
    expect(restored.rest).not.toContain('!!!');
    const read = await runUntil(['tests/helpers/backup-child.ts', 'read', JSON.stringify(seeded)], fresh, 'READ ');
    expect(JSON.parse(read.rest)).toEqual({ phone: BACKUP_PHONE, fileSha });
    // Never over a folder that holds a database.
    await expect(npmScript(['restore', out], fresh)).rejects.toThrow(/already holds a database/);
  }, 150_000);

  it('external PostgreSQL (pg_dump): restored into a fresh database, the encrypted value and the attachment read back; a wrong key is named', async () => {
    const server = process.env.TEST_SERVER_URL!;
    const dump = pgDumpMajor();
    const major = await serverMajor(server);
    if (dump === null || dump < major) {
      // CI's test server is the embedded PostgreSQL 18, newer than Debian's pg_dump 15: there the refusal is checked.
      await expect(
        backup({
          out: path.join(tmp, 'ext-refused'),
          databaseUrl: process.env.DATABASE_URL!,
          attachmentsDir: null,
          masterKey: masterKey(),
        }),
      ).rejects.toThrow(/cannot dump PostgreSQL|was not found/);
      console.warn(
        `pg_dump ${dump ?? 'missing'} cannot dump the test server (PostgreSQL ${major}): only the refusal was checked`,
      );
      return;
    }
    const seeded = await seedBackupFixture(db());
    const out = path.join(tmp, 'ext-backup');
    const m = await backup({
      out,
      databaseUrl: process.env.DATABASE_URL!,
      attachmentsDir: process.env.ATTACHMENTS_DIR!,
      masterKey: masterKey(),
    });
    expect(m).toMatchObject({ database: 'pg_dump', attachments: 'folder' });

    const fresh = `cd_restore_${Date.now()}`;
    const admin = new Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${fresh}"`);
    const u = new URL(server);
    u.pathname = `/${fresh}`;
    const pool = new Pool({ connectionString: u.toString() });
    // pool.end() resolves before its sockets are closed: the DROP … WITH (FORCE) below may still
    // terminate one, which the pool would raise as an unhandled error.
    pool.on('error', () => {});
    try {
      const files = path.join(tmp, 'files-ext');
      const r = await restore({ from: out, databaseUrl: u.toString(), attachmentsDir: files, masterKey: masterKey() });
      expect(r.warnings).toEqual([]);
      // The restored files, read through the process's store: point it at the restored folder.
      fs.rmSync(process.env.ATTACHMENTS_DIR!, { recursive: true });
      fs.cpSync(files, process.env.ATTACHMENTS_DIR!, { recursive: true });
      expect(await readBackupFixture(drizzle(pool, { schema }), seeded)).toEqual({ phone: BACKUP_PHONE, fileSha });
      await expect(
        restore({ from: out, databaseUrl: u.toString(), attachmentsDir: files, masterKey: masterKey() }),
      ).rejects.toThrow(/not empty/);
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS "${fresh}" WITH (FORCE)`);
      await admin.end();
    }
    // Another key than the one the backup was sealed with is named before anything is written.
    const other = await restore({
      from: out,
      databaseUrl: undefined,
      embeddedDir: path.join(tmp, 'never'),
      attachmentsDir: null,
      masterKey: Buffer.alloc(32, 7),
    }).catch((e: Error) => e);
    expect(String(other)).toMatch(/set DATABASE_URL/);
  }, 120_000);
});
