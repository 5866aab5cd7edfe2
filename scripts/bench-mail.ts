/**
 * `npm run bench:mail`: the e-mail channel's throughput (issue 15).
 *  - inbound over SMTP: N mails sent by nodemailer (8 connections) to the built-in receiver, each
 *    answered 250 only after its ticket is committed, with 50 active triggers on the service;
 *  - inbound over IMAP: N mails in a dovecot mailbox (started unprivileged, as in the tests)
 *    imported by pollAccount (fetch and parse ahead, commits in UID order, then \Seen);
 *  - outbox: N queued mails (delivery rows + pg-boss jobs) sent by the worker to a local
 *    smtp-server sink.
 * BENCH_MAILS (default 2000) sets N; BENCH_ONLY=smtp,imap,outbox picks figures.
 * Uses BENCH_DATABASE_URL, else an embedded PostgreSQL in .data/bench-mail (wiped each run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { Client } from 'pg';
import nodemailer from 'nodemailer';
import { fields, mailAccounts, tickets, triggers, triggerVersions } from '@/db/schema';
import { closeDb, getDb } from '@/db';
import { startEmbeddedPostgres } from '@/db/embedded';
import { ensureDatabase, runMigrations } from '@/db/migrate';
import { noDelaySocket } from '@/lib/mail/send';
import { pollAccount, sealPassword } from '@/lib/mail/receivers/imap-poll';
import { startSmtpReceiver } from '@/lib/mail/receivers/smtp-receiver';
import { insertService } from '@/lib/services/insert-service';
import { createTicket } from '@/lib/tickets/create-ticket';
import { startDovecot } from '../tests/helpers/dovecot';
import { benchOutbox } from './bench-mail/outbox';

const N = Number(process.env.BENCH_MAILS ?? 2000);
const domain = 'bench.test';

function mail(i: number, to: string) {
  return {
    from: `"고객 ${i}" <c${i}@customer.test>`,
    to,
    subject: `결제 오류 문의 ${i}`,
    text: `카드 결제 시 오류가 납니다. 주문번호 ${100000 + i}. 확인 부탁드립니다.\n`.repeat(5),
    messageId: `<bench-${i}-${randomUUID()}@customer.test>`,
  };
}

async function fiftyTriggers(serviceId: string) {
  const db = getDb();
  await db.insert(triggers).values(
    Array.from({ length: 50 }, (_, i) => ({
      serviceId,
      title: `트리거 ${i}`,
      position: i,
      conditions: [
        { mode: 'all', target: 'event', operator: 'is_any_of', value: ['created', 'customer_reply'] },
        { mode: 'all', target: 'subject', operator: 'contains', value: i % 10 === 0 ? '결제' : `없는문구${i}` },
      ],
      results: [
        {
          type: 'dooray',
          url: 'https://hook.dooray.com/services/bench',
          botName: 'bench',
          botIconImage: '',
          text: '#{subject}',
          attachmentTitle: '',
          attachmentText: '',
        },
      ],
    })),
  );
  await db
    .insert(triggerVersions)
    .values({ serviceId, version: 1 })
    .onConflictDoUpdate({ target: triggerVersions.serviceId, set: { version: sql`${triggerVersions.version} + 1` } });
}

async function ticketCount(serviceId: string) {
  return (await getDb().select({ n: count() }).from(tickets).where(eq(tickets.serviceId, serviceId)))[0].n;
}

/** Bytes per simulated mail body, so the baseline stores what the mail path stores. */
const body = (i: number) => mail(i, '').text;

/**
 * The baseline of both inbound figures: the same tickets (subject, body, 이름/이메일, Message-ID)
 * created straight through createTicket at the same concurrency, with the same 50 triggers, no mail
 * in between. The ratio shows what the mail part costs beside the shared ticket path.
 */
async function baselineCreate(concurrency: number): Promise<number> {
  const db = getDb();
  const s = await insertService(db, { id: `base${Date.now() % 100000}`, name: '기준선', languages: ['ko'] });
  await fiftyTriggers(s.id);
  const sys = await db
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, s.id), inArray(fields.code, ['name', 'mail'])));
  const create = (i: number) =>
    db.transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'email',
        language: 'ko',
        subject: `결제 오류 문의 ${i}`,
        content: body(i),
        intakeTypeId: null,
        entries: [
          { field: sys.find((f) => f.code === 'name')!, value: `고객 ${i}` },
          { field: sys.find((f) => f.code === 'mail')!, value: `c${i}@customer.test` },
        ],
        actor: { type: 'customer', name: `고객 ${i}` },
        mailMessageId: `<base-${i}-${randomUUID()}@customer.test>`,
        mailThreadId: `<base-${i}@customer.test>`,
      }),
    );
  for (let i = 0; i < 20; i++) await create(-i - 1);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < N) await create(next++);
    }),
  );
  const rate = N / ((performance.now() - t0) / 1000);
  console.log(
    `baseline: ${N} of the same tickets through createTicket directly, ${concurrency} at a time, 50 active triggers = ${rate.toFixed(0)} tickets/s`,
  );
  return rate;
}

