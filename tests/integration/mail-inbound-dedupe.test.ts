import { eq } from 'drizzle-orm';
import { triggerDeliveries } from '@/db/schema';
import { importMail, importParsedMails } from '@/lib/mail/inbound/import-mail';
import { parseInbound } from '@/lib/mail/inbound/parse';
import { setupTestDb } from '../helpers/db';
import { mailInboundDesk } from '../helpers/mail-inbound';
import { rawMail } from '../helpers/raw-mail';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { setup, ticketsOf, messagesOf, mid } = mailInboundDesk(db);

describe('a new mail', () => {
  it('imports the same Message-ID once, also when two receivers deliver it at the same moment', async () => {
    const { s } = await setup();
    const raw = await rawMail({
      from: 'dup@customer.test',
      to: `${s.id}@desk.test`,
      subject: '중복',
      text: '한 번만',
      messageId: mid(),
    });
    const results = await Promise.all([
      importMail(db(), s.id, raw),
      importMail(db(), s.id, raw),
      importMail(db(), s.id, raw),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    expect(await importMail(db(), s.id, raw)).toEqual({ outcome: 'duplicate' });
    expect(await ticketsOf(s.id)).toHaveLength(1);
  });

  it('imports a run of mails in one transaction (IMAP): in order, each Message-ID once, a reply joining the mail before it', async () => {
    const { s } = await setup();
    const first = mid();
    const old = await rawMail({
      from: 'old@customer.test',
      to: 'cs@shop.test',
      subject: '예전',
      text: '이미',
      messageId: mid(),
    });
    await importMail(db(), s.id, old);
    const raws = [
      old,
      await rawMail({ from: 'a@customer.test', to: 'cs@shop.test', subject: '첫째', text: '1', messageId: first }),
      await rawMail({ from: 'b@customer.test', to: 'cs@shop.test', subject: '둘째', text: '2', messageId: mid() }),
      await rawMail({
        from: 'a@customer.test',
        to: 'cs@shop.test',
        subject: 'Re: 첫째',
        text: '추가',
        messageId: mid(),
        inReplyTo: first,
        references: [first],
      }),
      await rawMail({
        from: 'mailer-daemon@mx.test',
        to: 'cs@shop.test',
        subject: 'Undelivered',
        text: 'bounce',
        messageId: mid(),
      }),
    ];
    raws.push(raws[2]);
    const mails = await Promise.all(raws.map((r) => parseInbound(r, 'desk.test')));
    const out = await importParsedMails(db(), s.id, mails);
    expect(out.map((o) => o.outcome)).toEqual([
      'duplicate',
      'created',
      'created',
      'appended',
      'suppressed',
      'duplicate',
    ]);
    const list = (await ticketsOf(s.id)).sort((x, y) => x.number - y.number);
    expect(list.map((t) => t.subject)).toEqual(['예전', '첫째', '둘째']);
    const msgs = await messagesOf(list[1].id);
    expect(msgs.map((m) => m.kind)).toEqual(['inquiry', 'customer_reply']);
  });

  it('creates and sends nothing for auto-replies, vacation notices, bounces and our own mails coming back', async () => {
    const { s } = await setup();
    const to = `${s.id}@desk.test`;
    const cases = [
      await rawMail({
        from: 'a@customer.test',
        to,
        subject: '부재중',
        text: '휴가',
        messageId: mid(),
        headers: { 'Auto-Submitted': 'auto-replied' },
      }),
      await rawMail({
        from: 'b@customer.test',
        to,
        subject: 'Out of office',
        text: 'away',
        messageId: mid(),
        headers: { Precedence: 'auto_reply' },
      }),
      await rawMail({
        from: 'c@customer.test',
        to,
        subject: 'Auto',
        text: 'x',
        messageId: mid(),
        headers: { 'X-Autoreply': 'yes' },
      }),
      await rawMail({
        from: 'd@customer.test',
        to,
        subject: 'OOF',
        text: 'x',
        messageId: mid(),
        headers: { 'X-Auto-Response-Suppress': 'All' },
      }),
      await rawMail({
        from: 'MAILER-DAEMON@mx.customer.test',
        to,
        subject: 'Undelivered Mail Returned to Sender',
        text: 'bounce',
        messageId: mid(),
      }),
      await rawMail({
        from: 'postmaster@customer.test',
        to,
        subject: 'Delivery Status Notification',
        text: 'bounce',
        messageId: mid(),
      }),
      await rawMail({ from: 'e@customer.test', to, subject: '[#1] loop', text: 'x', messageId: '<abc@desk.test>' }),
    ];
    const out = [];
    for (const raw of cases) out.push(await importMail(db(), s.id, raw));
    expect(out.map((o) => o.outcome)).toEqual(Array(cases.length).fill('suppressed'));
    expect(await ticketsOf(s.id)).toHaveLength(0);
    expect(await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.serviceId, s.id))).toHaveLength(0);
  });
});
