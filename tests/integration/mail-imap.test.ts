import net from 'node:net';
import { eq } from 'drizzle-orm';
import { mailAccounts, ticketMessages, tickets } from '@/db/schema';
import { startWorker } from '@/lib/jobs/worker';
import { QUEUES } from '@/lib/jobs/queues';
import { pollAccount, sealPassword } from '@/lib/mail/receivers/imap-poll';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { imapAccounts } from '../helpers/imap-account';
import { rawMail } from '../helpers/raw-mail';

const db = setupTestDb();
process.env.MAIL_DOMAIN = 'desk.test';
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';
afterAll(() => {
  delete process.env.MAIL_DOMAIN;
});
const { account, mailbox, accountRow } = imapAccounts(db);

const ticketsOf = (serviceId: string) =>
  db().select().from(tickets).where(eq(tickets.serviceId, serviceId)).orderBy(tickets.number);

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
