import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { accessLogs, memberInvites, members, services, sessions } from '@/db/schema';
import { createServiceAction, updateServiceAction } from '@/app/admin/services/actions';
import { inviteMemberAction, resendInviteAction, setMemberActiveAction } from '@/app/admin/members/actions';
import { login } from '@/lib/auth/login';
import { addAgent, asSessionMember, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';
import { drainOutbox, readOutbox, recipients } from '../helpers/mail';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
let mailDir: string;
beforeAll(async () => {
  mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
  process.env.MAIL_DIR = mailDir;
  delete process.env.SMTP_URL;
});

const count = async (table: typeof services | typeof members) =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
  )[0].n;

async function orgAdmin(locale: 'ko' | 'en' = 'ko') {
  const m = await makeMember(db(), { isOrgAdmin: true, locale });
  signInAs(asSessionMember(m));
  return m;
}

describe('create service', () => {
  it('lets an org admin create a service', async () => {
    await orgAdmin();
    const r = await createServiceAction(null, { id: 'shop', name: '쇼핑몰', languages: 'ko, en, ja' });
    expect(r).toEqual({ ok: true, data: { id: 'shop' } });
    const [s] = await db().select().from(services).where(eq(services.id, 'shop'));
    expect(s.languages).toEqual(['ko', 'en', 'ja']);
  });

  it('answers rule breaks with field messages in the member language and writes nothing', async () => {
    await orgAdmin('en');
    const before = await count(services);
    const fd = new FormData();
    fd.set('id', 'Admin!');
    fd.set('name', '');
    fd.set('languages', 'ko, klingon');
    const r = await createServiceAction(null, fd);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors?.id).toEqual(['Use 3–30 lowercase letters and digits, starting with a letter.']);
    expect(r.fieldErrors?.name).toEqual(['This field is required.']);
    expect(r.fieldErrors?.languages?.[0]).toMatch(/ISO language code/);
    expect(await count(services)).toBe(before);
  });

  it('refuses reserved and taken IDs by name', async () => {
    await orgAdmin('ko');
    await makeService(db(), 'taken1');
    const reserved = await createServiceAction(null, { id: 'login', name: 'x' });
    expect(!reserved.ok && reserved.fieldErrors?.id).toEqual(['시스템에서 쓰는 이름이라 서비스 ID로 쓸 수 없습니다.']);
    const taken = await createServiceAction(null, { id: 'taken1', name: 'x' });
    expect(!taken.ok && taken.fieldErrors?.id).toEqual(['서비스 ID taken1은(는) 이미 쓰이고 있습니다.']);
  });

  it('is refused to service admins, agents and anonymous callers', async () => {
    const svc = await makeService(db());
    const admin = await makeMember(db());
    await addAgent(db(), svc.id, admin.id, 'admin');
    signInAs(asSessionMember(admin));
    expect(await createServiceAction(null, { id: 'nope1', name: 'x' })).toEqual({
      ok: false,
      error: '권한이 없습니다.',
    });
    signOut();
    expect(await createServiceAction(null, { id: 'nope2', name: 'x' })).toEqual({
      ok: false,
      error: '로그인이 필요합니다.',
    });
    // Even bad input tells an anonymous caller nothing but "log in".
    expect(await createServiceAction(null, { id: '' })).toEqual({ ok: false, error: '로그인이 필요합니다.' });
    expect(await db().select().from(services).where(eq(services.id, 'nope1'))).toHaveLength(0);
  });
});

describe('service settings', () => {
  it('saves languages in order, editor type and SMS flag', async () => {
    await orgAdmin();
    const svc = await makeService(db());
    const r = await updateServiceAction(null, {
      serviceId: svc.id,
      name: '새 이름',
      languages: 'en,ko,zh_TW',
      editorType: 'text',
      smsEnabled: 'on',
    });
    expect(r.ok).toBe(true);
    const [s] = await db().select().from(services).where(eq(services.id, svc.id));
    expect(s).toMatchObject({
      name: '새 이름',
      languages: ['en', 'ko', 'zh_TW'],
      editorType: 'text',
      smsEnabled: true,
    });
  });

  it('refuses non-ISO and duplicate languages, unknown editor types and unknown services', async () => {
    await orgAdmin('en');
    const svc = await makeService(db());
    const bad = await updateServiceAction(null, {
      serviceId: svc.id,
      name: 'x',
      languages: 'ko,ko',
      editorType: 'word',
    });
    expect(!bad.ok && bad.fieldErrors).toEqual({
      languages: ['A language is listed twice.'],
      editorType: ['Choose a value from the list.'],
    });
    const missing = await updateServiceAction(null, {
      serviceId: 'ghost',
      name: 'x',
      languages: 'ko',
      editorType: 'html',
    });
    expect(missing).toEqual({ ok: false, error: 'Not found.' });
  });
});

