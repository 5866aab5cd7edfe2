/**
 * `npm run dev` / `npm start`: brings the whole app up with no other set-up — the database
 * (embedded unless DATABASE_URL is set), migrations, the first-start seed — then runs the
 * app's server (scripts/server.ts: Next, and the worker unless WORKER=off) in a child process.
 *
 * `npm start` runs this compiled (dist/run.js, see scripts/launch.cjs) and the server as
 * dist/server.js on plain Node; `npm run dev` runs both through tsx.
 *
 * SIGTERM / SIGINT go to the server, which shuts down gracefully (SHUTDOWN_GRACE_MS); this
 * process stops the embedded PostgreSQL only after the server has exited, and exits last.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { announceFirstStart, ensureFirstStart } from '@/lib/bootstrap/first-start';
import { takeOverEmbeddedShutdown } from '@/db/embedded';
import { closeDb, getDb } from '@/db';
import { seedDemo } from '@/lib/demo/seed-demo';
import { moduleLog } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';
import { prepareEnvironment } from './env';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';
// JSON lines from `npm start` (the launcher and the server it runs), readable lines from `npm run dev`.
process.env.LOG_FORMAT ??= mode === 'start' ? 'json' : 'pretty';
const log = () => moduleLog('launcher');

/** The server as this launcher runs: compiled beside it (dist/), or the TypeScript source through tsx. */
function serverCommand(): string[] {
  if (__filename.endsWith('.js'))
    return ['--enable-source-maps', path.join(path.dirname(__filename), 'server.js'), mode];
  return [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('scripts', 'server.ts'), mode];
}

async function main() {
  const { embedded } = await prepareEnvironment(mode === 'dev');
  announceFirstStart(await ensureFirstStart(getDb()));
  // Demo agents with a known password (browser tests, demos): off unless asked for.
  if (process.env.SEED_DEMO_AGENTS_PASSWORD) await seedDemo(getDb(), process.env.SEED_DEMO_AGENTS_PASSWORD);
  await closeDb();

  const port = process.env.PORT ?? '3000';
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: mode === 'start' ? 'production' : 'development' };
  const child = spawn(process.execPath, serverCommand(), { stdio: 'inherit', env });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log().info({ signal }, 'stopping: the server finishes its requests and jobs, then the database stops');
    // The server may have had the signal already (a terminal's Ctrl+C reaches the whole group); a second one is ignored there.
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  // From here this process stops the embedded PostgreSQL itself, after the graceful shutdown
  // (not the package's own signal hooks, which would stop it at once).
  takeOverEmbeddedShutdown();
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', async (code, signal) => {
    if (embedded) {
      log().info('stopping the embedded PostgreSQL');
      await embedded
        .stop()
        .catch((err) => log().error({ err: safeError(err) }, 'stopping the embedded PostgreSQL failed'));
    }
    log().info({ code, signal }, 'stopped');
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((err) => {
  log().fatal({ err: safeError(err) }, 'could not start');
  process.exit(1);
});
