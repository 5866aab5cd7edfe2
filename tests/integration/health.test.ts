import { sql } from 'drizzle-orm';
import { GET as health } from '@/app/api/health/route';
import { GET as ready } from '@/app/api/ready/route';
import { startWorker } from '@/lib/jobs/worker';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

describe('/api/health and /api/ready', () => {
  it('answers liveness without a session or a detail', async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready only once the job queue exists and every migration is applied, and never says why not', async () => {
    const before = await ready();
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual({ status: 'unavailable' });

    const worker = await startWorker({ schedule: false, supervise: false });
    try {
      const ok = await ready();
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ status: 'ready' });

      // A build newer than its database (a migration not applied yet) is not ready.
      await db().execute(
        sql`DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)`,
      );
      const stale = await ready();
      expect(stale.status).toBe(503);
      expect(await stale.json()).toEqual({ status: 'unavailable' });
    } finally {
      await worker.stop();
    }
  });
});
