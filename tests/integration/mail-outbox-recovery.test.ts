import { processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { setupTestDb } from '../helpers/db';
import { mailOutbox } from '../helpers/mail-outbox';
import { until } from '../helpers/until';
import { spawnWorkerProcess } from '../helpers/worker';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { sink, runWorker, stopWorker, setup, ticketFrom, replyDelivery, mailsTo } = mailOutbox(db);

describe('a killed worker', () => {
  it('loses no mail: another worker sends it within 2 minutes, at most once more, with the same Message-ID', async () => {
    const { s } = await setup();
    const t = await ticketFrom(s.id, 'killed@example.com');
    sink().mode = 'hang';
    const killWorker = spawnWorkerProcess();
    try {
      await processTicketAction(null, {
        serviceId: s.id,
        ticketId: t.id,
        version: 1,
        action: 'solve',
        body: '발송 중 종료',
      });
      const d = await replyDelivery(t.id);
      const id = `<${d.id}@desk.test>`;
      await until(async () => sink().received.includes(id), 60000);
      killWorker();
      sink().mode = 'accept';
      const started = Date.now();
      await runWorker({ schedule: true, supervise: true });
      await until(async () => (await replyDelivery(t.id))?.status === 'delivered', 150000);
      expect(Date.now() - started).toBeLessThan(120000);
      expect(mailsTo('killed@example.com').map((m) => m.messageId)).toEqual([id]);
      expect(sink().received.filter((x) => x === id).length).toBeLessThanOrEqual(2);
    } finally {
      killWorker();
      sink().mode = 'accept';
      await stopWorker();
    }
  }, 200000);
});
