/** `npm run db:seed-demo`: adds Korean demo agents and groups to the demo service. */
import { ensureFirstStart, announceFirstStart } from '@/lib/bootstrap/first-start';
import { closeDb, getDb } from '@/db';
import { seedDemo } from '@/lib/demo/seed-demo';
import { prepareEnvironment } from './env';

async function main() {
  const { embedded } = await prepareEnvironment(true);
  try {
    announceFirstStart(await ensureFirstStart(getDb()));
    const password = process.env.DEMO_PASSWORD ?? 'demo-pass-2026';
    const { added } = await seedDemo(getDb(), password);
    console.log(
      added.length
        ? `[demo] added agents ${added.join(', ')} (password: ${password})`
        : '[demo] demo data already present',
    );
  } finally {
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
