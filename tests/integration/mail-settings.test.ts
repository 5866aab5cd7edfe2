import { eq } from 'drizzle-orm';
import { mailAccounts, mailLayouts, mailSettings, services } from '@/db/schema';
import {
  deleteAccountAction,
  saveAccountAction,
  saveLayoutAction,
  saveSenderAction,
  testAccountAction,
} from '@/app/[serviceId]/(desk)/settings/email/actions';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { startDovecot, type Dovecot } from '../helpers/dovecot';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';
let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
  await dovecot.addUser('cs@shop.test', 'right-pw');
}, 30000);
afterAll(async () => {
  await dovecot?.stop();
});

async function admin() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(member));
  return s;
}

describe('발신 정보', () => {
  it('saves name and address, and refuses header injection and a malformed address with field messages', async () => {
    const s = await admin();
    expect(
      await saveSenderAction(null, { serviceId: s.id, senderName: '쇼핑 고객센터', senderAddress: 'Help@Shop.test' }),
    ).toMatchObject({ ok: true });
    expect((await db().select().from(mailSettings).where(eq(mailSettings.serviceId, s.id)))[0]).toMatchObject({
      senderName: '쇼핑 고객센터',
      senderAddress: 'help@shop.test',
    });
    const bad = await saveSenderAction(null, {
      serviceId: s.id,
      senderName: '고객센터\r\nBcc: victim@evil.test',
      senderAddress: 'a@b.test\r\nBcc: x@evil.test',
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { senderName: ['줄바꿈이나 제어 문자는 쓸 수 없습니다.'], senderAddress: [expect.any(String)] },
    });
    expect((await db().select().from(mailSettings).where(eq(mailSettings.serviceId, s.id)))[0].senderName).toBe(
      '쇼핑 고객센터',
    );
  });
});

