import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { mailAccounts, ticketMessages, tickets } from '@/db/schema';
import { startWorker } from '@/lib/jobs/worker';
import { QUEUES } from '@/lib/jobs/queues';
import { pollAccount, sealPassword } from '@/lib/mail/receivers/imap-poll';
import { startSmtpReceiver, type SmtpReceiver } from '@/lib/mail/receivers/smtp-receiver';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { startDovecot, type Dovecot } from '../helpers/dovecot';
import { rawMail } from '../helpers/raw-mail';

const db = setupTestDb();
process.env.MAIL_DOMAIN = 'desk.test';
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';
let receiver: SmtpReceiver;
let dovecot: Dovecot;
beforeAll(async () => {
  receiver = await startSmtpReceiver({ db, domain: 'desk.test', port: 0, host: '127.0.0.1' });
  dovecot = await startDovecot();
}, 30000);
afterAll(async () => {
  await receiver?.close();
  await dovecot?.stop();
  delete process.env.MAIL_DOMAIN;
});

const ticketsOf = (serviceId: string) =>
  db().select().from(tickets).where(eq(tickets.serviceId, serviceId)).orderBy(tickets.number);
const client = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: receiver.port, secure: false, ignoreTLS: true });

describe('the built-in SMTP receiver', () => {
  it('turns a mail to {serviceId}@MAIL_DOMAIN into a ticket, answering 250 after the commit', async () => {
    const s = await makeService(db());
    const info = await client().sendMail({
      from: '"박고객" <park@customer.test>',
      to: `${s.id}@DESK.test`,
      subject: '영수증 재발급',
      text: '영수증 다시 보내 주세요',
    });
    expect(info.response).toMatch(/^250/);
    const [t] = await ticketsOf(s.id);
    expect(t).toMatchObject({
      channel: 'email',
      subject: '영수증 재발급',
      requesterEmail: 'park@customer.test',
      requesterName: '박고객',
    });
  });

  it('refuses unknown recipients and other domains at RCPT with 550, and writes nothing', async () => {
    const s = await makeService(db());
    await expect(
      client().sendMail({ from: 'a@customer.test', to: 'no-such-service@desk.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('5.1.1') });
    await expect(
      client().sendMail({ from: 'a@customer.test', to: `${s.id}@elsewhere.test`, subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('5.7.1') });
    await expect(
      client().sendMail({ from: 'a@customer.test', to: '"x\r\nBcc: y"@desk.test', subject: 'x', text: 'x' }),
    ).rejects.toBeTruthy();
    expect(await ticketsOf(s.id)).toEqual([]);
  });

  it('refuses a 30 MB mail with 552 and keeps serving', async () => {
    const s = await makeService(db());
    const big = Buffer.alloc(30 * 1024 * 1024, 'a');
    await expect(
      client().sendMail({
        from: 'big@customer.test',
        to: `${s.id}@desk.test`,
        subject: '큰 메일',
        text: 'big',
        attachments: [{ filename: 'big.txt', content: big }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    expect(await ticketsOf(s.id)).toEqual([]);
    // A raw DATA over the limit without a declared SIZE is refused at the end of DATA.
    const small = await startSmtpReceiver({ db, domain: 'desk.test', port: 0, host: '127.0.0.1', maxBytes: 1024 });
    try {
      const reply = await rawSmtp(
        small.port,
        ['EHLO t', 'MAIL FROM:<big@customer.test>', `RCPT TO:<${s.id}@desk.test>`, 'DATA'],
        `Subject: x\r\n\r\n${'b'.repeat(4000)}\r\n.\r\n`,
      );
      expect(reply).toMatch(/^552 /m);
    } finally {
      await small.close();
    }
    const ok = await client().sendMail({
      from: 'small@customer.test',
      to: `${s.id}@desk.test`,
      subject: '작은 메일',
      text: 'ok',
    });
    expect(ok.response).toMatch(/^250/);
  }, 60000);

  it('is started by the worker when MAIL_DOMAIN is set', async () => {
    process.env.SMTP_RECEIVER_PORT = '0';
    const w = await startWorker({ schedule: false, supervise: false });
    try {
      expect(w.smtpReceiver?.port).toBeGreaterThan(0);
    } finally {
      await w.stop();
    }
  });
});

/** Speaks SMTP line by line (no client-side checks), then sends `data`; returns the transcript. */
async function rawSmtp(port: number, lines: string[], data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = '';
    let step = -1;
    sock.on('data', (d) => {
      out += d.toString();
      if (!/\r\n$/.test(out) || /^\d{3}-/m.test(out.split('\r\n').filter(Boolean).pop() ?? '')) return;
      step++;
      if (step < lines.length) sock.write(`${lines[step]}\r\n`);
      else if (step === lines.length) sock.write(data);
      else {
        sock.end('QUIT\r\n');
        resolve(out);
      }
    });
    sock.on('error', reject);
  });
}

async function account(serviceId: string, user: string, over: Partial<typeof mailAccounts.$inferInsert> = {}) {
  const id = randomUUID();
  await dovecot.addUser(user, 'pw-right');
  // dovecot re-reads its passwd-file by mtime (1 s resolution): let a new user become visible.
  await new Promise((r) => setTimeout(r, 1100));
  await db()
    .insert(mailAccounts)
    .values({
      id,
      serviceId,
      host: dovecot.host,
      port: dovecot.port,
      tls: false,
      username: user,
      passwordSealed: sealPassword(id, 'pw-right'),
      ...over,
    });
  return id;
}

async function mailbox(user: string) {
  const c = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user, pass: 'pw-right' },
    logger: false,
  });
  await c.connect();
  return c;
}

const accountRow = async (id: string) => (await db().select().from(mailAccounts).where(eq(mailAccounts.id, id)))[0];

describe('IMAP accounts (dovecot)', () => {
  it('imports new mail in UID order, commits before marking it seen, and imports nothing twice', async () => {
    const s = await makeService(db());
    const id = await account(s.id, `seen${Date.now()}`);
    const user = (await accountRow(id)).username;
    const box = await mailbox(user);
    try {
      for (const n of [1, 2, 3])
        await box.append(
          'INBOX',
          await rawMail({
            from: `c${n}@customer.test`,
            to: 'cs@shop.test',
            subject: `문의 ${n}`,
            text: `본문 ${n}`,
            messageId: `<seen-${n}-${id}@customer.test>`,
          }),
        );
      expect(await pollAccount(db(), id)).toEqual({ imported: 3, error: null });
      expect((await ticketsOf(s.id)).map((t) => t.subject)).toEqual(['문의 1', '문의 2', '문의 3']);
      const flags = [];
      await box.mailboxOpen('INBOX');
      for await (const m of box.fetch('1:*', { flags: true, uid: true })) flags.push(m.flags?.has('\\Seen'));
      expect(flags).toEqual([true, true, true]);
      expect(await accountRow(id)).toMatchObject({ lastUid: 3, lastError: null, failures: 0 });
      expect(await pollAccount(db(), id)).toEqual({ imported: 0, error: null });
      await box.append(
        'INBOX',
        await rawMail({
          from: 'c4@customer.test',
          to: 'cs@shop.test',
          subject: '문의 4',
          text: '본문 4',
          messageId: `<seen-4-${id}@customer.test>`,
        }),
      );
      expect(await pollAccount(db(), id)).toEqual({ imported: 1, error: null });
      expect(await ticketsOf(s.id)).toHaveLength(4);
    } finally {
      await box.logout();
    }
  });

  it('imports a batch several mails at a time, yet a reply in the same batch joins the ticket of the mail it answers', async () => {
    const s = await makeService(db());
    const id = await account(s.id, `batch${Date.now()}`);
    const box = await mailbox((await accountRow(id)).username);
    try {
      const first = `<batch-first-${id}@customer.test>`;
      await box.append(
        'INBOX',
        await rawMail({
          from: 'a@customer.test',
          to: 'cs@shop.test',
          subject: '첫 문의',
          text: '처음',
          messageId: first,
        }),
      );
      await box.append(
        'INBOX',
        await rawMail({
          from: 'a@customer.test',
          to: 'cs@shop.test',
          subject: 'Re: 첫 문의',
          text: '추가 내용',
          messageId: `<batch-reply-${id}@customer.test>`,
          inReplyTo: first,
          references: [first],
        }),
      );
      for (const n of [1, 2, 3, 4, 5, 6])
        await box.append(
          'INBOX',
          await rawMail({
            from: `n${n}@customer.test`,
            to: 'cs@shop.test',
            subject: `새 문의 ${n}`,
            text: `본문 ${n}`,
            messageId: `<batch-${n}-${id}@customer.test>`,
          }),
        );
      expect(await pollAccount(db(), id)).toEqual({ imported: 8, error: null });
      const list = await ticketsOf(s.id);
      expect(list).toHaveLength(7);
      const firstTicket = list.find((t) => t.subject === '첫 문의')!;
      const msgs = await db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, firstTicket.id));
      expect(msgs.map((m) => m.kind).sort()).toEqual(['customer_reply', 'inquiry']);
      expect(await accountRow(id)).toMatchObject({ lastUid: 8, lastError: null });
    } finally {
      await box.logout();
    }
  });

  it('deletes imported mail when the account says so', async () => {
    const s = await makeService(db());
    const id = await account(s.id, `del${Date.now()}`, { afterImport: 'delete' });
    const box = await mailbox((await accountRow(id)).username);
    try {
      await box.append(
        'INBOX',
        await rawMail({
          from: 'd@customer.test',
          to: 'cs@shop.test',
          subject: '삭제',
          text: 'x',
          messageId: `<del-${id}@customer.test>`,
        }),
      );
      expect(await pollAccount(db(), id)).toMatchObject({ imported: 1 });
      const opened = await box.mailboxOpen('INBOX');
      expect(opened.exists).toBe(0);
    } finally {
      await box.logout();
    }
  });

  it('survives a UIDVALIDITY change without duplicates or losses', async () => {
    const s = await makeService(db());
    const id = await account(s.id, `uv${Date.now()}`);
    const user = (await accountRow(id)).username;
    let box = await mailbox(user);
    const old = await rawMail({
      from: 'u@customer.test',
      to: 'cs@shop.test',
      subject: '예전 메일',
      text: 'x',
      messageId: `<uv-old-${id}@customer.test>`,
    });
    await box.mailboxCreate('Support');
    await box.append('Support', old);
    await db().update(mailAccounts).set({ folder: 'Support' }).where(eq(mailAccounts.id, id));
    expect(await pollAccount(db(), id)).toMatchObject({ imported: 1 });
    const before = (await accountRow(id)).uidValidity;
    // The folder is recreated (new UIDVALIDITY, UIDs from 1 again) holding the old mail and a new one.
    await box.mailboxDelete('Support');
    await box.logout();
    await new Promise((r) => setTimeout(r, 1100));
    box = await mailbox(user);
    try {
      await box.mailboxCreate('Support');
      await box.append('Support', old);
      await box.append(
        'Support',
        await rawMail({
          from: 'u@customer.test',
          to: 'cs@shop.test',
          subject: '새 메일',
          text: 'y',
          messageId: `<uv-new-${id}@customer.test>`,
        }),
      );
      const r = await pollAccount(db(), id);
      expect(r.error).toBeNull();
      expect((await accountRow(id)).uidValidity).not.toBe(before);
      expect((await ticketsOf(s.id)).map((t) => t.subject)).toEqual(['예전 메일', '새 메일']);
    } finally {
      await box.logout();
    }
  });

  it('records a wrong password, a host that does not answer and one that answers garbage as account errors, with backoff', async () => {
    const s = await makeService(db());
    const wrong = await account(s.id, `pw${Date.now()}`);
    await db()
      .update(mailAccounts)
      .set({ passwordSealed: sealPassword(wrong, 'pw-wrong') })
      .where(eq(mailAccounts.id, wrong));
    expect(await pollAccount(db(), wrong)).toEqual({ imported: 0, error: 'auth_failed' });
    const row = await accountRow(wrong);
    expect(row).toMatchObject({ lastError: 'auth_failed', failures: 1 });
    expect(row.nextPollAt.getTime()).toBeGreaterThan(Date.now() + 30_000);

    const garbage = net.createServer((sock) => sock.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', () => r()));
    const g = await account(s.id, `g${Date.now()}`, { port: (garbage.address() as net.AddressInfo).port });
    const gr = await pollAccount(db(), g);
    expect(gr.error).toBeTruthy();
    garbage.close();

    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const q = await account(s.id, `q${Date.now()}`, { port: (silent.address() as net.AddressInfo).port });
    const started = Date.now();
    const qr = await pollAccount(db(), q);
    expect(qr.error).toBeTruthy();
    expect(Date.now() - started).toBeLessThan(15_000);
    silent.close();

    const blocked = await account(s.id, `b${Date.now()}`, { host: '10.0.0.1' });
    expect(await pollAccount(db(), blocked)).toEqual({ imported: 0, error: 'address_blocked' });
    expect(await ticketsOf(s.id)).toEqual([]);
  }, 60000);

  it('is polled by a pg-boss job per account', async () => {
    const s = await makeService(db());
    const id = await account(s.id, `job${Date.now()}`);
    const box = await mailbox((await accountRow(id)).username);
    await box.append(
      'INBOX',
      await rawMail({
        from: 'j@customer.test',
        to: 'cs@shop.test',
        subject: '잡',
        text: 'x',
        messageId: `<job-${id}@customer.test>`,
      }),
    );
    await box.logout();
    const w = await startWorker({ schedule: false, supervise: false, smtpReceiver: false });
    try {
      await w.boss.send(QUEUES.mailPollSweep.name, {});
      const end = Date.now() + 20000;
      while (!(await ticketsOf(s.id)).length && Date.now() < end) await new Promise((r) => setTimeout(r, 300));
      expect(await ticketsOf(s.id)).toHaveLength(1);
      expect(
        (
          await db()
            .select()
            .from(ticketMessages)
            .where(eq(ticketMessages.mailMessageId, `<job-${id}@customer.test>`))
        ).length,
      ).toBe(1);
    } finally {
      await w.stop();
    }
  }, 40000);
});
