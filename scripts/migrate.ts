/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded database). */
import { prepareEnvironment } from './env';

prepareEnvironment(false)
  .then(async ({ embedded }) => {
    console.log('[contact-desk] migrations applied');
    await embedded?.stop();
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
