/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database). */
import { moduleLog } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';
import { prepareEnvironment } from './env';

prepareEnvironment(false)
  .then(async ({ embedded }) => {
    moduleLog('migrate').info('migrations applied');
    await embedded?.stop();
  })
  .catch((err) => {
    moduleLog('migrate').fatal({ err: safeError(err) }, 'migrations failed');
    process.exit(1);
  });
