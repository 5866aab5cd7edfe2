import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import {
  ticketAttachments,
  ticketHistory,
  ticketMessages,
  tickets,
  triggerDeliveries,
  triggerFirings,
} from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { importMail, importParsedMails } from '@/lib/mail/inbound/import-mail';
import { parseInbound } from '@/lib/mail/inbound/parse';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { iso2022kr, legacyMail, rawMail } from '../helpers/raw-mail';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
process.env.MAIL_DOMAIN = 'desk.test';
afterAll(() => {
  delete process.env.MAIL_DOMAIN;
});

async function setup() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin', {}, { name: '김상담' });
  signInAs(asSessionMember(member));
  return { s, member };
}
const ticketsOf = (serviceId: string) => db().select().from(tickets).where(eq(tickets.serviceId, serviceId));
const messagesOf = (ticketId: string) =>
  db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.createdAt);
let seq = 0;
const mid = () => `<m${Date.now()}.${++seq}@customer.test>`;

describe('a new mail', () => {
  it('becomes an email ticket with the sender as requester and its attachments under their names', async () => {
    const { s } = await setup();
    const raw = await rawMail({
      from: '"홍길동" <Hong@Customer.test>',
      to: `${s.id}@desk.test`,
      subject: '환불 요청드립니다',
      text: '지난주 주문한 상품 환불 부탁드립니다.',
      messageId: mid(),
      attachments: [
        { filename: '영수증.pdf', content: Buffer.from('%PDF-1.4 receipt') },
        { filename: 'virus.exe', content: Buffer.from('MZ....') },
      ],
    });
    const r = await importMail(db(), s.id, raw);
    expect(r).toMatchObject({ outcome: 'created', number: 1 });
    const [t] = await ticketsOf(s.id);
    expect(t).toMatchObject({
      channel: 'email',
      subject: '환불 요청드립니다',
      requesterName: '홍길동',
      requesterEmail: 'hong@customer.test',
      status: 'new',
    });
    expect(t.content).toContain('지난주 주문한 상품 환불 부탁드립니다.');
    expect(t.content).toContain('virus.exe');
    const files = await db().select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, t.id));
    expect(files.map((f) => f.fileName)).toEqual(['영수증.pdf']);
  });

  it('shows an HTML-only mail as sanitized text: no script, no markup', async () => {
    const { s } = await setup();
    await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'a@customer.test',
        to: `${s.id}@desk.test`,
        subject: 'html',
        html: '<p>안녕하세요<script>alert(1)</script></p><img src=x onerror=alert(2)><b>굵게</b>',
        messageId: mid(),
      }),
    );
    const [t] = await ticketsOf(s.id);
    expect(t.content).toContain('안녕하세요');
    expect(t.content).toContain('굵게');
    expect(t.content).not.toMatch(/script|alert|<|onerror/);
  });

  it('decodes EUC-KR, CP949 (ks_c_5601-1987) and ISO-2022-KR bodies and encoded-word subjects', async () => {
    const { s } = await setup();
    const subject = '배송 문의 드립니다';
    const body = '주문번호 12345 상품이 아직 도착하지 않았습니다. 똠방각하 뷁';
    await importMail(
      db(),
      s.id,
      legacyMail({
        charset: 'EUC-KR',
        from: 'euc@customer.test',
        to: `${s.id}@desk.test`,
        subject: iconv.encode(subject, 'euc-kr'),
        body: iconv.encode('안녕하세요. 배송 확인 부탁드립니다.', 'euc-kr'),
        messageId: mid(),
      }),
    );
    await importMail(
      db(),
      s.id,
      legacyMail({
        charset: 'ks_c_5601-1987',
        from: 'cp949@customer.test',
        to: `${s.id}@desk.test`,
        subject: iconv.encode(subject, 'cp949'),
        body: iconv.encode(body, 'cp949'),
        messageId: mid(),
        transfer: 'base64',
      }),
    );
    await importMail(
      db(),
      s.id,
      legacyMail({
        charset: 'ISO-2022-KR',
        from: 'iso@customer.test',
        to: `${s.id}@desk.test`,
        subject: iso2022kr(subject),
        body: iso2022kr('안녕하세요.\r\n배송 확인 부탁드립니다.\r\n'),
        messageId: mid(),
        transfer: '7bit',
      }),
    );
    const rows = await ticketsOf(s.id);
    const by = (mail: string) => rows.find((r) => r.requesterEmail === mail)!;
    expect(by('euc@customer.test')).toMatchObject({ subject, content: '안녕하세요. 배송 확인 부탁드립니다.' });
    expect(by('cp949@customer.test')).toMatchObject({ subject, content: body });
    expect(by('iso@customer.test').subject).toBe(subject);
    expect(by('iso@customer.test').content).toBe('안녕하세요.\n배송 확인 부탁드립니다.');
  });

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

  it('survives malformed MIME without a crash or a half-written ticket', async () => {
    const { s } = await setup();
    const broken = Buffer.from(
      'From: x@customer.test\r\nSubject: =?utf-8?B?####?=\r\nContent-Type: multipart/mixed; boundary="nope"\r\nMessage-ID: <broken@customer.test>\r\n\r\n--wrong\r\nContent-Type: text/plain; charset=unknown-9\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64\r\n',
    );
    const r = await importMail(db(), s.id, broken);
    expect(['created', 'suppressed']).toContain(r.outcome);
    const rows = await ticketsOf(s.id);
    for (const t of rows) expect((await messagesOf(t.id)).length).toBe(1);
    expect(await importMail(db(), s.id, Buffer.from(''))).toMatchObject({ outcome: 'suppressed', reason: 'bounce' });
  });
});

