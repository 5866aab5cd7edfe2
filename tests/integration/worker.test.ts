import { and, eq } from 'drizzle-orm';
import { fields, piiDestructionLedger } from '@/db/schema';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { QUEUES } from '@/lib/jobs/queues';
import { writeFieldValues } from '@/lib/pii/write-field-values';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { makeTicket } from '../helpers/tickets';

const db = setupTestDb();
const workers: Worker[] = [];

it('destroys due personal data through the pg-boss queue, once, with two workers running', async () => {
  const s = await makeService(db());
  const [phone] = await db()
    .update(fields)
    .set({ encrypted: true, destroyAfterDays: 1, destroyBasis: 'created' })
    .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'phone')))
    .returning();
  const t = await makeTicket(db(), s.id, { createdAt: new Date(Date.now() - 2 * 86400000) });
  await db().transaction((tx) => writeFieldValues(tx, t, [{ field: phone, value: '010-5555-6666' }]));

  // No cron or maintenance timers in a test: only the queue and its workers.
  workers.push(
    await startWorker({ schedule: false, supervise: false }),
    await startWorker({ schedule: false, supervise: false }),
  );
  await workers[0].boss.send(QUEUES.piiDestroy.name, {});
  await workers[1].boss.send(QUEUES.piiDestroy.name, {});

  const deadline = Date.now() + 20000;
  let ledger: unknown[] = [];
  while (Date.now() < deadline) {
    ledger = await db().select().from(piiDestructionLedger).where(eq(piiDestructionLedger.serviceId, s.id));
    const pending = await workers[0].boss.getQueueSize(QUEUES.piiDestroy.name);
    if (ledger.length && pending === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // Stopped here, before the per-file database is dropped under them.
  await Promise.all(workers.map((w) => w.stop()));
  expect(ledger).toHaveLength(1);
});

it('logs each job with its id and queue on every line it writes (JSON)', async () => {
  const { captureLog } = await import('../helpers/log-capture');
  const log = captureLog('debug');
  const worker = await startWorker({ schedule: false, supervise: false });
  try {
    const q = QUEUES.triggerDeliverySweep;
    const id = await worker.boss.send(q.name, {});
    expect(id).toBeTruthy();
    const deadline = Date.now() + 20000;
    let line: Record<string, unknown> | undefined;
    while (!line && Date.now() < deadline) {
      line = log.lines().find((l) => l.jobId === id);
      if (!line) await new Promise((r) => setTimeout(r, 200));
    }
    expect(line).toMatchObject({ jobId: id, queue: q.name, module: 'worker', level: 'debug', msg: 'job done' });
  } finally {
    await worker.stop();
    log.restore();
  }
});
