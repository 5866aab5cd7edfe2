import PgBoss from 'pg-boss';
import { getDb } from '@/db';
import { destroyDueValues } from '@/lib/pii/destroy-due';
import { runFieldCrypto } from '@/lib/pii/field-crypto';
import { dueAccounts, pollAccount } from '@/lib/mail/receivers/imap-poll';
import { startSmtpReceiver, type SmtpReceiver } from '@/lib/mail/receivers/smtp-receiver';
import { attemptDelivery, sweepDeliveries } from '@/lib/triggers/deliveries/attempt';
import { QUEUES } from './queues';

/** Delivery fetch loops per worker, and jobs per fetch. */
const DELIVERY_LOOPS = 3;
const DELIVERY_BATCH = 32;

export type Worker = { boss: PgBoss; stop: () => Promise<void>; smtpReceiver: SmtpReceiver | null };

/**
 * Starts the job worker on DATABASE_URL: creates the queues, schedules the periodic jobs
 * (pg-boss keeps one schedule per queue across instances) and works them. Jobs left active
 * by a killed worker expire and are retried.
 */
export async function startWorker(opts: { url?: string; schedule?: boolean; supervise?: boolean; smtpReceiver?: boolean } = {}): Promise<Worker> {
  const schedule = opts.schedule !== false;
  const boss = new PgBoss({ connectionString: opts.url ?? process.env.DATABASE_URL!, schema: 'pgboss', max: 4, application_name: 'contact-desk-worker', schedule, supervise: opts.supervise ?? true });
  boss.on('error', (err) => console.error('[worker] pg-boss error:', err.message));
  await boss.start();
  const q = QUEUES.piiDestroy;
  await boss.createQueue(q.name, { name: q.name, policy: q.policy, retryLimit: q.retryLimit, expireInMinutes: 2 });
  await boss.work(q.name, async () => {
    const n = await destroyDueValues(getDb());
    if (n) console.log(`[worker] destroyed ${n} personal-data value(s)`);
  });
  if (schedule) await boss.schedule(q.name, q.cron);

  const d = QUEUES.triggerDelivery;
  await boss.createQueue(d.name, { name: d.name, policy: d.policy, retryLimit: d.retryLimit, retryDelay: d.retryDelay, expireInSeconds: d.expireInSeconds });
  // Several fetch loops of up to 32 deliveries each: pg-boss waits for a whole batch before the
  // loop fetches again, so one batch held by a slow server (every send has timeouts well under the
  // lease) holds one loop, not the queue. A full batch fetches again at once instead of waiting
  // out the polling interval (that pause alone capped the outbox at 64 mails/s). Each delivery is
  // claimed with a lease, so a duplicate job is a no-op.
  for (let i = 0; i < DELIVERY_LOOPS; i++) {
    const loop: { id?: string } = {};
    loop.id = await boss.work<{ deliveryId: string }>(d.name, { batchSize: DELIVERY_BATCH, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      if (jobs.length === DELIVERY_BATCH && loop.id) boss.notifyWorker(loop.id);
      await Promise.all(jobs.map((job) => attemptDelivery(getDb(), job.data.deliveryId)));
    });
  }
  const sw = QUEUES.triggerDeliverySweep;
  await boss.createQueue(sw.name, { name: sw.name, policy: sw.policy, retryLimit: sw.retryLimit, expireInSeconds: 60 });
  await boss.work(sw.name, async () => {
    await sweepDeliveries(getDb());
  });
  if (schedule) await boss.schedule(sw.name, sw.cron);
  // Cron ticks once a minute; a delivery whose worker died is due again when its 45 s lease ends,
  // so sweep every 15 s too (the queue is a singleton: extra sends while one runs are no-ops).
  const sweepTimer = schedule ? setInterval(() => void boss.send(sw.name, {}).catch(() => {}), 15_000) : null;
  sweepTimer?.unref?.();
  const fc = QUEUES.fieldCrypto;
  await boss.createQueue(fc.name, { name: fc.name, policy: fc.policy, retryLimit: fc.retryLimit, expireInMinutes: 30 });
  await boss.work(fc.name, async () => {
    const n = await runFieldCrypto(getDb());
    if (n) console.log(`[worker] converted ${n} field value(s) after an encryption switch`);
  });
  if (schedule) await boss.schedule(fc.name, fc.cron);

  const mp = QUEUES.mailPoll;
  await boss.createQueue(mp.name, { name: mp.name, policy: mp.policy, retryLimit: mp.retryLimit, expireInSeconds: mp.expireInSeconds });
  await boss.work<{ accountId: string }>(mp.name, { batchSize: 2, pollingIntervalSeconds: 2 }, async (jobs) => {
    await Promise.all(jobs.map((job) => pollAccount(getDb(), job.data.accountId)));
  });
  const ms = QUEUES.mailPollSweep;
  await boss.createQueue(ms.name, { name: ms.name, policy: ms.policy, retryLimit: ms.retryLimit, expireInSeconds: 60 });
  await boss.work(ms.name, async () => {
    for (const accountId of await dueAccounts(getDb())) await boss.send(mp.name, { accountId }, { singletonKey: accountId, expireInSeconds: mp.expireInSeconds });
  });
  if (schedule) await boss.schedule(ms.name, ms.cron);

  // The representative accounts' receiver (SPEC §8): only where this deployment has a mail domain.
  let smtpReceiver: SmtpReceiver | null = null;
  if (process.env.MAIL_DOMAIN && opts.smtpReceiver !== false) {
    try {
      smtpReceiver = await startSmtpReceiver({ db: getDb, domain: process.env.MAIL_DOMAIN, port: Number(process.env.SMTP_RECEIVER_PORT ?? 2525), host: process.env.SMTP_RECEIVER_HOST });
      console.log(`[worker] receiving mail for *@${process.env.MAIL_DOMAIN} on port ${smtpReceiver.port}`);
    } catch (err) {
      // The jobs still run; only the receiver is missing (e.g. the port is taken by another instance).
      console.error('[worker] smtp receiver not started:', err instanceof Error ? err.message : err);
    }
  }
  return {
    boss,
    smtpReceiver,
    // stop() resolves before pg-boss has cleared its timers; 'stopped' is when it really has.
    stop: async () => {
      if (sweepTimer) clearInterval(sweepTimer);
      await smtpReceiver?.close();
      const stopped = new Promise<void>((resolve) => boss.once('stopped', () => resolve()));
      await boss.stop({ graceful: true, close: true, timeout: 10000 });
      await stopped;
    },
  };
}
