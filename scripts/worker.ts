/** `npm run worker`: the job worker alone (run app instances with WORKER=off). */
import { startWorker } from '@/lib/jobs/worker';
import { prepareEnvironment } from './env';

async function main() {
  const { embedded } = await prepareEnvironment(false);
  const worker = await startWorker();
  console.log('[worker] running; Ctrl+C to stop');
  const stop = async () => {
    await worker.stop();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
