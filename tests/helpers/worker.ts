import { spawn } from 'node:child_process';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { beforeDatabaseDrop } from './db';

/** A test file's in-process job worker: `runWorker` starts it, `stopWorker` stops it if one runs. */
export function inProcessWorker() {
  let worker: Worker | null = null;
  // Stopped before the file's database is dropped, not after (its own afterAll would come later).
  beforeDatabaseDrop(async () => {
    await worker?.stop();
    worker = null;
  });
  return {
    async runWorker(options: Parameters<typeof startWorker>[0]) {
      // Never two at once: a worker left running would outlive its test file.
      await worker?.stop();
      worker = await startWorker(options);
    },
    async stopWorker() {
      await worker?.stop();
      worker = null;
    },
  };
}

/** Starts the real worker (scripts/worker.ts) in a process group of its own; returns what kills it. */
export function spawnWorkerProcess(): () => void {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/worker.ts'], {
    env: { ...process.env, WORKER_LOG: '0' },
    stdio: 'ignore',
    detached: true,
  });
  // tsx runs the worker in a child process: kill the whole group, or the real worker survives,
  // finishes the work itself, and outlives the test run.
  return () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
}
