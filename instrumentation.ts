/**
 * Runs once per server process. The job worker runs inside the app by default; set
 * WORKER=off on app instances when `npm run worker` runs the jobs on its own.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.WORKER === 'off' || !process.env.DATABASE_URL) return;
  const { startWorker } = await import('./lib/jobs/worker');
  const { onShutdown } = await import('./lib/ops/shutdown');
  const { moduleLog } = await import('./lib/log/logger');
  const { safeError } = await import('./lib/log/safe-error');
  try {
    const worker = await startWorker();
    // SIGTERM (scripts/server.ts): stop fetching jobs, let the running ones finish within the grace period.
    onShutdown('worker', 'drain', () => worker.stop());
  } catch (err) {
    moduleLog('worker').error({ err: safeError(err) }, 'worker could not start');
  }
}
