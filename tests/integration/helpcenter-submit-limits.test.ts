import { randomUUID } from 'node:crypto';
import { SUBMIT_LIMIT } from '@/lib/helpcenter/submit-inquiry';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { setupTestDb } from '../helpers/db';
import { form, freshIp, helpcenterForm, helpcenterTmpDirs, refused } from '../helpers/helpcenter-form';
import { drainOutbox, readOutbox, recipients } from '../helpers/mail';

helpcenterTmpDirs();

const db = setupTestDb();
const { setup, submit, rows } = helpcenterForm(db);

describe('submitInquiry', () => {
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
});
