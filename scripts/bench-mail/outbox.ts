import type net from 'node:net';
import { and, count, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { triggerDeliveries } from '@/db/schema';
import { getDb } from '@/db';
import { startWorker } from '@/lib/jobs/worker';
import { enqueueMail } from '@/lib/mail/outbox';
import { smtpOptions } from '@/lib/mail/send';
import { insertService } from '@/lib/services/insert-service';

/**
 * The outbox figures: N confirmation mails queued as delivery rows + jobs and sent by the worker
 * to a local SMTP sink, sending alone (queued beforehand) and while queueing, beside nodemailer's
 * pool sending straight to the same sink.
 */
export async function benchOutbox(N: number) {
  const db = getDb();
  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on('end', () => {
        received++;
        cb();
      });
    },
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(sink.server.address() as net.AddressInfo).port}`;
  const s = await insertService(db, { id: `out${Date.now() % 100000}`, name: '아웃박스 벤치', languages: ['ko'] });
  // Baseline: the same number of mails sent straight through a nodemailer pool with the worker's
  // own transport options (8 connections, Nagle off, 8 at a time), no database, no queue: what this
  // machine's SMTP path can do. (Before, `{ url, pool: true, … }` here and in the worker made
  // nodemailer drop every option but the URL: one new connection per mail.)
  const direct = nodemailer.createTransport(smtpOptions(process.env.SMTP_URL, 8));
  let t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < N) {
        const k = next++;
        await direct.sendMail({
          from: 'bench@bench.test',
          to: `c${k}@customer.test`,
          subject: '문의',
          text: '벤치 본문 '.repeat(40),
        });
      }
    }),
  );
  const base = N / ((performance.now() - t0) / 1000);
  direct.close();
  console.log(
    `baseline: ${N} mails straight through a nodemailer pool (the worker's options: 8 connections, Nagle off) to the sink, 8 at a time = ${base.toFixed(0)} mails/s`,
  );
  const queue = async (serviceId: string, from: number) => {
    for (let i = from; i < from + N; i += 100) {
      await db.transaction(async (tx) => {
        for (let k = i; k < Math.min(from + N, i + 100); k++)
          await enqueueMail(tx, {
            serviceId,
            target: 'customer',
            mail: {
              kind: 'confirmation_mail',
              to: `c${k}@customer.test`,
              locale: 'ko',
              serviceName: '벤치',
              number: k,
              subject: '문의',
              link: 'https://x.test',
            },
          });
      });
    }
  };
  const delivered = async (serviceId: string) => {
    for (;;) {
      const [{ n }] = await db
        .select({ n: count() })
        .from(triggerDeliveries)
        .where(and(eq(triggerDeliveries.serviceId, serviceId), eq(triggerDeliveries.status, 'delivered')));
      if (n >= N) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  // Sending alone: N mails queued while no worker runs (a first worker start created the queues),
  // then a worker started and timed until all are delivered (its start included).
  await (await startWorker({ schedule: false, supervise: false, smtpReceiver: false })).stop();
  const d = await insertService(db, { id: `drain${Date.now() % 100000}`, name: '아웃박스 벤치 2', languages: ['ko'] });
  t0 = performance.now();
  await queue(d.id, 0);
  const queueRate = N / ((performance.now() - t0) / 1000);
  received = 0;
  t0 = performance.now();
  const drainer = await startWorker({ schedule: false, supervise: false, smtpReceiver: false });
  try {
    await delivered(d.id);
  } finally {
    await drainer.stop();
  }
  const drain = N / ((performance.now() - t0) / 1000);
  console.log(
    `outbox, sending alone: ${N} mails queued beforehand (queueing ${queueRate.toFixed(0)} mails/s, 100 per transaction) sent by a freshly started worker at ${drain.toFixed(0)} mails/s (sink received ${received}) = ${((drain / base) * 100).toFixed(0)} % of the direct baseline — budget ≥ 200/s`,
  );
  received = 0;
  const worker = await startWorker({ schedule: false, supervise: false, smtpReceiver: false });
  try {
    t0 = performance.now();
    await queue(s.id, 0);
    const queued = (performance.now() - t0) / 1000;
    await delivered(s.id);
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `outbox: ${N} mails queued (${queued.toFixed(1)} s, while the worker sends) and delivered to a local SMTP sink in ${secs.toFixed(1)} s = ${(N / secs).toFixed(0)} mails/s (sink received ${received}) = ${((N / secs / base) * 100).toFixed(0)} % of the direct baseline — budget ≥ 200/s`,
    );
  } finally {
    await worker.stop();
    sink.close();
    delete process.env.SMTP_URL;
  }
}
