import PgBoss from 'pg-boss';
import { getDb } from '@/db';
import { destroyDueValues } from '@/lib/pii/destroy-due';
import { runFieldCrypto } from '@/lib/pii/field-crypto';
import { runFileScrub, type FileScrubJob } from '@/lib/pii/scrub-files';
import { dueAccounts, pollAccount } from '@/lib/mail/receivers/imap-poll';
import { startSmtpReceiver, type SmtpReceiver } from '@/lib/mail/receivers/smtp-receiver';
import { attemptDeliveries, sweepDeliveries } from '@/lib/triggers/deliveries/attempt';
import { moduleLog, withLogContext } from '@/lib/log/logger';
import { safeError } from '@/lib/log/safe-error';
import { shutdownGraceMs } from '@/lib/ops/shutdown';
import { rollupDashboards } from '@/lib/dashboard/rollup';
import { QUEUES } from './queues';

/** Delivery fetch loops per worker, and jobs per fetch. */
const DELIVERY_LOOPS = 3;
const DELIVERY_BATCH = 32;

export type Worker = { boss: PgBoss; stop: (graceMs?: number) => Promise<void>; smtpReceiver: SmtpReceiver | null };

const log = () => moduleLog('worker');

/** Runs one job (or a batch: its ids joined by commas) with its id on every log line it writes; failures are logged (safely) and rethrown for pg-boss to retry. */
function inJob(queue: string, job: { id: string } | undefined, fn: () => Promise<unknown>): Promise<void> {
  return withLogContext({ jobId: job?.id, queue }, async () => {
    const started = Date.now();
    try {
      await fn();
      log().debug({ ms: Date.now() - started }, 'job done');
    } catch (err) {
      log().warn({ ms: Date.now() - started, err: safeError(err) }, 'job failed');
      throw err;
    }
  });
}

/**
 * Starts the job worker on DATABASE_URL: creates the queues, schedules the periodic jobs
 * (pg-boss keeps one schedule per queue across instances) and works them. Jobs left active
 * by a killed worker expire and are retried.
 */
