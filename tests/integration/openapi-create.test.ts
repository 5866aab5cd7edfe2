import { createHmac } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { POST } from '@/app/[serviceId]/openapi/v1/ticket.json/route';
import {
  fields,
  apiKeys,
  apiKeyUsage,
  apiSettings,
  apiTicketEndUsers,
  ticketFieldValues,
  ticketHistory,
  tickets,
  triggerFirings,
} from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { canonicalMessage, sign } from '@/lib/openapi/signature';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { intakeType, layoutWith, orgId, serviceKey, signRequest } from '../helpers/openapi';
import { signInAs } from '../helpers/session';
// The client address the app's server stamps from the socket (issue 13: X-Real-IP is never read).
import { CLIENT_IP_HEADER } from '@/lib/rate-limit/client-ip';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

// Envelope results differ per endpoint and case; the tests read them loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Result = any;
type Opts = { key?: string; ts?: string; auth?: string | null; ip?: string; raw?: string; uri?: string };

async function post(serviceId: string, body: unknown, o: Opts = {}) {
  const uri = o.uri ?? `/${serviceId}/openapi/v1/ticket.json`;
  const text = o.raw ?? JSON.stringify(body);
  const ts = o.ts ?? String(Date.now());
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-tc-timestamp': ts,
    [CLIENT_IP_HEADER]: o.ip ?? '203.0.113.9',
  };
  const auth = o.auth === undefined ? signRequest(o.key!, await orgId(db()), uri, {}, text, ts) : o.auth;
  if (auth !== null) headers.authorization = auth;
  const res = await POST(new Request(`http://localhost${uri}`, { method: 'POST', headers, body: text }), {
    params: Promise.resolve({ serviceId }),
  });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as {
      header: { resultCode: number; resultMessage: string; isSuccessful: boolean };
      result: Result;
    },
  };
}

async function setup() {
  const s = await makeService(db());
  const { member: admin } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin));
  const cat = await intakeType(db(), s.id, '결제');
  const [grade, visit, topics] = await layoutWith(db(), s.id, cat.id, [
    {
      code: 'grade',
      type: 'dropdown',
      options: [
        { value: 'gold', labels: { ko: '골드' } },
        { value: 'silver', labels: { ko: '실버' } },
      ],
    } as never,
    { code: 'visitDate', type: 'date' },
    {
      code: 'topics',
      type: 'checkbox',
      options: [
        { value: '환불', labels: { ko: '환불' } },
        { value: '배송', labels: { ko: '배송' } },
      ],
    } as never,
  ]);
  const { key } = await serviceKey(db(), s.id);
  return { s, cat, key, admin, grade, visit, topics };
}

const good = (categoryId: string) => ({
  categoryId,
  subject: '카드 결제가 두 번 되었습니다',
  content: '어제 주문한 건이 두 번 결제되었어요.',
  endUser: { usercode: 'st18888', email: 'enduser@example.com', username: '홍길동', phone: '010-1234-5678' },
  language: 'ko',
  source: 'web',
  userFields: [
    { code: 'grade', value: 'gold' },
    { code: 'visitDate', value: '2022-07-11' },
    { code: 'topics', value: ['환불', '배송'] },
    { code: 'personalAgree', value: 'true' },
  ],
});

async function count(serviceId: string) {
  const [r] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(eq(tickets.serviceId, serviceId));
  return r.n;
}

