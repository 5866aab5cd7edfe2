import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { createGroupAction } from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { createTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { categories, groups, tickets } from '@/db/schema';
import { cleanFileName } from '@/lib/attachments/limits';
import { authOptions } from '@/lib/auth/options';
import { validateFieldValue } from '@/lib/fields/validate-value';
import { bodyLimit, DEFAULT_BODY_LIMIT } from '@/lib/net/body-limits';
import { proxy } from '@/proxy';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const MB = 1024 * 1024;

async function adminOf() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(member));
  return s;
}

describe('NUL bytes', () => {
  it('are refused with a field message by the action wrapper, and nothing is written', async () => {
    const s = await adminOf();
    const r = await createGroupAction(null, { serviceId: s.id, name: '결제\u0000팀', agentIds: [] });
    expect(r).toMatchObject({ ok: false, fieldErrors: { name: ['제어 문자는 쓸 수 없습니다.'] } });
    expect(await db().select().from(groups).where(eq(groups.serviceId, s.id))).toEqual([]);
  });

  it('are refused in nested values too (a ticket field), as a field message', async () => {
    const s = await adminOf();
    const r = await createTicketAction(null, {
      serviceId: s.id,
      intakeTypeId: randomUUID(),
      values: { subject: 'a\u0000b' },
    });
    expect(r).toMatchObject({ ok: false, fieldErrors: { 'values.subject': ['제어 문자는 쓸 수 없습니다.'] } });
  });

  it('on login answer like any invalid input, never with database text', async () => {
    type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
    await expect(authorize({ login: 'admin\u0000', password: 'x' }, { headers: {} })).rejects.toThrow(
      /^invalid_input$/,
    );
    await expect(authorize({ login: 'admin', password: 'x\u0000' }, { headers: {} })).rejects.toThrow(
      /^invalid_input$/,
    );
  });
});

describe('invisible characters', () => {
  it('are stripped from names and titles before they are stored', async () => {
    const s = await adminOf();
    const r = await createGroupAction(null, { serviceId: s.id, name: '결제\u202E팀\u200B', agentIds: [] });
    expect(r.ok).toBe(true);
    const [g] = await db().select().from(groups).where(eq(groups.serviceId, s.id));
    expect(g.name).toBe('결제팀');
    expect(
      validateFieldValue({ code: 'subject', type: 'text', required: true, maxLength: 0 }, 'refund\u202Efdp.exe'),
    ).toEqual({ ok: true, value: 'refundfdp.exe' });
  });

  it('are stripped from attachment file names (evil\\u202Efdp.zip)', () => {
    expect(cleanFileName('evil\u202Efdp.zip')).toBe('evilfdp.zip');
    expect(cleanFileName('a\u2066b\u2069\uFEFF.pdf')).toBe('ab.pdf');
  });
});

describe('text field caps', () => {
  it('caps a text field without its own max length (a public form stored 10 MB)', () => {
    const big = 'x'.repeat(10 * MB);
    expect(validateFieldValue({ code: 'memo', type: 'text', required: false, maxLength: 0 }, big)).toMatchObject({
      ok: false,
      error: { key: 'validation.tooLong' },
    });
    expect(validateFieldValue({ code: 'memo', type: 'textarea', required: false, maxLength: 0 }, big)).toMatchObject({
      ok: false,
      error: { key: 'validation.tooLong' },
    });
    expect(
      validateFieldValue({ code: 'memo', type: 'textarea', required: false, maxLength: 0 }, 'x'.repeat(50_000)),
    ).toMatchObject({ ok: true });
  });
});

describe('the requester e-mail of a manual ticket', () => {
  it('is one address, never a list', async () => {
    const s = await adminOf();
    const [cat] = await db()
      .insert(categories)
      .values({
        serviceId: s.id,
        kind: 'intake',
        path: `/${randomUUID()}/`,
        depth: 1,
        name: '문의',
        names: { ko: '문의' },
      })
      .returning();
    const base = { serviceId: s.id, intakeTypeId: cat.id };
    const values = { subject: '문의', content: '내용', personalAgree: true };
    for (const mail of [
      'a@example.com, b@example.com',
      'a@example.com;b@example.com',
      'a@example.com b@example.com',
      '"x" <a@example.com>',
    ]) {
      const r = await createTicketAction(null, { ...base, values: { ...values, mail } });
      expect([mail, r]).toMatchObject([mail, { ok: false, fieldErrors: { mail: [expect.any(String)] } }]);
    }
    expect(await db().select().from(tickets).where(eq(tickets.serviceId, s.id))).toEqual([]);
    expect(await createTicketAction(null, { ...base, values: { ...values, mail: 'a@example.com' } })).toMatchObject({
      ok: true,
    });
  });
});

describe('body-size limits per route', () => {
  const post = (path: string, bytes: number | null, extra: Record<string, string> = {}) =>
    proxy(
      new NextRequest(`http://localhost${path}`, {
        method: 'POST',
        headers: { ...(bytes === null ? {} : { 'content-length': String(bytes) }), 'next-action': 'abc', ...extra },
      }),
    );

  it('refuses a 2 MB server action post by its Content-Length, before reading it', () => {
    expect(post('/demo/settings/agents', 2 * MB).status).toBe(413);
    expect(post('/demo/tickets/1', 2 * MB).status).toBe(413);
    expect(post('/login', 2 * MB).status).toBe(413);
    expect(post('/demo/tickets/1', 100_000).status).toBe(200);
  });

  it('lets the file-taking routes have what their files need, and no more', () => {
    expect(bodyLimit('/demo/hc/ko')).toBeGreaterThan(50 * MB);
    expect(bodyLimit('/demo/settings/categories')).toBe(6 * MB);
    expect(bodyLimit('/demo/settings/fields')).toBe(DEFAULT_BODY_LIMIT);
    expect(post('/demo/settings/categories', 5 * MB).status).toBe(200);
    expect(post('/demo/settings/categories', 7 * MB).status).toBe(413);
    const hc = post('/demo/hc/ko', 60 * MB);
    expect(hc.status).toBe(303);
    expect(hc.headers.get('location')).toContain('error=tooLarge');
  });

  it('refuses a chunked body of unknown length', () => {
    expect(post('/demo/settings/agents', null, { 'transfer-encoding': 'chunked' }).status).toBe(411);
  });
});
