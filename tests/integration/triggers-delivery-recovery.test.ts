import { setupTestDb } from '../helpers/db';
import { triggerDelivery } from '../helpers/trigger-delivery';
import { until } from '../helpers/until';
import { spawnWorkerProcess } from '../helpers/worker';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { runWorker, stopWorker, receiver, setup, newTicket, hookTrigger, deliveryOf } = triggerDelivery(db);

describe('a killed worker', () => {
  it('loses nothing: the delivery it was making is made by another worker within 2 minutes', async () => {
    await stopWorker();
    const s = await setup();
    let hang = true;
    const r = await receiver((_h, _n, res) => {
      if (hang) return; // never answers while the first worker holds it
      res.writeHead(200).end();
    });
    await hookTrigger(s.id, [{ type: 'callback', url: r.url }]);
    const killWorker = spawnWorkerProcess();
    try {
      const { snapshot } = await newTicket(s.id);
      await until(async () => r.hits.length === 1, 60000);
      killWorker();
      hang = false;
      const started = Date.now();
      await runWorker({ schedule: true, supervise: true });
      await until(async () => (await deliveryOf(snapshot.id))?.status === 'delivered', 150000);
      expect(Date.now() - started).toBeLessThan(120000);
      expect(r.hits.length).toBeGreaterThanOrEqual(2);
      expect(new Set(r.hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    } finally {
      killWorker();
      await stopWorker();
    }
  }, 200000);
});