describe('메일 레이아웃', () => {
  it('refuses a layout without #{content} or with an unknown code, saves a good one and removes an empty one', async () => {
    const s = await admin();
    expect(
      await saveLayoutAction(null, {
        serviceId: s.id,
        event: 'solved',
        lang: 'ko',
        body: '<p>#{name}님 안녕하세요</p>',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { body: ['답변 내용 #{content} 치환코드를 넣어야 저장할 수 있습니다.'] },
    });
    expect(
      await saveLayoutAction(null, { serviceId: s.id, event: 'solved', lang: 'ko', body: '#{content} #{nope}' }),
    ).toMatchObject({ ok: false, fieldErrors: { body: ['알 수 없는 치환코드: #{nope}'] } });
    expect(
      await saveLayoutAction(null, { serviceId: s.id, event: 'solved', lang: 'xx', body: '#{content}' }),
    ).toMatchObject({ ok: false, fieldErrors: { lang: [expect.any(String)] } });
    expect(
      await saveLayoutAction(null, { serviceId: s.id, event: 'bogus', lang: 'ko', body: '#{content}' }),
    ).toMatchObject({ ok: false, fieldErrors: { event: [expect.any(String)] } });
    expect(
      await saveLayoutAction(null, {
        serviceId: s.id,
        event: 'pending',
        lang: 'en',
        body: '<p>Dear #{name},</p>#{content}',
      }),
    ).toMatchObject({ ok: true });
    expect(
      await saveLayoutAction(null, { serviceId: s.id, event: 'solved', lang: 'ko', body: '#{content}' }),
    ).toMatchObject({ ok: true });
    expect(await saveLayoutAction(null, { serviceId: s.id, event: 'solved', lang: 'ko', body: '  ' })).toMatchObject({
      ok: true,
    });
    expect(
      (await db().select().from(mailLayouts).where(eq(mailLayouts.serviceId, s.id))).map((l) => `${l.event}/${l.lang}`),
    ).toEqual(['pending/en']);
  });
});

describe('메일 레이아웃 per editor type', () => {
  it('stores an HTML layout sanitized (no script, handler or javascript: link) and a TEXT layout as typed', async () => {
    const s = await admin();
    const dirty =
      '<p onclick="steal()">#{name}님<script>alert(1)</script> <a href="javascript:alert(1)">x</a> <a href="https://example.com">안내</a></p><p><strong>#{content}</strong></p>';
    expect(await saveLayoutAction(null, { serviceId: s.id, event: 'solved', lang: 'ko', body: dirty })).toMatchObject({
      ok: true,
    });
    const [html] = await db().select().from(mailLayouts).where(eq(mailLayouts.serviceId, s.id));
    expect(html.body).toBe(
      '<p>#{name}님 <a target="_blank" rel="noopener noreferrer">x</a> <a href="https://example.com" target="_blank" rel="noopener noreferrer">안내</a></p><p><strong>#{content}</strong></p>',
    );
    // The editor's empty document is an empty layout (removed), not a layout without #{content}.
    expect(
      await saveLayoutAction(null, { serviceId: s.id, event: 'solved', lang: 'ko', body: '<p></p>' }),
    ).toMatchObject({ ok: true });
    expect(await db().select().from(mailLayouts).where(eq(mailLayouts.serviceId, s.id))).toHaveLength(0);
    await db().update(services).set({ editorType: 'text' }).where(eq(services.id, s.id));
    expect(
      await saveLayoutAction(null, {
        serviceId: s.id,
        event: 'solved',
        lang: 'ko',
        body: '#{name}님 <b>안녕</b>\n#{content}',
      }),
    ).toMatchObject({ ok: true });
    const [text] = await db().select().from(mailLayouts).where(eq(mailLayouts.serviceId, s.id));
    expect(text.body).toBe('#{name}님 <b>안녕</b>\n#{content}');
  });
});

describe('외부 계정', () => {
  it('stores the password sealed, tests the connection (message count or why not), and is scoped to its service', async () => {
    const s = await admin();
    const r = await saveAccountAction(null, {
      serviceId: s.id,
      host: '127.0.0.1',
      port: String(dovecot.port),
      tls: 'false',
      username: 'cs@shop.test',
      password: 'right-pw',
      folder: 'INBOX',
      active: 'on',
      afterImport: 'seen',
    });
    expect(r).toMatchObject({ ok: true });
    const id = r.ok ? r.data.id : '';
    const [row] = await db().select().from(mailAccounts).where(eq(mailAccounts.id, id));
    expect(row.passwordSealed).not.toContain('right-pw');
    expect(await testAccountAction(null, { serviceId: s.id, id })).toEqual({
      ok: true,
      data: { ok: true, messages: 0 },
    });
    expect(
      await saveAccountAction(null, {
        serviceId: s.id,
        id,
        host: '127.0.0.1',
        port: String(dovecot.port),
        tls: '',
        username: 'cs@shop.test',
        password: 'wrong',
        folder: 'INBOX',
        active: 'on',
        afterImport: 'seen',
      }),
    ).toMatchObject({ ok: true });
    expect(await testAccountAction(null, { serviceId: s.id, id })).toEqual({
      ok: true,
      data: { ok: false, reason: 'auth_failed' },
    });

    const other = await admin();
    expect(await testAccountAction(null, { serviceId: other.id, id })).toMatchObject({ ok: false });
    expect(await deleteAccountAction(null, { serviceId: other.id, id })).toMatchObject({ ok: false });
    expect(await db().select().from(mailAccounts).where(eq(mailAccounts.id, id))).toHaveLength(1);
  });

  it('refuses CR/LF in any field, a bad host or port, and a new account without a password', async () => {
    const s = await admin();
    const bad = await saveAccountAction(null, {
      serviceId: s.id,
      host: 'imap.example.com\r\nX: y',
      port: '99999',
      tls: 'on',
      username: 'u\r\nA01 LOGOUT',
      password: 'p\r\nA02 DELETE INBOX',
      folder: 'IN\r\nBOX',
      active: 'on',
      afterImport: 'seen',
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        host: expect.arrayContaining(['줄바꿈이나 제어 문자는 쓸 수 없습니다.']),
        port: [expect.any(String)],
        username: [expect.any(String)],
        password: [expect.any(String)],
        folder: [expect.any(String)],
      },
    });
    expect(
      await saveAccountAction(null, {
        serviceId: s.id,
        host: 'imap.example.com',
        port: '993',
        tls: 'on',
        username: 'u',
        password: '',
        folder: 'INBOX',
        active: 'on',
        afterImport: 'seen',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { password: [expect.any(String)] } });
    expect(await db().select().from(mailAccounts).where(eq(mailAccounts.serviceId, s.id))).toHaveLength(0);
  });

  it('is for admins only', async () => {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id, 'agent');
    signInAs(asSessionMember(member));
    expect(await saveSenderAction(null, { serviceId: s.id, senderName: 'x', senderAddress: '' })).toMatchObject({
      ok: false,
    });
    expect(await db().select().from(mailSettings).where(eq(mailSettings.serviceId, s.id))).toHaveLength(0);
  });
});
