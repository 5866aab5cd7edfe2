import { eq } from 'drizzle-orm';
import { accessLogs, members, sessions } from '@/db/schema';
import { login } from '@/lib/auth/login';
import { loadSession, revokeSession } from '@/lib/auth/sessions';
import { makeMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

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

  it('locks the account for 15 minutes after 5 wrong passwords, even for the right one', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    for (let i = 1; i <= 4; i++) expect(await login(db(), { login: m.loginId, password: 'wrong-pass-1' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(db(), { login: m.loginId, password: 'wrong-pass-1' })).toEqual({ ok: false, reason: 'locked', minutesLeft: 15 });
    expect(await login(db(), { login: m.loginId, password: PASSWORD })).toMatchObject({ ok: false, reason: 'locked' });
    const events = (await db().select().from(accessLogs).where(eq(accessLogs.memberId, m.id))).map((l) => l.event);
    expect(events.filter((e) => e === 'lockout')).toHaveLength(1);
    expect(events.filter((e) => e === 'login_failed')).toHaveLength(6);
  });

  it('counts parallel wrong guesses exactly', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 7 }, () => login(db(), { login: m.loginId, password: 'wrong-pass-1' })));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.reason === 'locked')).toHaveLength(3);
    const [row] = await db().select().from(members).where(eq(members.id, m.id));
    expect(row.lockedUntil).not.toBeNull();
  });

  it('starts a fresh count once the lock has run out', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    await db().update(members).set({ failedLogins: 5, lockedUntil: new Date(Date.now() - 1000) }).where(eq(members.id, m.id));
    expect(await login(db(), { login: m.loginId, password: 'wrong-pass-1' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(db(), { login: m.loginId, password: PASSWORD })).toMatchObject({ ok: true });
  });

  it('refuses unknown logins, invited and deactivated members, and empty input', async () => {
    expect(await login(db(), { login: 'nobody', password: PASSWORD })).toEqual({ ok: false, reason: 'invalid' });
    const invited = await makeMember(db(), { status: 'invited', password: PASSWORD });
    expect(await login(db(), { login: invited.loginId, password: PASSWORD })).toEqual({ ok: false, reason: 'inactive' });
    const gone = await makeMember(db(), { status: 'deactivated', password: PASSWORD });
    expect(await login(db(), { login: gone.loginId, password: PASSWORD })).toEqual({ ok: false, reason: 'inactive' });
    expect(await login(db(), { login: '', password: '' })).toEqual({ ok: false, reason: 'invalid_input' });
    expect(await login(db(), { login: 'x'.repeat(5000), password: 'y' })).toEqual({ ok: false, reason: 'invalid_input' });
    const [unknown] = await db().select().from(accessLogs).where(eq(accessLogs.subject, 'nobody'));
    expect(unknown.event).toBe('login_failed');
  });
});

describe('server-side sessions', () => {
  it('stop working at once on logout, lockout, deactivation and expiry', async () => {
    const m = await makeMember(db(), { password: PASSWORD });
    const open = async () => ((await login(db(), { login: m.loginId, password: PASSWORD })) as { sessionId: string }).sessionId;

    const a = await open();
    await revokeSession(db(), a);
    expect(await loadSession(db(), a)).toBeNull();

    const b = await open();
    await db().update(members).set({ lockedUntil: new Date(Date.now() + 60000) }).where(eq(members.id, m.id));
    expect(await loadSession(db(), b)).toBeNull();
    await db().update(members).set({ lockedUntil: null }).where(eq(members.id, m.id));
    expect(await loadSession(db(), b)).not.toBeNull();

    await db().update(members).set({ status: 'deactivated' }).where(eq(members.id, m.id));
    expect(await loadSession(db(), b)).toBeNull();
    await db().update(members).set({ status: 'active' }).where(eq(members.id, m.id));

    await db().update(sessions).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(sessions.id, b));
    expect(await loadSession(db(), b)).toBeNull();
    expect(await loadSession(db(), 'forged-session-id')).toBeNull();
  });
});
