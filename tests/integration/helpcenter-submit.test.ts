import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import {
  categories,
  fieldLayouts,
  fields,
  helpcenterFormTokens,
  ticketAttachments,
  ticketFieldValues,
  ticketMessages,
  tickets,
  triggerDeliveries,
} from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { inquiryRefusalText, submitInquiry, SUBMIT_LIMIT } from '@/lib/helpcenter/submit-inquiry';
import { helpcenterTranslator } from '@/lib/i18n/helpcenter';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { drainOutbox, readOutbox, recipients } from '../helpers/mail';
import { senderAddress, serviceSender } from '@/lib/mail/sender';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-hc-'));
process.env.MAIL_DIR = path.join(tmp, 'mail');
process.env.ATTACHMENTS_DIR = path.join(tmp, 'files');
delete process.env.SMTP_URL;

const db = setupTestDb();
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';

let ipSeq = 0;
const freshIp = () => `198.51.100.${++ipSeq}`;

async function category(
  serviceId: string,
  name: string,
  parent: { id: string; path: string } | null = null,
  active = true,
) {
  const id = randomUUID();
  const p = `${parent?.path ?? '/'}${id}/`;
  const [row] = await db()
    .insert(categories)
    .values({
      id,
      serviceId,
      kind: 'intake',
      parentId: parent?.id ?? null,
      path: p,
      depth: p.split('/').length - 2,
      name,
      names: { ko: name },
      active,
    })
    .returning();
  return row;
}

/** A service with 결제 (own layout adding a required 결제수단 dropdown and a 결제일 date) › 환불 (inherits), and an inactive type. */
async function setup() {
  const s = await makeService(db());
  const pay = await category(s.id, '결제');
  const refund = await category(s.id, '환불', pay);
  const off = await category(s.id, '비활성', null, false);
  const underOff = await category(s.id, '비활성하위', off);
  const [method] = await db()
    .insert(fields)
    .values({
      serviceId: s.id,
      audience: 'customer',
      code: 'payMethod',
      type: 'dropdown',
      names: { ko: '결제수단' },
      required: true,
      options: [
        { value: 'card', labels: { ko: '카드' } },
        { value: 'bank', labels: { ko: '계좌이체' } },
      ],
    })
    .returning();
  const [paidOn] = await db()
    .insert(fields)
    .values({ serviceId: s.id, audience: 'customer', code: 'paidOn', type: 'date', names: { ko: '결제일' } })
    .returning();
  const system = await db().select().from(fields).where(eq(fields.serviceId, s.id));
  const id = (code: string) => system.find((f) => f.code === code)!.id;
  const order = ['category', 'subject', 'content', 'name', 'mail', 'attachment'].map(id);
  await db()
    .insert(fieldLayouts)
    .values({
      serviceId: s.id,
      audience: 'customer',
      intakeTypeId: pay.id,
      fieldIds: [...order, method.id, paidOn.id, id('personalAgree')],
    });
  return { s, pay, refund, off, underOff };
}

type Entry = string | string[] | File | File[];
function form(serviceId: string, categoryId: string, over: Record<string, Entry | undefined> = {}): FormData {
  const base: Record<string, Entry | undefined> = {
    _token: issueFormToken(serviceId),
    'f.category': categoryId,
    'f.subject': '결제 취소 문의',
    'f.content': '어제 결제한 주문을 취소하고 싶습니다.',
    'f.name': '홍길동',
    'f.mail': '',
    'f.personalAgree': 'true',
    ...over,
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(base)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  }
  return fd;
}

// The refusal as the form shows it: the action puts its message keys in the page's language.
const submit = async (serviceId: string, fd: FormData, client: { ip?: string; userAgent?: string } = {}) => {
  const r = await submitInquiry(
    { db: db(), client: { ip: client.ip ?? freshIp(), userAgent: client.userAgent ?? DESKTOP } },
    { serviceId, lang: 'ko', form: fd },
  );
  return r.ok ? r : inquiryRefusalText(helpcenterTranslator('ko'), r);
};
type SubmitInquiryResult = Awaited<ReturnType<typeof submit>>;

async function rows(serviceId: string) {
  const n = async (
    t:
      | typeof tickets
      | typeof ticketMessages
      | typeof ticketAttachments
      | typeof ticketFieldValues
      | typeof helpcenterFormTokens,
  ) => (await db().select({ n: count() }).from(t).where(eq(t.serviceId, serviceId)))[0].n;
  return {
    tickets: await n(tickets),
    messages: await n(ticketMessages),
    attachments: await n(ticketAttachments),
    values: await n(ticketFieldValues),
    tokens: await n(helpcenterFormTokens),
  };
}
const NOTHING = { tickets: 0, messages: 0, attachments: 0, values: 0, tokens: 0 };

