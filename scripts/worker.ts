/**
 * `npm run worker`: the job worker alone (run app instances with WORKER=off). SIGTERM / SIGINT
 * stop fetching jobs and let the running ones finish within SHUTDOWN_GRACE_MS, then close the
 * pool and stop the embedded PostgreSQL (when this process started it), last.
 */
import { takeOverEmbeddedShutdown } from '@/db/embedded';
import { closeDb } from '@/db';
import { startWorker } from '@/lib/jobs/worker';
import { moduleLog } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';
import { shutdownGraceMs } from '@/lib/ops/shutdown';
import { prepareEnvironment } from './env';

const log = () => moduleLog('worker');

async function main() {
  const { embedded } = await prepareEnvironment(false);
  const worker = await startWorker();
  log().info('worker running; Ctrl+C to stop');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const graceMs = shutdownGraceMs();
    log().info({ signal, graceMs }, 'stopping: running jobs may finish');
    await worker.stop(graceMs).catch((err) => log().error({ err: safeError(err) }, 'worker stop failed'));
    await closeDb().catch(() => {});
    await embedded
      ?.stop()
      .catch((err) => log().error({ err: safeError(err) }, 'stopping the embedded PostgreSQL failed'));
    log().info('stopped');
    process.exit(0);
  };
  // From here this process stops the embedded PostgreSQL itself, after the graceful shutdown
  // (not the package's own signal hooks, which would stop it at once).
  takeOverEmbeddedShutdown();
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  log().fatal({ err: safeError(err) }, 'worker failed');
  process.exit(1);
});