describe('a reply', () => {
  it('by In-Reply-To to our reply is added to the same ticket, re-opens it and fires 고객 답변 triggers', async () => {
    const { s } = await setup();
    const r = await createTriggerAction(null, {
      serviceId: s.id,
      title: '고객 답변 알림',
      conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'customer_reply' }],
      results: [{ type: 'callback', url: 'https://hooks.example.com/reply' }],
    });
    expect(r).toMatchObject({ ok: true });
    await importMail(
      db(),
      s.id,
      await rawMail({
        from: '홍길동 <hong@customer.test>',
        to: `${s.id}@desk.test`,
        subject: '환불',
        text: '환불해 주세요',
        messageId: mid(),
      }),
    );
    const [t] = await ticketsOf(s.id);
    await processTicketAction(null, {
      serviceId: s.id,
      ticketId: t.id,
      version: t.version,
      action: 'solve',
      body: '환불 처리했습니다.',
    });
    const [ours] = (await messagesOf(t.id)).filter((m) => m.kind === 'agent_reply');
    expect((await ticketsOf(s.id))[0].status).toBe('solved');
    const again = await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'hong@customer.test',
        to: `${s.id}@desk.test`,
        subject: `Re: [#${t.number}] Re: 환불`,
        text: '아직 안 들어왔어요',
        messageId: mid(),
        inReplyTo: ours.mailMessageId!,
        references: [t.mailThreadId!, ours.mailMessageId!],
      }),
    );
    expect(again).toEqual({ outcome: 'appended', ticketId: t.id, number: t.number });
    const [after] = await ticketsOf(s.id);
    expect(after.status).toBe('open');
    const msgs = await messagesOf(t.id);
    expect(msgs.map((m) => m.kind)).toEqual(['inquiry', 'agent_reply', 'customer_reply']);
    expect(msgs[2].body).toBe('아직 안 들어왔어요');
    const h = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, t.id), eq(ticketHistory.action, 'customer_reply')));
    expect(h).toHaveLength(1);
    expect(await db().select().from(triggerFirings).where(eq(triggerFirings.ticketId, t.id))).toHaveLength(1);
  });

  it('by the [#ticketNo] subject tag alone is added when it comes from the requester, and starts a new ticket otherwise', async () => {
    const { s } = await setup();
    await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'kim@customer.test',
        to: `${s.id}@desk.test`,
        subject: '교환',
        text: '교환 원해요',
        messageId: mid(),
      }),
    );
    const [t] = await ticketsOf(s.id);
    await db().update(tickets).set({ status: 'pending' }).where(eq(tickets.id, t.id));
    const own = await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'KIM@customer.test',
        to: `${s.id}@desk.test`,
        subject: `[#${t.number}] 추가 문의`,
        text: '사이즈는 M입니다',
        messageId: mid(),
      }),
    );
    expect(own).toMatchObject({ outcome: 'appended', ticketId: t.id });
    expect((await db().select().from(tickets).where(eq(tickets.id, t.id)))[0].status).toBe('open');
    const stranger = await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'other@customer.test',
        to: `${s.id}@desk.test`,
        subject: `[#${t.number}] 끼어들기`,
        text: '남의 티켓',
        messageId: mid(),
      }),
    );
    expect(stranger).toMatchObject({ outcome: 'created' });
    expect((await messagesOf(t.id)).map((m) => m.kind)).toEqual(['inquiry', 'customer_reply']);
  });

  it('to a ticket of another service is a new ticket there, never added across services', async () => {
    const a = await setup();
    const b = await setup();
    await importMail(
      db(),
      a.s.id,
      await rawMail({
        from: 'x@customer.test',
        to: `${a.s.id}@desk.test`,
        subject: 'A',
        text: 'a',
        messageId: '<root-a@customer.test>',
      }),
    );
    const r = await importMail(
      db(),
      b.s.id,
      await rawMail({
        from: 'x@customer.test',
        to: `${b.s.id}@desk.test`,
        subject: 'Re: A [#1]',
        text: 'b',
        messageId: mid(),
        inReplyTo: '<root-a@customer.test>',
      }),
    );
    expect(r).toMatchObject({ outcome: 'created' });
    expect(await ticketsOf(b.s.id)).toHaveLength(1);
    expect((await ticketsOf(a.s.id)).length).toBe(1);
    expect(await messagesOf((await ticketsOf(a.s.id))[0].id)).toHaveLength(1);
  });
});