function refused(r: SubmitInquiryResult) {
  if (r.ok) throw new Error(`expected a refusal, got ticket ${r.number}`);
  return r;
}

const pdf = (name = '영수증.pdf', bytes = 2048) =>
  new File([Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes)])], name, { type: 'application/pdf' });

describe('submitInquiry', () => {
  it('files a Korean inquiry with an attachment as a helpcenter_web ticket in the page language, and mails the number', async () => {
    const { s, pay } = await setup();
    const r = await submit(
      s.id,
      form(s.id, pay.id, {
        'f.payMethod': 'card',
        'f.paidOn': '2026-02-28',
        'f.mail': 'hong@example.com',
        'f.attachment': pdf(),
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.number).toBe(1);
    expect(r.mail).toBe('sent');
    const [t] = await db().select().from(tickets).where(eq(tickets.id, r.ticketId));
    expect(t).toMatchObject({
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '결제 취소 문의',
      intakeTypeId: pay.id,
      requesterName: '홍길동',
      requesterEmail: 'hong@example.com',
      status: 'new',
    });
    const files = await db().select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, r.ticketId));
    expect(files.map((f) => [f.fileName, f.contentType])).toEqual([['영수증.pdf', 'application/pdf']]);
    const values = await db().select().from(ticketFieldValues).where(eq(ticketFieldValues.ticketId, r.ticketId));
    expect(values.length).toBeGreaterThanOrEqual(3);
    const mails = (await (await drainOutbox(db()), await readOutbox(process.env.MAIL_DIR!))).filter((m) =>
      recipients(m).includes('hong@example.com'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('1');
    expect(mails[0].text).toContain('결제 취소 문의');
    // The same sender as the service's replies: the service's name, not "Contact Desk".
    expect(mails[0].from?.value).toEqual([{ name: s.name, address: senderAddress() }]);
    expect((await serviceSender(db(), s.id)).from).toEqual({ name: s.name, address: senderAddress() });
  });

  it('gives phones and tablets the helpcenter_mobile channel', async () => {
    const { s, refund } = await setup();
    const r = await submit(s.id, form(s.id, refund.id, { 'f.payMethod': 'bank' }), { userAgent: IPHONE });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const [t] = await db().select().from(tickets).where(eq(tickets.id, r.ticketId));
    expect(t.channel).toBe('helpcenter_mobile');
  });

  it("validates against the chosen type's own layout and the layout a child inherits", async () => {
    const { s, pay, refund } = await setup();
    for (const type of [pay, refund]) {
      const missing = refused(await submit(s.id, form(s.id, type.id)));
      expect(Object.keys(missing.fieldErrors)).toEqual(['payMethod']);
      const notListed = refused(await submit(s.id, form(s.id, type.id, { 'f.payMethod': 'cash' })));
      expect(notListed.fieldErrors.payMethod).toEqual(['목록에 있는 값을 선택하세요.']);
      const badDate = refused(
        await submit(s.id, form(s.id, type.id, { 'f.payMethod': 'card', 'f.paidOn': '2026-02-30' })),
      );
      expect(Object.keys(badDate.fieldErrors)).toEqual(['paidOn']);
      expect(badDate.values).toMatchObject({ subject: '결제 취소 문의', paidOn: '2026-02-30' });
    }
    expect(await rows(s.id)).toEqual(NOTHING);
  });

  it('refuses every bad input with a field or form message and writes nothing', async () => {
    const { s, pay, off, underOff } = await setup();
    const other = await setup();
    const ok = { 'f.payMethod': 'card' };
    const exe = new File([Buffer.from('MZ\x90\x00\x03\x00\x00\x00rest-of-a-program')], 'invoice.pdf');
    const cases: [string, FormData, (r: Extract<SubmitInquiryResult, { ok: false }>) => void][] = [
      [
        'missing required fields',
        form(s.id, pay.id, { ...ok, 'f.subject': '', 'f.content': ' ', 'f.personalAgree': undefined }),
        (r) => expect(Object.keys(r.fieldErrors).sort()).toEqual(['content', 'personalAgree', 'subject']),
      ],
      ['an unknown intake type', form(s.id, randomUUID(), ok), (r) => expect(r.fieldErrors.category).toBeDefined()],
      [
        'a type id that is no uuid',
        form(s.id, "1' OR '1'='1", ok),
        (r) => expect(r.fieldErrors.category).toBeDefined(),
      ],
      ['an inactive intake type', form(s.id, off.id, ok), (r) => expect(r.fieldErrors.category).toBeDefined()],
      [
        'an active type under an inactive one',
        form(s.id, underOff.id, ok),
        (r) => expect(r.fieldErrors.category).toBeDefined(),
      ],
      [
        "another service's intake type",
        form(s.id, other.pay.id, ok),
        (r) => expect(r.fieldErrors.category).toBeDefined(),
      ],
      [
        'a 100 KB title',
        form(s.id, pay.id, { ...ok, 'f.subject': '가'.repeat(100_000) }),
        (r) => expect(r.fieldErrors.subject).toEqual(['200자 이하로 입력하세요.']),
      ],
      [
        'a 20 MB attachment',
        form(s.id, pay.id, { ...ok, 'f.attachment': new File([Buffer.alloc(20 * 1024 * 1024, 1)], 'big.pdf') }),
        (r) => expect(r.fieldErrors.attachment[0]).toMatch(/^big\.pdf: .*10MB/),
      ],
      [
        'an executable attachment',
        form(s.id, pay.id, { ...ok, 'f.attachment': exe }),
        (r) => expect(r.fieldErrors.attachment[0]).toContain('첨부할 수 없는 파일 형식'),
      ],
      [
        'an .exe by name',
        form(s.id, pay.id, { ...ok, 'f.attachment': new File(['hello'], 'setup.exe') }),
        (r) => expect(r.fieldErrors.attachment).toBeDefined(),
      ],
      [
        'six attachments',
        form(s.id, pay.id, { ...ok, 'f.attachment': Array.from({ length: 6 }, (_, i) => pdf(`f${i}.pdf`)) }),
        (r) => expect(r.fieldErrors.attachment.join()).toContain('5개까지'),
      ],
      [
        'a file under a name the form has no field for',
        form(s.id, pay.id, { ...ok, 'f.subjectFile': pdf() }),
        (r) => expect(r.error).toContain('받을 수 없는 파일'),
      ],
      [
        'a mail address that is none',
        form(s.id, pay.id, { ...ok, 'f.mail': 'a@b@c, victim@example.com' }),
        (r) => expect(r.fieldErrors.mail).toEqual(['올바른 이메일 주소를 입력하세요.']),
      ],
      [
        'a control character in a text field',
        form(s.id, pay.id, { ...ok, 'f.name': 'a\u0000b' }),
        (r) => expect(r.fieldErrors.name).toBeDefined(),
      ],
      ['no form token', form(s.id, pay.id, { ...ok, _token: undefined }), (r) => expect(r.error).toContain('새로고침')],
      [
        'a forged form token',
        form(s.id, pay.id, { ...ok, _token: `${randomUUID()}.9999999999.${'A'.repeat(43)}` }),
        (r) => expect(r.error).toContain('새로고침'),
      ],
      [
        "another service's form token",
        form(s.id, pay.id, { ...ok, _token: issueFormToken(other.s.id) }),
        (r) => expect(r.error).toContain('새로고침'),
      ],
    ];
    for (const [what, fd, check] of cases) {
      const r = await submit(s.id, fd);
      try {
        check(refused(r));
      } catch (e) {
        throw new Error(`${what}: ${(e as Error).message}\n${JSON.stringify(r).slice(0, 400)}`);
      }
    }
    expect(await rows(s.id)).toEqual(NOTHING);
    expect(fs.existsSync(path.join(process.env.ATTACHMENTS_DIR!, s.id))).toBe(false);
  });

  it('refuses a forged service id or an unknown language as not found', async () => {
    const { s, pay } = await setup();
    await expect(
      submitInquiry(
        { db: db(), client: { ip: freshIp(), userAgent: DESKTOP } },
        { serviceId: 'nosuchsvc', lang: 'ko', form: form(s.id, pay.id) },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      submitInquiry(
        { db: db(), client: { ip: freshIp(), userAgent: DESKTOP } },
        { serviceId: s.id, lang: 'ja', form: form(s.id, pay.id) },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stores HTML and script as the text that was typed', async () => {
    const { s, pay } = await setup();
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = await submit(
      s.id,
      form(s.id, pay.id, { 'f.payMethod': 'card', 'f.subject': evil, 'f.content': `${evil}\n"'&`, 'f.name': evil }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const [t] = await db().select().from(tickets).where(eq(tickets.id, r.ticketId));
    expect([t.subject, t.content, t.requesterName]).toEqual([evil, `${evil}\n"'&`, evil]);
  });

  it('refuses a replayed form, also two posts of it at once, and files one ticket', async () => {
    const { s, pay } = await setup();
    const token = issueFormToken(s.id);
    const fd = () => form(s.id, pay.id, { 'f.payMethod': 'card', _token: token });
    const both = await Promise.all([submit(s.id, fd()), submit(s.id, fd())]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const again = refused(await submit(s.id, fd()));
    expect(again.error).toBe('이미 접수된 문의 양식입니다. 같은 문의가 두 번 접수되지 않도록 막았습니다.');
    expect(refused(both.find((r) => !r.ok)!).error).toBe(again.error);
    expect((await rows(s.id)).tickets).toBe(1);
  });

  it('renews an expired form token instead of losing what was typed', async () => {
    const { s, pay } = await setup();
    const old = issueFormToken(s.id, Date.now() - 25 * 3600_000);
    const r = refused(await submit(s.id, form(s.id, pay.id, { 'f.payMethod': 'card', _token: old })));
    expect(r.token).toBeTruthy();
    expect(r.values.subject).toBe('결제 취소 문의');
    expect((await rows(s.id)).tickets).toBe(0);
    expect((await submit(s.id, form(s.id, pay.id, { 'f.payMethod': 'card', _token: r.token }))).ok).toBe(true);
  });

  it(`limits one IP to ${SUBMIT_LIMIT.limit} posts per window, valid or not`, async () => {
    const { s, pay } = await setup();
    const ip = freshIp();
    for (let i = 0; i < SUBMIT_LIMIT.limit; i++) {
      const r = await submit(s.id, form(s.id, pay.id, i % 2 ? { 'f.payMethod': 'card' } : {}), { ip });
      expect(r.ok || !r.error.includes('요청이 너무 많습니다')).toBe(true);
    }
    const over = refused(await submit(s.id, form(s.id, pay.id, { 'f.payMethod': 'card' }), { ip }));
    expect(over.error).toMatch(/요청이 너무 많습니다\. \d+분 뒤에/);
    expect((await submit(s.id, form(s.id, pay.id, { 'f.payMethod': 'card' }))).ok).toBe(true);
    expect((await rows(s.id)).tickets).toBe(SUBMIT_LIMIT.limit / 2 + 1);
  });

  it('sends at most 3 confirmation mails a day to one address, and still files every ticket', async () => {
    const { s, pay } = await setup();
    const to = `victim-${randomUUID().slice(0, 8)}@example.com`;
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(
        await submit(s.id, form(s.id, pay.id, { 'f.payMethod': 'card', 'f.mail': i % 2 ? to.toUpperCase() : to })),
      );
    expect(results.map((r) => r.ok && r.mail)).toEqual(['sent', 'sent', 'sent', 'limited']);
    const mails = (await (await drainOutbox(db()), await readOutbox(process.env.MAIL_DIR!))).filter((m) =>
      recipients(m).toLowerCase().includes(to),
    );
    expect(mails).toHaveLength(3);
    expect((await rows(s.id)).tickets).toBe(4);
  });

  it('keeps the ticket when the confirmation mail cannot be sent, and keeps the mail for a retry', async () => {
    const { s, pay } = await setup();
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    try {
      const r = await submit(s.id, form(s.id, pay.id, { 'f.payMethod': 'card', 'f.mail': 'someone@example.com' }));
      expect(r.ok && r.mail).toBe('sent');
      expect(await drainOutbox(db())).toBe(1);
    } finally {
      delete process.env.SMTP_URL;
    }
    expect((await rows(s.id)).tickets).toBe(1);
    const [d] = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.serviceId, s.id));
    expect(d).toMatchObject({ kind: 'confirmation_mail', status: 'pending', attempts: 1 });
  });

  it('keeps tickets of two services apart in their own counters', async () => {
    const a = await setup();
    const b = await setup();
    const ra = await submit(a.s.id, form(a.s.id, a.pay.id, { 'f.payMethod': 'card' }));
    const rb = await submit(b.s.id, form(b.s.id, b.pay.id, { 'f.payMethod': 'card' }));
    expect([ra.ok && ra.number, rb.ok && rb.number]).toEqual([1, 1]);
    expect(
      await db()
        .select({ n: count() })
        .from(tickets)
        .where(and(eq(tickets.serviceId, a.s.id), eq(tickets.intakeTypeId, a.pay.id))),
    ).toEqual([{ n: 1 }]);
  });
});
