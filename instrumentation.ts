/**
 * Runs once per server process. The job worker runs inside the app by default; set
 * WORKER=off on app instances when `npm run worker` runs the jobs on its own.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.WORKER === 'off' || !process.env.DATABASE_URL) return;
  const { startWorker } = await import('./lib/jobs/worker');
  await startWorker().catch((err) => console.error('[worker] could not start:', err instanceof Error ? err.message : err));
}
