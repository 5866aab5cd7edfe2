import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { unlockMemberAction } from '@/app/admin/members/actions';
import { changePasswordAction } from '@/app/me/actions';
import { requestPasswordResetAction, resetPasswordAction } from '@/app/password-reset/actions';
import { accessLogs, memberInvites, sessions } from '@/db/schema';
import { lockedMemberIds } from '@/lib/auth/login-locks';
import { login } from '@/lib/auth/login';
import { loadSession } from '@/lib/auth/sessions';
import { asSessionMember, makeMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { drainOutbox, readOutbox } from '../helpers/mail';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-account-'));
process.env.MAIL_DIR = mailDir;
delete process.env.SMTP_URL;

const db = setupTestDb();
/** The reset mail is queued in the outbox (like invites): send what is due, then read the mailbox. */
const outbox = async () => {
  await drainOutbox(db());
  return readOutbox(mailDir);
};
const PASSWORD = 'correct horse 42';
afterEach(() => signOut());

const events = async (memberId: string) =>
  (await db().select().from(accessLogs).where(eq(accessLogs.memberId, memberId))).map((l) => l.event);
const lockOut = async (loginId: string) => {
  for (let i = 0; i < 5; i++) await login(db(), { login: loginId, password: 'wrong-pass-1' });
};

describe('unlock (잠금 해제)', () => {
  it('lets an org admin clear a lockout so the member logs in at once, and logs it', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const admin = await makeMember(db(), { isOrgAdmin: true });
    await lockOut(m.loginId);
    expect([...(await lockedMemberIds(db(), [m.id, admin.id]))]).toEqual([m.id]);
    signInAs(asSessionMember(m));
    expect(await unlockMemberAction(null, { memberId: m.id })).toMatchObject({ ok: false });
    signInAs(asSessionMember(admin));
    expect(await unlockMemberAction(null, { memberId: m.id })).toMatchObject({ ok: true });
    expect((await lockedMemberIds(db(), [m.id])).size).toBe(0);
    expect(await login(db(), { login: m.loginId, password: PASSWORD })).toMatchObject({ ok: true });
    expect(await events(m.id)).toEqual(expect.arrayContaining(['lockout', 'unlock', 'login']));
  });
});

describe('password change on 내 정보', () => {
  it('needs the current password, ends the other sessions and keeps this one', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const here = (await login(db(), { login: m.loginId, password: PASSWORD })) as { sessionId: string };
    const there = (await login(db(), { login: m.loginId, password: PASSWORD })) as { sessionId: string };
    const sessionMock = jest.requireActual('../helpers/session');
    signInAs(asSessionMember(m));
    // The mocked session carries the id 'test-session'; point it at the real one.
    jest
      .spyOn(sessionMock.sessionMock, 'getCurrentSession')
      .mockResolvedValue({ id: here.sessionId, member: asSessionMember(m) });
    const wrong = await changePasswordAction(null, {
      current: 'not-it-123',
      password: 'brand-new-pass-9',
      confirm: 'brand-new-pass-9',
    });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { current: ['현재 비밀번호가 올바르지 않습니다.'] } });
    expect(await changePasswordAction(null, { current: PASSWORD, password: 'short', confirm: 'short' })).toMatchObject({
      ok: false,
      fieldErrors: { password: [expect.any(String)] },
    });
    expect(
      await changePasswordAction(null, {
        current: PASSWORD,
        password: 'brand-new-pass-9',
        confirm: 'brand-new-pass-9',
      }),
    ).toMatchObject({ ok: true });
    expect(await loadSession(db(), here.sessionId)).not.toBeNull();
    expect(await loadSession(db(), there.sessionId)).toBeNull();
    expect(await login(db(), { login: m.loginId, password: 'brand-new-pass-9' })).toMatchObject({ ok: true });
    expect(await events(m.id)).toContain('password_changed');
  });
});

describe('password reset mail', () => {
  it('answers the same for known and unknown logins and mails only an active member', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const before = (await outbox()).length;
    const known = await requestPasswordResetAction(null, { login: m.email });
    const unknown = await requestPasswordResetAction(null, { login: 'nobody@example.com' });
    expect(unknown).toEqual(known);
    const mails = (await outbox()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(/\/password-reset\/[A-Za-z0-9_-]{43}/);
    expect(await events(m.id)).toContain('password_reset_requested');
  });

  it('sets a new password once with the mailed link, ends every session, and then refuses the link', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const s = (await login(db(), { login: m.loginId, password: PASSWORD })) as { sessionId: string };
    const before = (await outbox()).length;
    await requestPasswordResetAction(null, { login: m.loginId });
    const [mail] = (await outbox()).slice(before);
    const token = /\/password-reset\/([A-Za-z0-9_-]{43})/.exec(mail.text!)![1];
    const input = { token, password: 'reset-pass-2026', confirm: 'reset-pass-2026' };
    expect(await resetPasswordAction(null, input)).toMatchObject({ ok: true, data: { loginId: m.loginId } });
    expect(await resetPasswordAction(null, input)).toMatchObject({
      ok: false,
      error: '이미 사용된 재설정 링크입니다.',
    });
    expect(await loadSession(db(), s.sessionId)).toBeNull();
    expect(await login(db(), { login: m.loginId, password: 'reset-pass-2026' })).toMatchObject({ ok: true });
    expect(await events(m.id)).toContain('password_reset');
  });

  it('refuses an expired link', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const before = (await outbox()).length;
    await requestPasswordResetAction(null, { login: m.loginId });
    const [mail] = (await outbox()).slice(before);
    const token = /\/password-reset\/([A-Za-z0-9_-]{43})/.exec(mail.text!)![1];
    await db()
      .update(memberInvites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(memberInvites.memberId, m.id)));
    expect(
      await resetPasswordAction(null, { token, password: 'reset-pass-2026', confirm: 'reset-pass-2026' }),
    ).toMatchObject({ ok: false, error: '재설정 링크가 만료되었습니다. 메일을 다시 요청하세요.' });
    expect((await db().select().from(sessions).where(eq(sessions.memberId, m.id))).length).toBe(0);
  });

  it('mails one login at most 3 times an hour', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const before = (await outbox()).length;
    for (let i = 0; i < 5; i++)
      expect(await requestPasswordResetAction(null, { login: m.loginId })).toMatchObject({ ok: true });
    expect((await outbox()).slice(before).length).toBe(3);
  });
});