describe('signature', () => {
  it('is the original scheme: org id + URI + sorted parameter values + & + body + timestamp, HMAC-SHA256 base64', () => {
    // The reference of integrations.md §1.10 (OC 측 인증 방법), recomputed here with node:crypto.
    const key = 'Qm9Ub3JHZW5lcmF0ZWRLZXkxMjM0NTY3';
    const org = 'b1f0f1d2-0000-4000-8000-000000000001';
    const uri = '/demo/openapi/v1/ticket/enduser/st18888/list.json';
    const params = { pageSize: '20', page: '1', status: 'new' };
    const ts = '1658199661153';
    // TreeMap by name: page, pageSize, status → values "1&20&new".
    const expectedMsg = `${org}${uri}1&20&new${ts}`;
    expect(canonicalMessage({ orgId: org, uri, params, body: '', timestamp: ts })).toBe(expectedMsg);
    expect(sign(key, expectedMsg)).toBe(createHmac('sha256', key).update(expectedMsg).digest('base64'));
    // With a body and parameters: "&" then the raw body.
    const body = '{"subject":"유형","content":"문의내용"}';
    expect(canonicalMessage({ orgId: org, uri, params: { b: '2', a: '1' }, body, timestamp: ts })).toBe(
      `${org}${uri}1&2&${body}${ts}`,
    );
    // A body without parameters: no leading "&".
    expect(canonicalMessage({ orgId: org, uri, params: {}, body, timestamp: ts })).toBe(`${org}${uri}${body}${ts}`);
    expect(signRequest(key, org, uri, params, '', ts)).toBe(sign(key, expectedMsg));
  });
});

