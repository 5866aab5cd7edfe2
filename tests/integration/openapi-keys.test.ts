import { eq } from 'drizzle-orm';
import {
  issueApiKeyAction,
  revokeApiKeyAction,
  saveApiSettingsAction,
} from '@/app/[serviceId]/(desk)/settings/auth/actions';
import { POST } from '@/app/[serviceId]/openapi/v1/ticket.json/route';
import { apiKeys, apiSettings } from '@/db/schema';
import { listApiKeys } from '@/lib/openapi/keys';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { intakeType, orgId, signRequest } from '../helpers/openapi';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
let n = 0;

async function callWith(serviceId: string, key: string, categoryId: string) {
  const uri = `/${serviceId}/openapi/v1/ticket.json`;
  const body = JSON.stringify({
    categoryId,
    subject: '문의',
    content: '내용',
    endUser: { usercode: 'u1' },
    userFields: [{ code: 'personalAgree', value: true }],
  });
  const ts = String(Date.now() + n++);
  const res = await POST(
    new Request(`http://localhost${uri}`, {
      method: 'POST',
      headers: { authorization: signRequest(key, await orgId(db()), uri, {}, body, ts), 'x-tc-timestamp': ts },
      body,
    }),
    { params: Promise.resolve({ serviceId }) },
  );
  return ((await res.json()) as { header: { resultCode: number; resultMessage: string } }).header;
}

describe('인증 (service keys)', () => {
  it('shows a generated key once, stores it sealed, rotates with a 24-hour grace after which the old key stops, and revokes at once', async () => {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(member));
    const cat = await intakeType(db(), s.id, '일반');
    const first = await issueApiKeyAction(null, { serviceId: s.id });
    if (!first.ok) throw new Error(first.error);
    const key1 = first.data.key;
    expect(first.data.graceUntil).toBeNull();
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.serviceId, s.id));
    expect(row.sealed).not.toContain(key1);
    expect(row.hint).toBe(key1.slice(-4));
    expect(await callWith(s.id, key1, cat.id)).toMatchObject({ resultCode: 200 });

    const second = await issueApiKeyAction(null, { serviceId: s.id });
    if (!second.ok) throw new Error(second.error);
    const key2 = second.data.key;
    const grace = new Date(second.data.graceUntil!).getTime() - Date.now();
    expect(grace).toBeGreaterThan(23.9 * 3600_000);
    expect(grace).toBeLessThanOrEqual(24 * 3600_000);
    expect(await callWith(s.id, key1, cat.id)).toMatchObject({ resultCode: 200 });
    expect(await callWith(s.id, key2, cat.id)).toMatchObject({ resultCode: 200 });
    // The grace period ends.
    await db()
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, row.id));
    expect(await callWith(s.id, key1, cat.id)).toMatchObject({
      resultCode: 400,
      resultMessage: 'Authorization incorrect',
    });
    expect(await callWith(s.id, key2, cat.id)).toMatchObject({ resultCode: 200 });

    const listed = await listApiKeys(db(), s.id);
    expect(listed.map((k) => k.today)).toEqual([2, 2]);
    const live = listed.find((k) => k.hint === key2.slice(-4))!;
    expect((await revokeApiKeyAction(null, { serviceId: s.id, keyId: live.id })).ok).toBe(true);
    expect(await callWith(s.id, key2, cat.id)).toMatchObject({ resultCode: 403, resultMessage: 'securityKey is null' });
  });

  it('is for admins only, and saves the allow-list only when every entry is an IP or CIDR', async () => {
    const s = await makeService(db());
    const { member: agent } = await makeAgent(db(), s.id, 'agent');
    signInAs(asSessionMember(agent));
    expect((await issueApiKeyAction(null, { serviceId: s.id })).ok).toBe(false);
    expect(await db().select().from(apiKeys).where(eq(apiKeys.serviceId, s.id))).toHaveLength(0);

    const { member: admin } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin));
    const bad = await saveApiSettingsAction(null, {
      serviceId: s.id,
      enabled: 'true',
      cidrs: '203.0.113.0/24\n999.1.1.1',
      rateLimitPerMinute: '100',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.cidrs?.[0]).toContain('999.1.1.1');
    expect(await db().select().from(apiSettings).where(eq(apiSettings.serviceId, s.id))).toHaveLength(0);
    const good = await saveApiSettingsAction(null, {
      serviceId: s.id,
      enabled: 'true',
      cidrs: '203.0.113.0/24\n2001:db8::1, 198.51.100.7',
      rateLimitPerMinute: '100',
    });
    expect(good.ok).toBe(true);
    const [saved] = await db().select().from(apiSettings).where(eq(apiSettings.serviceId, s.id));
    expect(saved).toMatchObject({
      enabled: true,
      rateLimitPerMinute: 100,
      allowedCidrs: ['203.0.113.0/24', '2001:db8:0:0:0:0:0:1/128', '198.51.100.7/32'],
    });
  });
});
