/**
 * The pg_dump strategy, for a PostgreSQL the operator runs (`DATABASE_URL`): a custom-format dump,
 * restored with `pg_restore` into an empty database. pg_dump must be at least the server's major
 * version.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { BackupError } from './backup-error';

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

function toolMajor(tool: string): number | null {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)(?:\.\d+)?/.exec(r.stdout ?? '');
  return r.status === 0 && m ? Number(m[1]) : null;
}

/** Dumps the database of `databaseUrl` (PostgreSQL `server`) to `file` with a pg_dump at least as new as the server. */
export async function dumpDatabase(o: {
  databaseUrl: string;
  file: string;
  server: { text: string; major: number };
  pgBinDir?: string;
  log: (line: string) => void;
}): Promise<void> {
  const version = o.server;
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
  o.log(`database: pg_dump ${major} of PostgreSQL ${version.text}`);
  const { dbname, env } = connection(o.databaseUrl);
  await run(tool, ['--format=custom', '--no-owner', '--no-privileges', `--file=${o.file}`, `--dbname=${dbname}`], env);
}

/** Restores `file` into the database of `databaseUrl`, which must be empty (never over a running desk). */
export async function restoreDump(o: {
  databaseUrl: string;
  file: string;
  pgBinDir?: string;
  log: (line: string) => void;
}): Promise<void> {
  await assertEmptyDatabase(o.databaseUrl);
  const { dbname, env } = connection(o.databaseUrl);
  o.log('database: pg_restore');
  await run(
    pgTool('pg_restore', o.pgBinDir),
    ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${dbname}`, o.file],
    env,
  );
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
