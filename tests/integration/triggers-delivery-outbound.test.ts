import os from 'node:os';
import { eq } from 'drizzle-orm';
import { triggers } from '@/db/schema';
import { testCallbackAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { safeFetch } from '@/lib/net/safe-fetch';
import { setupTestDb } from '../helpers/db';
import { triggerDelivery } from '../helpers/trigger-delivery';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { receiver, setup, hookTrigger } = triggerDelivery(db);

describe('safe-fetch', () => {
  it('refuses loopback, private, link-local and IPv4-mapped addresses unless OUTBOUND_ALLOW_CIDRS allows them, and never follows redirects', async () => {
    const r = await receiver((hit, _n, res) => {
      if (hit.path === '/moved') res.writeHead(301, { location: 'http://10.0.0.1/inside' }).end();
      else res.writeHead(200).end('ok');
    });
    const allow = process.env.OUTBOUND_ALLOW_CIDRS;
    try {
      process.env.OUTBOUND_ALLOW_CIDRS = '';
      for (const url of [
        r.url,
        'http://10.1.2.3/',
        'http://192.168.1.1/',
        'http://169.254.169.254/latest/meta-data',
        'http://[::ffff:127.0.0.1]/',
        'http://[::1]/',
        'http://100.64.0.1/',
        'http://localhost/',
      ]) {
        await expect(safeFetch(url)).rejects.toMatchObject({ name: 'OutboundBlockedError' });
      }
      // A name resolving to loopback is refused at connect time (the address check is in the lookup).
      // (its port is allowed here so that it is the address that gets refused)
      process.env.OUTBOUND_ALLOW_PORTS = new URL(r.url).port;
      await expect(safeFetch(`http://${os.hostname()}:${new URL(r.url).port}/`)).rejects.toMatchObject({
        name: 'OutboundBlockedError',
        reason: 'address',
      });
      delete process.env.OUTBOUND_ALLOW_PORTS;
      expect(r.hits).toHaveLength(0);
    } finally {
      process.env.OUTBOUND_ALLOW_CIDRS = allow;
    }
    expect((await safeFetch(r.url)).status).toBe(200);
    const moved = await safeFetch(`${r.url}/moved`);
    expect(moved.status).toBe(301);
    expect(r.hits.map((h) => h.path)).toEqual(['/', '/moved']);
  });
});

it('tests a saved callback by its sealed URL when the admin keeps it, only within its own service', async () => {
  const s = await setup();
  const r = await receiver((_h, _n, res) => res.writeHead(200).end('kept'));
  await hookTrigger(s.id, [{ type: 'callback', url: `${r.url}/kept` }]);
  const [saved] = await db().select().from(triggers).where(eq(triggers.serviceId, s.id));
  const result = (saved.results as { urlKey: string; url?: string }[])[0];
  expect(result.url).toBeUndefined();
  const test = await testCallbackAction(null, {
    serviceId: s.id,
    url: '',
    triggerId: saved.id,
    urlKey: result.urlKey,
  });
  expect(test).toMatchObject({ ok: true, data: { status: 200, body: 'kept' } });
  expect(r.hits.map((h) => h.path)).toEqual(['/kept']);
  // A fingerprint that is not one of this trigger's callbacks, or another service's trigger: nothing is sent.
  expect(
    await testCallbackAction(null, { serviceId: s.id, url: '', triggerId: saved.id, urlKey: 'h1:other' }),
  ).toMatchObject({ ok: false });
  const other = await setup();
  expect(
    await testCallbackAction(null, { serviceId: other.id, url: '', triggerId: saved.id, urlKey: result.urlKey }),
  ).toMatchObject({ ok: false });
  expect(await testCallbackAction(null, { serviceId: other.id, url: '' })).toMatchObject({
    ok: false,
    fieldErrors: { url: [expect.any(String)] },
  });
  expect(r.hits).toHaveLength(1);
});