describe('invite members', () => {
  it('creates an invited member and writes the invite mail with a one-time link', async () => {
    await orgAdmin();
    const r = await inviteMemberAction(null, { name: '김상담', loginId: 'kim.agent', email: 'Kim@Example.com' });
    expect(r.ok).toBe(true);
    const [m] = await db().select().from(members).where(eq(members.loginId, 'kim.agent'));
    expect(m).toMatchObject({ status: 'invited', email: 'kim@example.com', passwordHash: null });
    const mail = (await (await drainOutbox(db()), await readOutbox(mailDir))).find((m) =>
      recipients(m).includes('kim@example.com'),
    );
    expect(mail?.subject).toMatch(/초대/);
    expect(mail?.text).toMatch(/http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{40,}/);
    const logs = await db().select().from(accessLogs).where(eq(accessLogs.memberId, m.id));
    expect(logs.map((l) => l.event)).toEqual(['invite_sent']);
  });

  it('refuses duplicates (case-insensitive), CR/LF and domain-less e-mails, and writes nothing', async () => {
    await orgAdmin('en');
    await makeMember(db(), { loginId: 'lee', email: 'lee@example.com' });
    const before = await count(members);
    const dupId = await inviteMemberAction(null, { name: 'A', loginId: 'LEE', email: 'other@example.com' });
    expect(!dupId.ok && dupId.fieldErrors?.loginId).toEqual(['This login ID is already taken.']);
    const dupMail = await inviteMemberAction(null, { name: 'A', loginId: 'lee2', email: 'LEE@example.com' });
    expect(!dupMail.ok && dupMail.fieldErrors?.email).toEqual(['This e-mail is already registered.']);
    const crlf = await inviteMemberAction(null, {
      name: 'A',
      loginId: 'crlf1',
      email: 'a@example.com\r\nBcc: x@evil.test',
    });
    expect(!crlf.ok && crlf.fieldErrors?.email).toEqual(['Enter a valid e-mail address.']);
    const noDomain = await inviteMemberAction(null, { name: 'A', loginId: 'nodom', email: 'someone@' });
    expect(!noDomain.ok && noDomain.fieldErrors?.email).toBeTruthy();
    const long = await inviteMemberAction(null, { name: 'x'.repeat(101), loginId: 'a', email: '' });
    expect(!long.ok && Object.keys(long.fieldErrors ?? {}).sort()).toEqual(['email', 'loginId', 'name']);
    expect(await count(members)).toBe(before);
  });

  it('resends only to pending members, revoking the earlier link', async () => {
    await orgAdmin();
    const r = await inviteMemberAction(null, { name: '박', loginId: 'park1', email: 'park1@example.com' });
    const id = r.ok ? r.data.id : '';
    expect((await resendInviteAction(null, { memberId: id })).ok).toBe(true);
    const invites = await db().select().from(memberInvites).where(eq(memberInvites.memberId, id));
    expect(invites.filter((i) => !i.revokedAt)).toHaveLength(1);
    const active = await makeMember(db());
    expect(await resendInviteAction(null, { memberId: active.id })).toEqual({
      ok: false,
      error: '이미 초대를 수락한 회원입니다.',
    });
    expect(await resendInviteAction(null, { memberId: 'not-a-uuid' })).toMatchObject({ ok: false });
  });
});

describe('deactivate members', () => {
  it('revokes sessions at once and reactivates', async () => {
    await orgAdmin();
    const m = await makeMember(db(), { password: 'abcdefgh123' });
    await login(db(), { login: m.loginId, password: 'abcdefgh123' });
    expect((await setMemberActiveAction(null, { memberId: m.id, active: 'false' })).ok).toBe(true);
    const open = await db().select().from(sessions).where(eq(sessions.memberId, m.id));
    expect(open.every((s) => s.revokedAt)).toBe(true);
    expect(await login(db(), { login: m.loginId, password: 'abcdefgh123' })).toEqual({ ok: false, reason: 'inactive' });
    expect((await setMemberActiveAction(null, { memberId: m.id, active: 'true' })).ok).toBe(true);
    expect(await login(db(), { login: m.loginId, password: 'abcdefgh123' })).toMatchObject({ ok: true });
  });

  it('never deactivates yourself or the last org admin', async () => {
    const me = await orgAdmin('en');
    expect(await setMemberActiveAction(null, { memberId: me.id, active: false })).toEqual({
      ok: false,
      error: 'You cannot deactivate yourself.',
    });
    // Every other org admin gone: the last one stays.
    await db().update(members).set({ status: 'deactivated' }).where(eq(members.isOrgAdmin, true));
    await db().update(members).set({ status: 'active' }).where(eq(members.id, me.id));
    const other = await makeMember(db(), { isOrgAdmin: true, locale: 'en' });
    signInAs(asSessionMember(other));
    await db().update(members).set({ status: 'deactivated' }).where(eq(members.id, other.id));
    // `other` is deactivated in the db, so `me` is the last active org admin.
    expect(await setMemberActiveAction(null, { memberId: me.id, active: false })).toEqual({
      ok: false,
      error: 'The last org admin cannot be deactivated.',
    });
  });
});
