import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { ticketAttachments } from '@/db/schema';
import { importMail } from '@/lib/mail/inbound/import-mail';
import { setupTestDb } from '../helpers/db';
import { mailInboundDesk } from '../helpers/mail-inbound';
import { iso2022kr, legacyMail, rawMail } from '../helpers/raw-mail';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { setup, ticketsOf, messagesOf, mid } = mailInboundDesk(db);

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
