import { eq } from 'drizzle-orm';
import { mailAccounts, ticketMessages, tickets } from '@/db/schema';
import { pollAccount } from '@/lib/mail/receivers/imap-poll';
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
const messagesOf = (ticketId: string) =>
  db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.createdAt);
const newMail = (id: string, n: number) =>
  rawMail({
    from: `n${n}@customer.test`,
    to: 'cs@shop.test',
    subject: `새 문의 ${n}`,
    text: `본문 ${n}`,
    messageId: `<batch-${n}-${id}@customer.test>`,
  });

describe('IMAP batches (dovecot)', () => {
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

  it('numbers a batch in UID order while new mails are imported side by side; a reply, a [#n] tag, a re-delivery and an auto-reply in between keep their meaning', async () => {
    const s = await makeService(db());
    const id = await account(s.id, `lanes${Date.now()}`);
    const box = await mailbox((await accountRow(id)).username);
    const fresh = [...Array(12).keys()]
      .map((i) => i + 1)
      .concat([14, 15, 16, 17, 18, 19, 20, 24, 25, 26, 27, 28, 29, 30]);
    try {
      for (let uid = 1; uid <= 30; uid++) {
        let raw: Buffer;
        if (fresh.includes(uid)) raw = await newMail(id, uid);
        else if (uid === 13)
          raw = await rawMail({
            from: 'n5@customer.test',
            to: 'cs@shop.test',
            subject: 'Re: 새 문의 5',
            text: '답장',
            messageId: `<lanes-reply-${id}@customer.test>`,
            inReplyTo: `<batch-5-${id}@customer.test>`,
            references: [`<batch-5-${id}@customer.test>`],
          });
        else if (uid === 21)
          // A fresh service numbers from 1, and UID 2 is its second ticket.
          raw = await rawMail({
            from: 'n2@customer.test',
            to: 'cs@shop.test',
            subject: '[#2] 추가 문의',
            text: '태그로 답장',
            messageId: `<lanes-tag-${id}@customer.test>`,
          });
        else if (uid === 22) raw = await newMail(id, 3);
        else
          raw = await rawMail({
            from: 'robot@customer.test',
            to: 'cs@shop.test',
            subject: '부재중',
            text: '자동 응답',
            messageId: `<lanes-auto-${id}@customer.test>`,
            headers: { 'Auto-Submitted': 'auto-replied' },
          });
        await box.append('INBOX', raw);
      }
      expect(await pollAccount(db(), id)).toEqual({ imported: 30, error: null });
      const list = await ticketsOf(s.id);
      // Every new mail is a ticket, numbered as the mails arrived, with no number spent on the re-delivery or the auto-reply.
      expect(list.map((t) => t.subject)).toEqual(fresh.map((n) => `새 문의 ${n}`));
      expect(list.map((t) => t.number)).toEqual(fresh.map((_, i) => i + 1));
      const byNumber = (n: number) => list.find((t) => t.number === n)!;
      expect((await messagesOf(byNumber(5).id)).map((m) => [m.kind, m.body])).toEqual([
        ['inquiry', '본문 5'],
        ['customer_reply', '답장'],
      ]);
      expect((await messagesOf(byNumber(2).id)).map((m) => m.kind)).toEqual(['inquiry', 'customer_reply']);
      expect((await messagesOf(byNumber(3).id)).map((m) => m.kind)).toEqual(['inquiry']);
      expect(await accountRow(id)).toMatchObject({ lastUid: 30, lastError: null, failures: 0 });
    } finally {
      await box.logout();
    }
  }, 60000);

  it('reads a mailbox again without spending ticket numbers on the mails already imported', async () => {
    const s = await makeService(db());
    const id = await account(s.id, `again${Date.now()}`);
    const box = await mailbox((await accountRow(id)).username);
    try {
      for (const n of [1, 2, 3, 4, 5]) await box.append('INBOX', await newMail(id, n));
      expect(await pollAccount(db(), id)).toEqual({ imported: 5, error: null });
      // As after a UIDVALIDITY change: the cursor starts over and every mail is fetched again.
      await db().update(mailAccounts).set({ lastUid: 0 }).where(eq(mailAccounts.id, id));
      expect(await pollAccount(db(), id)).toEqual({ imported: 5, error: null });
      await box.append('INBOX', await newMail(id, 6));
      expect(await pollAccount(db(), id)).toEqual({ imported: 1, error: null });
      expect((await ticketsOf(s.id)).map((t) => [t.number, t.subject])).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => [n, `새 문의 ${n}`]),
      );
    } finally {
      await box.logout();
    }
  }, 30000);
});
