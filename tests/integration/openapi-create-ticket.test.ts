import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  apiKeyUsage,
  apiSettings,
  apiTicketEndUsers,
  fields,
  ticketFieldValues,
  ticketHistory,
  tickets,
  triggerFirings,
} from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { canonicalMessage, sign } from '@/lib/openapi/signature';
import { setupTestDb } from '../helpers/db';
import { good, openapiCreate } from '../helpers/openapi-create';
import { signRequest } from '../helpers/openapi';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { post, setup, count } = openapiCreate(db);

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
});
