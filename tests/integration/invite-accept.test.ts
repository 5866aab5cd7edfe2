import { eq } from 'drizzle-orm';
import { accessLogs, memberInvites, members } from '@/db/schema';
import { acceptInviteAction } from '@/app/invite/[token]/actions';
import { login } from '@/lib/auth/login';
import { issueInvite, inviteState } from '@/lib/members/invite-token';
import { makeMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

async function invited() {
  const m = await makeMember(db(), { status: 'invited' });
  const token = await issueInvite(db(), m.id, null);
  return { m, token };
}

describe('accepting an invite', () => {
  it('sets the password once, activates the member, and lets them log in', async () => {
    const { m, token } = await invited();
    const r = await acceptInviteAction(null, { token, password: 'new-secret-2026', confirm: 'new-secret-2026' });
    expect(r).toEqual({ ok: true, data: { loginId: m.loginId } });
    expect(await login(db(), { login: m.loginId, password: 'new-secret-2026' })).toMatchObject({ ok: true });
    const again = await acceptInviteAction(null, {
      token,
      password: 'other-secret-2026',
      confirm: 'other-secret-2026',
    });
    expect(again).toEqual({ ok: false, error: '이미 사용된 초대 링크입니다.', fieldErrors: {} });
    expect(await inviteState(db(), token)).toEqual({ state: 'used' });
    const events = (await db().select().from(accessLogs).where(eq(accessLogs.memberId, m.id))).map((l) => l.event);
    expect(events).toContain('invite_accepted');
  });

  it('gives exactly one success to two tabs racing with the same link', async () => {
    const { token } = await invited();
    const results = await Promise.all(
      [1, 2].map((i) =>
        acceptInviteAction(null, { token, password: `race-secret-${i}x`, confirm: `race-secret-${i}x` }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('states the password rule and writes nothing for a weak or mismatched password', async () => {
    const { m, token } = await invited();
    const weak = await acceptInviteAction(null, { token, password: 'short1', confirm: 'short1' });
    expect(!weak.ok && weak.fieldErrors?.password).toEqual([
      '비밀번호는 10~128자이며 영문자와 숫자를 모두 포함해야 합니다.',
    ]);
    const letters = await acceptInviteAction(null, { token, password: 'onlyletters', confirm: 'onlyletters' });
    expect(!letters.ok && letters.fieldErrors?.password).toHaveLength(1);
    const mismatch = await acceptInviteAction(null, { token, password: 'good-secret-1', confirm: 'good-secret-2' });
    expect(!mismatch.ok && mismatch.fieldErrors?.confirm).toEqual(['비밀번호가 일치하지 않습니다.']);
    const withLogin = await acceptInviteAction(null, {
      token,
      password: `${m.loginId}-2026`,
      confirm: `${m.loginId}-2026`,
    });
    expect(!withLogin.ok && withLogin.fieldErrors?.password).toEqual(['비밀번호에 아이디를 넣을 수 없습니다.']);
    const [row] = await db().select().from(members).where(eq(members.id, m.id));
    expect(row).toMatchObject({ status: 'invited', passwordHash: null });
    expect(await inviteState(db(), token)).toMatchObject({ state: 'valid' });
  });

  it('refuses expired, forged and replaced links with a clear message', async () => {
    const { m, token } = await invited();
    await db()
      .update(memberInvites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(memberInvites.memberId, m.id));
    expect(
      await acceptInviteAction(null, { token, password: 'good-secret-1', confirm: 'good-secret-1' }),
    ).toMatchObject({ ok: false, error: '초대 링크가 만료되었습니다.' });
    expect(await inviteState(db(), token)).toEqual({ state: 'expired' });
    expect(
      await acceptInviteAction(null, { token: 'A'.repeat(43), password: 'good-secret-1', confirm: 'good-secret-1' }),
    ).toMatchObject({ ok: false, error: '유효하지 않은 초대 링크입니다.' });
    const second = await invited();
    await issueInvite(db(), second.m.id, null); // a resend replaces the first link
    expect(await inviteState(db(), second.token)).toEqual({ state: 'invalid' });
  });
});