async function benchSmtp() {
  const db = getDb();
  const s = await insertService(db, { id: `smtp${Date.now() % 100000}`, name: 'SMTP 벤치', languages: ['ko'] });
  await fiftyTriggers(s.id);
  const receiver = await startSmtpReceiver({ db: getDb, domain, port: 0, host: '127.0.0.1' });
  // The sending MTA's side: 8 pooled connections with Nagle off (as the worker sends), so a mail's
  // closing `.` is not held back 40 ms waiting for the receiver's delayed ACK of the body: that
  // would measure the client, not the receiver.
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: receiver.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 8,
    maxMessages: Infinity,
    getSocket: noDelaySocket,
  });
  for (let i = 0; i < 20; i++) await transport.sendMail(mail(-i - 1, `${s.id}@${domain}`));
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < N) await transport.sendMail(mail(next++, `${s.id}@${domain}`));
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  transport.close();
  await receiver.close();
  const made = await ticketCount(s.id);
  const base = await baselineCreate(8);
  console.log(
    `inbound SMTP: ${N} mails → ${made - 20} tickets committed in ${secs.toFixed(1)} s = ${(N / secs).toFixed(0)} mails/s (50 active triggers, 8 connections) = ${((N / secs / base) * 100).toFixed(0)} % of the createTicket baseline — budget ≥ 100/s`,
  );
}

async function benchImap() {
  const db = getDb();
  const dovecot = await startDovecot();
  try {
    await dovecot.addUser('bench', 'pw');
    await new Promise((r) => setTimeout(r, 1100));
    const c = new ImapFlow({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      auth: { user: 'bench', pass: 'pw' },
      logger: false,
    });
    await c.connect();
    for (let i = 0; i < N; i++)
      await c.append(
        'INBOX',
        await new (await import('nodemailer/lib/mail-composer')).default(mail(i, 'cs@shop.test')).compile().build(),
      );
    await c.logout();
    const s = await insertService(db, { id: `imap${Date.now() % 100000}`, name: 'IMAP 벤치', languages: ['ko'] });
    await fiftyTriggers(s.id);
    const id = randomUUID();
    process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';
    await db.insert(mailAccounts).values({
      id,
      serviceId: s.id,
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      username: 'bench',
      passwordSealed: sealPassword(id, 'pw'),
    });
    const t0 = performance.now();
    let imported = 0;
    for (;;) {
      const r = await pollAccount(db, id);
      if (r.error) throw new Error(r.error);
      imported += r.imported;
      if (!r.imported) break;
    }
    const secs = (performance.now() - t0) / 1000;
    // The poller imports a chunk's new mails in 4 transactions side by side (numbered in UID order
    // beforehand), so the comparable ticket path is createTicket 4 at a time; one at a time beside it.
    const seq = await baselineCreate(1);
    const base = await baselineCreate(4);
    const rate = imported / secs;
    console.log(
      `inbound IMAP: ${imported} mails imported and flagged \\Seen in ${secs.toFixed(1)} s = ${rate.toFixed(0)} mails/s (one account, 200 per poll, 50 per FETCH fetched and parsed ahead, new mails numbered in UID order and imported 4 transactions side by side, 50 active triggers) = ${((rate / seq) * 100).toFixed(0)} % of createTicket one at a time, ${((rate / base) * 100).toFixed(0)} % of 4 at a time — budget ≥ 100/s`,
    );
  } finally {
    await dovecot.stop();
  }
}

async function main() {
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  const dbName = `contactdesk_bench_mail_${Date.now()}`;
  if (process.env.BENCH_DATABASE_URL) {
    process.env.DATABASE_URL = await ensureDatabase(process.env.BENCH_DATABASE_URL, dbName);
  } else {
    const dir = path.join('.data', 'bench-mail');
    fs.rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres(dir, { quiet: true });
    process.env.DATABASE_URL = await ensureDatabase(embedded.url, 'contactdesk');
  }
  await runMigrations(process.env.DATABASE_URL);
  process.env.MAIL_DOMAIN = domain;
  process.env.MAIL_DIR = path.join(os.tmpdir(), `cd-bench-mail-${process.pid}`);
  process.env.APP_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
  console.log(
    `[bench:mail] ${N} mails per figure, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    const only = process.env.BENCH_ONLY?.split(',');
    if (!only || only.includes('smtp')) await benchSmtp();
    if (!only || only.includes('imap')) await benchImap();
    if (!only || only.includes('outbox')) await benchOutbox(N);
  } finally {
    await closeDb();
    await embedded?.stop();
    if (process.env.BENCH_DATABASE_URL) {
      const admin = new Client({ connectionString: process.env.BENCH_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
    }
    fs.rmSync(process.env.MAIL_DIR!, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
