/**
 * Graceful shutdown (SIGTERM / SIGINT), in two phases:
 *  - `drain`: stop taking work and let what runs finish within the grace period — the HTTP
 *    server stops accepting (scripts/server.ts), live streams are closed, pg-boss stops
 *    fetching jobs and waits for the running ones;
 *  - `close`: then the connections — the LISTEN hub, the side pool, the pool.
 * The launcher (scripts/run.ts) stops the embedded PostgreSQL after the server process has gone.
 *
 * Parts register their steps here; the registry is on globalThis because the custom server
 * and Next's bundle of the same modules (instrumentation.ts starts the worker) must share it.
 */
import { safeError } from '@/lib/log/safe-error';
import { moduleLog } from '@/lib/log/logger';

export type ShutdownPhase = 'drain' | 'close';
type Step = { name: string; phase: ShutdownPhase; run: (deadline: number) => Promise<unknown> | unknown };
type State = { steps: Set<Step>; stopping: boolean };

const g = globalThis as unknown as { __contactDeskShutdown?: State };
function state(): State {
  g.__contactDeskShutdown ??= { steps: new Set(), stopping: false };
  return g.__contactDeskShutdown;
}

/** SHUTDOWN_GRACE_MS (default 25 s): how long running requests and jobs get to finish. */
export function shutdownGraceMs(value = process.env.SHUTDOWN_GRACE_MS): number {
  const n = Number(value);
  return value && Number.isFinite(n) && n >= 0 ? Math.min(n, 10 * 60_000) : 25_000;
}

/**
 * Registers a step; `run` gets the deadline (epoch ms) by which the drain phase must end.
 * Returns a function that unregisters it (a worker stopped by other means, a closed stream).
 */
export function onShutdown(name: string, phase: ShutdownPhase, run: Step['run']): () => void {
  const step: Step = { name, phase, run };
  state().steps.add(step);
  return () => void state().steps.delete(step);
}

/** True once a shutdown has begun (readiness answers 503 so load balancers stop sending). */
export function isShuttingDown(): boolean {
  return state().stopping;
}

/** Marks the process as stopping (before the steps run). */
export function beginShutdown(): void {
  state().stopping = true;
}

/** Runs the steps of one phase at once, each bounded by the deadline; a failing step is logged, not fatal. */
export async function runShutdownPhase(phase: ShutdownPhase, deadline: number): Promise<void> {
  const log = moduleLog('shutdown');
  const steps = [...state().steps].filter((s) => s.phase === phase);
  await Promise.all(
    steps.map(async (s) => {
      state().steps.delete(s);
      const started = Date.now();
      // Close steps get a few seconds even when the drain used up the grace period.
      const limit = Math.max(deadline - started, phase === 'close' ? 5000 : 0);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limit)));
      try {
        const r = await Promise.race([Promise.resolve().then(() => s.run(deadline)), late]);
        if (r === 'late') log.warn({ step: s.name, ms: Date.now() - started }, 'shutdown step did not finish in time');
        else log.debug({ step: s.name, ms: Date.now() - started }, 'shutdown step done');
      } catch (err) {
        log.error({ step: s.name, err: safeError(err) }, 'shutdown step failed');
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