export async function startWorker(
  opts: { url?: string; schedule?: boolean; supervise?: boolean; smtpReceiver?: boolean } = {},
): Promise<Worker> {
  const schedule = opts.schedule !== false;
  const boss = new PgBoss({
    connectionString: opts.url ?? process.env.DATABASE_URL!,
    schema: 'pgboss',
    max: 4,
    application_name: 'contact-desk-worker',
    schedule,
    supervise: opts.supervise ?? true,
  });
  boss.on('error', (err) => log().error({ err: safeError(err) }, 'pg-boss error'));
  await boss.start();
  const q = QUEUES.piiDestroy;
  await boss.createQueue(q.name, { name: q.name, policy: q.policy, retryLimit: q.retryLimit, expireInMinutes: 2 });
  await boss.work(q.name, ([job]) =>
    inJob(q.name, job, async () => {
      const n = await destroyDueValues(getDb());
      if (n) log().info({ count: n }, 'destroyed personal-data values');
    }),
  );
  if (schedule) await boss.schedule(q.name, q.cron);

  const fs = QUEUES.piiFileScrub;
  await boss.createQueue(fs.name, {
    name: fs.name,
    policy: fs.policy,
    retryLimit: fs.retryLimit,
    retryDelay: fs.retryDelay,
    retryBackoff: fs.retryBackoff,
    expireInSeconds: fs.expireInSeconds,
  });
  await boss.work<FileScrubJob>(fs.name, { pollingIntervalSeconds: 1 }, ([job]) =>
    inJob(fs.name, job, () => runFileScrub(job.data)),
  );

  const d = QUEUES.triggerDelivery;
  await boss.createQueue(d.name, {
    name: d.name,
    policy: d.policy,
    retryLimit: d.retryLimit,
    retryDelay: d.retryDelay,
    expireInSeconds: d.expireInSeconds,
  });
  // Several fetch loops of up to 32 deliveries each: pg-boss waits for a whole batch before the
  // loop fetches again, so one batch held by a slow server (every send has timeouts well under the
  // lease) holds one loop, not the queue. A full batch fetches again at once instead of waiting
  // out the polling interval (that pause alone capped the outbox at 64 mails/s). Each delivery is
  // claimed with a lease, so a duplicate job is a no-op.
  for (let i = 0; i < DELIVERY_LOOPS; i++) {
    const loop: { id?: string } = {};
    loop.id = await boss.work<{ deliveryId: string }>(
      d.name,
      { batchSize: DELIVERY_BATCH, pollingIntervalSeconds: 0.5 },
      async (jobs) => {
        if (jobs.length === DELIVERY_BATCH && loop.id) boss.notifyWorker(loop.id);
        // One claim, the sends side by side, one write for the sent ones; pg-boss completes the batch in one call.
        await inJob(d.name, { id: jobs.map((job) => job.id).join(',') }, () =>
          attemptDeliveries(
            getDb(),
            jobs.map((job) => job.data.deliveryId),
          ),
        );
      },
    );
  }
  const sw = QUEUES.triggerDeliverySweep;
  await boss.createQueue(sw.name, { name: sw.name, policy: sw.policy, retryLimit: sw.retryLimit, expireInSeconds: 60 });
  await boss.work(sw.name, ([job]) => inJob(sw.name, job, () => sweepDeliveries(getDb())));
  if (schedule) await boss.schedule(sw.name, sw.cron);
  // Cron ticks once a minute; a delivery whose worker died is due again when its 45 s lease ends,
  // so sweep every 15 s too (the queue is a singleton: extra sends while one runs are no-ops).
  const sweepTimer = schedule ? setInterval(() => void boss.send(sw.name, {}).catch(() => {}), 15_000) : null;
  sweepTimer?.unref?.();
  const fc = QUEUES.fieldCrypto;
  await boss.createQueue(fc.name, { name: fc.name, policy: fc.policy, retryLimit: fc.retryLimit, expireInMinutes: 30 });
  await boss.work(fc.name, ([job]) =>
    inJob(fc.name, job, async () => {
      const n = await runFieldCrypto(getDb());
      if (n) log().info({ count: n }, 'converted field values after an encryption switch');
    }),
  );
  if (schedule) await boss.schedule(fc.name, fc.cron);

  const dr = QUEUES.dashboardRollup;
  await boss.createQueue(dr.name, { name: dr.name, policy: dr.policy, retryLimit: dr.retryLimit, expireInMinutes: 30 });
  await boss.work(dr.name, ([job]) =>
    inJob(dr.name, job, async () => {
      const runs = await rollupDashboards(getDb());
      const busy = runs.filter((r) => r.rebuilt || r.days || r.marks);
      if (busy.length) log().info({ runs: busy }, 'dashboard rollup');
    }),
  );
  if (schedule) await boss.schedule(dr.name, dr.cron);

  const mp = QUEUES.mailPoll;
  await boss.createQueue(mp.name, {
    name: mp.name,
    policy: mp.policy,
    retryLimit: mp.retryLimit,
    expireInSeconds: mp.expireInSeconds,
  });
  await boss.work<{ accountId: string }>(mp.name, { batchSize: 2, pollingIntervalSeconds: 2 }, async (jobs) => {
    await Promise.all(jobs.map((job) => inJob(mp.name, job, () => pollAccount(getDb(), job.data.accountId))));
  });
  const ms = QUEUES.mailPollSweep;
  await boss.createQueue(ms.name, { name: ms.name, policy: ms.policy, retryLimit: ms.retryLimit, expireInSeconds: 60 });
  await boss.work(ms.name, ([job]) =>
    inJob(ms.name, job, async () => {
      for (const accountId of await dueAccounts(getDb()))
        await boss.send(mp.name, { accountId }, { singletonKey: accountId, expireInSeconds: mp.expireInSeconds });
    }),
  );
  if (schedule) await boss.schedule(ms.name, ms.cron);

  // The representative accounts' receiver (SPEC §8): only where this deployment has a mail domain.
  let smtpReceiver: SmtpReceiver | null = null;
  if (process.env.MAIL_DOMAIN && opts.smtpReceiver !== false) {
    try {
      smtpReceiver = await startSmtpReceiver({
        db: getDb,
        domain: process.env.MAIL_DOMAIN,
        port: Number(process.env.SMTP_RECEIVER_PORT ?? 2525),
        host: process.env.SMTP_RECEIVER_HOST,
      });
      log().info({ domain: process.env.MAIL_DOMAIN, port: smtpReceiver.port }, 'smtp receiver listening');
    } catch (err) {
      // The jobs still run; only the receiver is missing (e.g. the port is taken by another instance).
      log().error({ err: safeError(err) }, 'smtp receiver not started');
    }
  }
  return {
    boss,
    smtpReceiver,
    // Stops fetching jobs and lets the running ones finish within the grace period (SHUTDOWN_GRACE_MS).
    // stop() resolves before pg-boss has cleared its timers; 'stopped' is when it really has.
    stop: async (graceMs = shutdownGraceMs()) => {
      if (sweepTimer) clearInterval(sweepTimer);
      const stopped = new Promise<void>((resolve) => boss.once('stopped', () => resolve()));
      await Promise.all([
        smtpReceiver?.close(),
        boss.stop({ graceful: true, close: true, timeout: Math.max(1000, graceMs) }),
      ]);
      await stopped;
    },
  };
}
