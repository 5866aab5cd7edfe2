import { eq } from 'drizzle-orm';
import { accessLogs, members, sessions } from '@/db/schema';
import { login } from '@/lib/auth/login';
import { verifyPassword } from '@/lib/auth/password';
import { loadSession, revokeSession } from '@/lib/auth/sessions';
import { makeMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

// Pass-through, so a test can count how often a password is verified.
jest.mock('@/lib/auth/password', () => {
  const actual = jest.requireActual('@/lib/auth/password');
  return { ...actual, verifyPassword: jest.fn(actual.verifyPassword) };
});

const db = setupTestDb();
const PASSWORD = 'correct horse 42';

describe('login', () => {
  it('logs in by login ID or e-mail, case-insensitively, and opens a server-side session', async () => {
    const m = await makeMember(db(), { loginId: 'Minji', email: 'minji@example.com', password: PASSWORD });
    const byId = await login(db(), { login: 'minji', password: PASSWORD }, { ip: '10.0.0.1', userAgent: 'jest' });
    const byMail = await login(db(), { login: 'MINJI@example.com', password: PASSWORD });
    expect(byId).toMatchObject({ ok: true, memberId: m.id });
    expect(byMail).toMatchObject({ ok: true, memberId: m.id });
    const s = await loadSession(db(), (byId as { sessionId: string }).sessionId);
    expect(s?.member.id).toBe(m.id);
    const logs = await db().select().from(accessLogs).where(eq(accessLogs.memberId, m.id));
    expect(logs.filter((l) => l.event === 'login')).toHaveLength(2);
    expect(logs.find((l) => l.ip === '10.0.0.1')).toBeTruthy();
  });

  it('locks the login for 15 minutes after 5 wrong passwords, even for the right one', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    for (let i = 1; i <= 4; i++)
      expect(await login(db(), { login: m.loginId, password: 'wrong-pass-1' })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    expect(await login(db(), { login: m.loginId, password: 'wrong-pass-1' })).toEqual({
      ok: false,
      reason: 'locked',
      minutesLeft: 15,
    });
    expect(await login(db(), { login: m.loginId, password: PASSWORD })).toMatchObject({ ok: false, reason: 'locked' });
    const events = (await db().select().from(accessLogs).where(eq(accessLogs.memberId, m.id))).map((l) => l.event);
    expect(events.filter((e) => e === 'lockout')).toHaveLength(1);
    expect(events.filter((e) => e === 'login_failed')).toHaveLength(6);
  });

  it('counts parallel wrong guesses exactly', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const results = await Promise.all(
      Array.from({ length: 7 }, () => login(db(), { login: m.loginId, password: 'wrong-pass-1' })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(3);
  });

  it('answers an unknown login exactly like a known one, lockout included', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await login(db(), { login: m.loginId, password: 'wrong-pass-1' }));
      unknown.push(await login(db(), { login: 'ghost-admin', password: 'wrong-pass-1' }));
    }
    expect(unknown).toEqual(known);
  });

  it('verifies a password once for a known and for an unknown login (same work, same time)', async () => {
    const spy = jest.mocked(verifyPassword);
    spy.mockClear();
    const m = await makeMember(db(), { password: PASSWORD });
    await login(db(), { login: m.loginId, password: 'wrong-pass-1' });
    await login(db(), { login: 'nobody-here', password: 'wrong-pass-1' });
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('throttles one address guessing across many logins', async () => {
    const ip = '203.0.113.99';
    const answers = [];
    for (let i = 0; i < 31; i++)
      answers.push(await login(db(), { login: `someone${i}`, password: 'wrong-pass-1' }, { ip }));
    expect(answers.slice(0, 30).every((a) => !a.ok && a.reason === 'invalid')).toBe(true);
    expect(answers[30]).toMatchObject({ ok: false, reason: 'locked' });
    // Another address is not affected.
    expect(await login(db(), { login: 'someone0', password: 'wrong-pass-1' }, { ip: '203.0.113.100' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('never throttles an office behind one address for logging in successfully', async () => {
    const ip = '203.0.113.150';
    const m = await makeMember(db(), { password: PASSWORD });
    for (let i = 0; i < 40; i++)
      expect((await login(db(), { login: m.loginId, password: PASSWORD }, { ip })).ok).toBe(true);
    expect(await login(db(), { login: 'someone-else', password: 'wrong-pass-1' }, { ip })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses unknown logins, invited and deactivated members, and empty input', async () => {
    expect(await login(db(), { login: 'nobody', password: PASSWORD })).toEqual({ ok: false, reason: 'invalid' });
    const invited = await makeMember(db(), { status: 'invited', password: PASSWORD });
    expect(await login(db(), { login: invited.loginId, password: PASSWORD })).toEqual({
      ok: false,
      reason: 'inactive',
    });
    const gone = await makeMember(db(), { status: 'deactivated', password: PASSWORD });
    expect(await login(db(), { login: gone.loginId, password: PASSWORD })).toEqual({ ok: false, reason: 'inactive' });
    expect(await login(db(), { login: '', password: '' })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(await login(db(), { login: 'x'.repeat(5000), password: 'y' })).toEqual({
      ok: false,
      reason: 'invalid_input',
    });
    const [unknown] = await db().select().from(accessLogs).where(eq(accessLogs.subject, 'nobody'));
    expect(unknown.event).toBe('login_failed');
  });
});

describe('server-side sessions', () => {
  it('stop working at once on logout, deactivation and expiry, and survive a login lockout', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const open = async () =>
      ((await login(db(), { login: m.loginId, password: PASSWORD })) as { sessionId: string }).sessionId;

    const a = await open();
    await revokeSession(db(), a);
    expect(await loadSession(db(), a)).toBeNull();

    const b = await open();
    // A stranger locking the login out must not end the member's live session.
    for (let i = 0; i < 6; i++) await login(db(), { login: m.loginId, password: 'wrong-pass-1' });
    expect(await login(db(), { login: m.loginId, password: PASSWORD })).toMatchObject({ ok: false, reason: 'locked' });
    expect(await loadSession(db(), b)).not.toBeNull();

    await db().update(members).set({ status: 'deactivated' }).where(eq(members.id, m.id));
    expect(await loadSession(db(), b)).toBeNull();
    await db().update(members).set({ status: 'active' }).where(eq(members.id, m.id));

    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(sessions.id, b));
    expect(await loadSession(db(), b)).toBeNull();
    expect(await loadSession(db(), 'forged-session-id')).toBeNull();
  });
});
