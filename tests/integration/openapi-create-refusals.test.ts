import { and, eq } from 'drizzle-orm';
import { apiKeys, apiSettings, ticketHistory } from '@/db/schema';
import { setupTestDb } from '../helpers/db';
import { good, openapiCreate, type Opts } from '../helpers/openapi-create';
import { makeService } from '../helpers/factories';
import { intakeType, layoutWith, orgId, signRequest } from '../helpers/openapi';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { post, setup, count } = openapiCreate(db);

describe('POST /{serviceId}/openapi/v1/ticket.json', () => {
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
