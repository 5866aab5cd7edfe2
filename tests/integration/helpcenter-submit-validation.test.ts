import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@/lib/errors';
import { submitInquiry } from '@/lib/helpcenter/submit-inquiry';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { setupTestDb } from '../helpers/db';
import {
  DESKTOP,
  form,
  freshIp,
  helpcenterForm,
  helpcenterTmpDirs,
  NOTHING,
  pdf,
  refused,
  type SubmitInquiryResult,
} from '../helpers/helpcenter-form';

helpcenterTmpDirs();

const db = setupTestDb();
const { setup, submit, rows } = helpcenterForm(db);

describe('submitInquiry', () => {
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
});