describe('POST /{serviceId}/openapi/v1/ticket.json', () => {
  it('creates a ticket through createTicket (channel api, history, triggers) with its userFields, and answers the original envelope', async () => {
    const { s, cat, key } = await setup();
    const fired = await createTriggerAction(null, {
      serviceId: s.id,
      title: 'API 접수 알림',
      conditions: [{ mode: 'all', target: 'channel', operator: 'is', value: 'api' }],
      results: [{ type: 'callback', url: 'https://example.com/hook' }],
    });
    expect(fired.ok).toBe(true);
    const r = await post(s.id, good(cat.id), { key });
    expect(r.json.header).toEqual({ resultCode: 200, resultMessage: 'SUCCESS', isSuccessful: true });
    expect(r.status).toBe(200);
    const c = r.json.result.content;
    expect(c).toMatchObject({
      ticketId: '1',
      subject: '카드 결제가 두 번 되었습니다',
      categoryId: cat.id,
      status: 'new',
    });
    const [t] = await db().select().from(tickets).where(eq(tickets.serviceId, s.id));
    expect(t).toMatchObject({
      number: 1,
      channel: 'api',
      language: 'ko',
      requesterName: '홍길동',
      requesterEmail: 'enduser@example.com',
      intakeTypeId: cat.id,
    });
    const values = await db()
      .select({ code: fields.code, value: ticketFieldValues.value })
      .from(ticketFieldValues)
      .innerJoin(fields, eq(fields.id, ticketFieldValues.fieldId))
      .where(eq(ticketFieldValues.ticketId, t.id));
    const byCode = Object.fromEntries(values.map((v) => [v.code, v.value]));
    expect(byCode).toMatchObject({
      grade: 'gold',
      visitDate: '2022-07-11',
      topics: ['환불', '배송'],
      personalAgree: true,
    });
    const hist = await db().select().from(ticketHistory).where(eq(ticketHistory.ticketId, t.id));
    expect(hist.map((h) => h.action)).toEqual(expect.arrayContaining(['created', 'trigger_pass']));
    expect(await db().select().from(triggerFirings).where(eq(triggerFirings.ticketId, t.id))).toHaveLength(1);
    expect(await db().select().from(apiTicketEndUsers).where(eq(apiTicketEndUsers.ticketId, t.id))).toEqual([
      expect.objectContaining({ usercode: 'st18888', number: 1 }),
    ]);
    const usage = await db().select().from(apiKeyUsage);
    expect(usage.reduce((a, u) => a + u.count, 0)).toBe(1);
  });

  it('refuses with the original codes: unknown service, no key, blank Authorization, bad timestamps, wrong signature, replay, disallowed IP, revoked key — writing nothing', async () => {
    const { s, cat, key } = await setup();
    const body = good(cat.id);
    const code = async (
      p: Promise<{
        status: number;
        json: { header: { resultCode: number; resultMessage: string; isSuccessful: boolean } };
      }>,
    ) => {
      const r = await p;
      expect(r.json.header.isSuccessful).toBe(false);
      return [r.status, r.json.header.resultCode, r.json.header.resultMessage];
    };
    expect(await code(post('nosuchsvc', body, { key }))).toEqual([404, 404, 'Not Found']);
    const other = await makeService(db());
    expect(await code(post(other.id, body, { key }))).toEqual([403, 403, 'securityKey is null']);
    expect(await code(post(s.id, body, { key, auth: null }))).toEqual([400, 400, 'Authorization is blank']);
    expect(await code(post(s.id, body, { key, ts: 'yesterday' }))).toEqual([400, 400, 'X-TC-Timestamp is not numeric']);
    expect(await code(post(s.id, body, { key, ts: String(Date.now() - 6 * 60_000) }))).toEqual([
      400,
      400,
      'X-TC-Timestamp expired',
    ]);
    expect(await code(post(s.id, body, { key, ts: String(Date.now() + 10 * 60_000) }))).toEqual([
      400,
      400,
      'X-TC-Timestamp is in the future',
    ]);
    expect(await code(post(s.id, body, { key: `${key}x` }))).toEqual([400, 400, 'Authorization incorrect']);
    // Signed for another path (the signature covers the URI).
    expect(
      await code(
        post(s.id, body, {
          auth: signRequest(
            key,
            await orgId(db()),
            `/${s.id}/openapi/v1/other.json`,
            {},
            JSON.stringify(body),
            String(Date.now()),
          ),
        }),
      ),
    ).toEqual([400, 400, 'Authorization incorrect']);

    const ts = String(Date.now());
    const first = await post(s.id, body, { key, ts });
    expect(first.json.header.resultCode).toBe(200);
    expect(await code(post(s.id, body, { key, ts }))).toEqual([400, 400, 'Request replayed']);

    await db()
      .update(apiSettings)
      .set({ allowedCidrs: ['198.51.100.0/24', '2001:db8::/32'] })
      .where(eq(apiSettings.serviceId, s.id));
    expect(await code(post(s.id, body, { key, ip: '203.0.113.9' }))).toEqual([403, 403, 'clientIp not allowed']);
    expect((await post(s.id, body, { key, ip: '198.51.100.77' })).json.header.resultCode).toBe(200);
    expect((await post(s.id, body, { key, ip: '::ffff:198.51.100.78' })).json.header.resultCode).toBe(200);
    expect((await post(s.id, body, { key, ip: '2001:db8::1' })).json.header.resultCode).toBe(200);

    await db().update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.serviceId, s.id));
    expect(await code(post(s.id, body, { key, ip: '198.51.100.77' }))).toEqual([403, 403, 'securityKey is null']);
    expect(await count(s.id)).toBe(4);
  });

  it('answers 429 with Retry-After over the per-key rate limit', async () => {
    const { s, cat, key } = await setup();
    await db().update(apiSettings).set({ rateLimitPerMinute: 2 }).where(eq(apiSettings.serviceId, s.id));
    const a = await post(s.id, good(cat.id), { key });
    const b = await post(s.id, good(cat.id), { key, ts: String(Date.now() + 1) });
    if (a.json.header.resultCode === 429 || b.json.header.resultCode === 429) return; // a minute boundary passed between them
    const c = await post(s.id, good(cat.id), { key, ts: String(Date.now() + 2) });
    expect(c.status).toBe(429);
    expect(c.json.header).toMatchObject({ resultCode: 429, isSuccessful: false });
    expect(Number(c.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(c.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(await count(s.id)).toBe(2);
  });

  it('validates userFields against the intake type layout: unknown codes, wrong types and formats, lengths, required, options — per field, nothing written', async () => {
    const { s, cat, key, grade } = await setup();
    const body = {
      ...good(cat.id),
      subject: '',
      userFields: [
        { code: 'grade', value: 'platinum' },
        { code: 'visitDate', value: '2022/07/11' },
        { code: 'topics', value: [1, 2] },
        { code: 'nosuch', value: 'x' },
        { code: 'personalAgree', value: 'maybe' },
      ],
    };
    const r = await post(s.id, body, { key });
    expect(r.status).toBe(400);
    expect(r.json.header).toMatchObject({ resultCode: 400, isSuccessful: false });
    const by = Object.fromEntries((r.json.result.contents as { objectName: string }[]).map((c) => [c.objectName, c]));
    expect(Object.keys(by).sort()).toEqual(['grade', 'nosuch', 'personalAgree', 'subject', 'topics', 'visitDate']);
    expect(by.subject).toMatchObject({
      validate: 'required',
      key: 'validate.ticket.subject.required',
      message: 'validate.ticket.subject.required',
    });
    expect(by.grade).toMatchObject({ field: grade.id, validate: 'invalid', rejectValue: 'platinum' });
    expect(by.nosuch).toMatchObject({ validate: 'invalid', description: expect.stringContaining('nosuch') });
    const long = await post(s.id, { ...good(cat.id), subject: '가'.repeat(201) }, { key });
    expect(long.json.result.contents).toEqual([expect.objectContaining({ objectName: 'subject', validate: 'length' })]);
    expect(await count(s.id)).toBe(0);
  });

  it('refuses bad input with the envelope and no 500: not JSON, oversized bodies, NUL bytes, lone surrogates, another service’s intake type, an inactive one', async () => {
    const { s, cat, key } = await setup();
    const other = await makeService(db());
    const foreign = await intakeType(db(), other.id, '남의 유형');
    const inactive = await intakeType(db(), s.id, '숨김', false);
    const msg = async (o: Opts, body: unknown = null) => {
      const r = await post(s.id, body, { key, ...o });
      expect(r.status).toBe(400);
      return r.json;
    };
    expect((await msg({ raw: '{"subject": "x",' })).header.resultMessage).toBe('Request body is not JSON');
    expect(
      (await msg({ raw: JSON.stringify({ ...good(cat.id), content: 'x'.repeat(10 * 1024 * 1024) }) })).header
        .resultMessage,
    ).toMatch(/larger than/);
    expect((await msg({}, { ...good(cat.id), subject: 'a\u0000b' })).header.resultMessage).toMatch(/NUL/);
    expect((await msg({ raw: JSON.stringify(good(cat.id)).replace('카드', '\\ud800') })).header.resultMessage).toMatch(
      /surrogate/,
    );
    expect((await msg({}, good(foreign.id))).result.contents).toEqual([
      expect.objectContaining({ objectName: 'category', validate: 'invalid' }),
    ]);
    expect((await msg({}, good(inactive.id))).result.contents).toEqual([
      expect.objectContaining({ objectName: 'category' }),
    ]);
    expect((await msg({}, { ...good(cat.id), categoryId: undefined })).result.contents).toEqual([
      expect.objectContaining({ objectName: 'category', validate: 'required' }),
    ]);
    expect((await msg({}, { ...good(cat.id), userFields: 'grade=gold' })).header.resultMessage).toBe(
      'Validation failed',
    );
    expect((await msg({}, { ...good(cat.id), language: 'fr' })).result.contents).toEqual([
      expect.objectContaining({ objectName: 'language' }),
    ]);
    expect((await msg({}, [1, 2])).header.resultCode).toBe(400);
    // An encrypted field's refused value never comes back (nor goes to a log): masked.
    const secure = await intakeType(db(), s.id, '보안');
    await layoutWith(db(), s.id, secure.id, [{ code: 'residentNo', type: 'text', encrypted: true, maxLength: 6 }]);
    const masked = await post(
      s.id,
      {
        ...good(secure.id),
        userFields: [
          { code: 'residentNo', value: '900101-1234567' },
          { code: 'personalAgree', value: true },
        ],
      },
      { key },
    );
    expect(masked.json.result.contents).toEqual([
      expect.objectContaining({ objectName: 'residentNo', validate: 'length', rejectValue: '****' }),
    ]);
    expect(JSON.stringify(masked.json)).not.toContain('1234567');
    expect(await count(s.id)).toBe(0);
    expect(
      await db()
        .select()
        .from(ticketHistory)
        .where(and(eq(ticketHistory.serviceId, s.id))),
    ).toHaveLength(0);
  });
});
