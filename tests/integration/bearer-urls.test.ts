/**
 * Bearer URLs stored sealed (issue 13 item 8): a Dooray incoming-hook URL ends in its token and a
 * callback URL may carry one, so neither may sit in clear in any table — trigger results, the
 * delivery requests of the outbox, the 410-disabled endpoints — yet the worker still sends to them,
 * the editor shows them masked and keeps them when left alone, and rows written in clear by an
 * earlier version are sealed by the start-up data migration.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { revealHookUrlAction } from '@/app/[serviceId]/(desk)/settings/channels/actions';
import { createTriggerAction, updateTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { accessLogs, disabledEndpoints, fields, triggerDeliveries, triggers } from '@/db/schema';
import { doorayState, maskedHookUrl } from '@/lib/dooray/config';
import { createTicket } from '@/lib/tickets/create-ticket';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { sealStoredEndpointUrls } from '@/lib/triggers/seal-stored-urls';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
process.env.OUTBOUND_ALLOW_HTTP = '1';
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';

const db = setupTestDb();
type Hit = { path: string; body: string };
const hits: Hit[] = [];
let status = 200;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    hits.push({ path: req.url ?? '', body });
    res.writeHead(status).end('{}');
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);
afterEach(() => {
  signOut();
  hits.length = 0;
  status = 200;
});

/** Tables (any schema but the system ones) with the needle anywhere in a row. */
async function tablesContaining(needle: string): Promise<string[]> {
  const { rows } = await db().execute<{ s: string; t: string }>(
    sql`SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
  );
  const out: string[] = [];
  for (const { s, t } of rows)
    if (
      (
        await db().execute(
          sql`SELECT 1 FROM ${sql.identifier(s)}.${sql.identifier(t)} x WHERE x::text LIKE ${`%${needle}%`} LIMIT 1`,
        )
      ).rows.length
    )
      out.push(`${s}.${t}`);
  return out;
}

async function setup() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(member));
  return s;
}

async function fire(serviceId: string) {
  const [name] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'name')));
  const { snapshot } = await db().transaction((tx) =>
    createTicket(tx, {
      serviceId,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '결제 오류',
      content: '결제가 안 됩니다',
      intakeTypeId: null,
      entries: [{ field: name, value: '홍길동' }],
      actor: { type: 'customer', name: '홍길동' },
    }),
  );
  const ds = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, snapshot.id));
  for (const d of ds) await attemptDelivery(db(), d.id);
  return db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, snapshot.id));
}

const created = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;
const dooray = (url: string) => ({
  type: 'dooray',
  url,
  botName: '접수봇',
  botIconImage: '',
  text: '[#{ticketNo}] #{subject}',
  attachmentTitle: '',
  attachmentText: '',
});

it('keeps hook and callback URLs sealed in every table, sends to them, shows them masked and keeps them on an untouched save', async () => {
  const s = await setup();
  const token = `HookTok${Date.now()}x`;
  const cbToken = `CbTok${Date.now()}y`;
  const made = await createTriggerAction(null, {
    serviceId: s.id,
    title: '알림',
    conditions: [created],
    results: [dooray(`${base}/services/111/222/${token}`), { type: 'callback', url: `${base}/cb?token=${cbToken}` }],
  });
  expect(made.ok).toBe(true);

  const ds = await fire(s.id);
  expect(ds.map((d) => d.status).sort()).toEqual(['delivered', 'delivered']);
  expect(hits.map((h) => h.path).sort()).toEqual([`/cb?token=${cbToken}`, `/services/111/222/${token}`]);
  expect(ds.map((d) => d.target)).toEqual([new URL(base).host, new URL(base).host]);

  // What the editor gets: the masked hint and an opaque ciphertext, never the URL.
  const [row] = await db().select().from(triggers).where(eq(triggers.serviceId, s.id));
  const results = row.results as Record<string, string>[];
  expect(results.map((r) => [r.url, r.urlHint])).toEqual([
    [undefined, `${base}/…${token.slice(-4)}`],
    [undefined, `${base}/…${cbToken.slice(-4)}`],
  ]);
  for (const needle of [token, cbToken]) expect(await tablesContaining(needle)).toEqual([]);

  // Saved again without touching the URLs (the editor sends back what it was given, url empty).
  const kept = await updateTriggerAction(null, {
    serviceId: s.id,
    triggerId: row.id,
    title: '알림 2',
    conditions: [created],
    results: results.map((r) => ({ ...r, url: '' })),
  });
  expect(kept.ok).toBe(true);
  hits.length = 0;
  await fire(s.id);
  expect(hits.map((h) => h.path).sort()).toEqual([`/cb?token=${cbToken}`, `/services/111/222/${token}`]);

  // 410 disables the endpoint by its fingerprint; the URL is not written there either.
  status = 410;
  await fire(s.id);
  expect(
    await db()
      .select({ url: disabledEndpoints.url })
      .from(disabledEndpoints)
      .where(eq(disabledEndpoints.serviceId, s.id)),
  ).toEqual([{ url: expect.stringMatching(/^h1:/) }, { url: expect.stringMatching(/^h1:/) }]);
  expect(await fire(s.id)).toEqual([]);
  for (const needle of [token, cbToken]) expect(await tablesContaining(needle)).toEqual([]);
});

it("refuses another service's sealed URL (re-enter it) and an empty URL", async () => {
  const a = await setup();
  await createTriggerAction(null, {
    serviceId: a.id,
    title: 'A',
    conditions: [created],
    results: [{ type: 'callback', url: `${base}/a?token=secret-a` }],
  });
  const [sealed] = (await db().select().from(triggers).where(eq(triggers.serviceId, a.id)))[0].results as Record<
    string,
    string
  >[];
  const b = await setup();
  const stolen = await createTriggerAction(null, {
    serviceId: b.id,
    title: 'B',
    conditions: [created],
    results: [{ ...sealed, url: '' }],
  });
  expect(stolen).toMatchObject({
    ok: false,
    fieldErrors: { 'results.0': ['저장된 주소를 읽을 수 없습니다. 주소를 다시 입력하세요.'] },
  });
  const empty = await createTriggerAction(null, {
    serviceId: b.id,
    title: 'B',
    conditions: [created],
    results: [{ type: 'callback', url: '' }],
  });
  expect(empty).toMatchObject({ ok: false, fieldErrors: { 'results.0': [expect.any(String)] } });
});

it('seals rows an earlier version stored in clear (start-up data migration), and they still work', async () => {
  const s = await setup();
  const token = `OldTok${Date.now()}z`;
  const url = `${base}/services/9/8/${token}`;
  const gone = `${base}/gone?token=${token}G`;
  // As the previous version wrote them.
  const [t] = await db()
    .insert(triggers)
    .values({
      serviceId: s.id,
      title: 'old',
      conditions: [created],
      results: [dooray(url), { type: 'callback', url: gone }],
    })
    .returning();
  await db().insert(disabledEndpoints).values({ serviceId: s.id, url: gone });
  const [pending] = await db()
    .insert(triggerDeliveries)
    .values({
      serviceId: s.id,
      triggerId: t.id,
      triggerTitle: 'old',
      kind: 'dooray',
      target: new URL(base).host,
      request: { url, body: { botName: 'b', text: 'queued before the upgrade' } },
    })
    .returning();
  expect((await tablesContaining(token)).sort()).toEqual([
    'public.disabled_endpoints',
    'public.trigger_deliveries',
    'public.triggers',
  ]);

  expect(await sealStoredEndpointUrls(db())).toBe(3);
  expect(await sealStoredEndpointUrls(db())).toBe(0);
  expect(await tablesContaining(token)).toEqual([]);

  // The queued delivery goes out to the right URL; the disabled callback stays disabled.
  expect(await attemptDelivery(db(), pending.id)).toBe(true);
  expect(hits.map((h) => h.path)).toEqual([`/services/9/8/${token}`]);
  hits.length = 0;
  const ds = await fire(s.id);
  expect(ds.map((d) => d.kind)).toEqual(['dooray']);
  expect(hits.map((h) => h.path)).toEqual([`/services/9/8/${token}`]);
});

it("shows the Dooray inbound hook URL masked; only an admin's 보기 returns it whole, and it is logged", async () => {
  const s = await makeService(db());
  const { member: admin } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin));
  const { hookToken } = await doorayState(db(), s.id);
  expect(maskedHookUrl(s.id, hookToken)).not.toContain(hookToken);
  expect(maskedHookUrl(s.id, hookToken)).toMatch(
    new RegExp(`/${s.id}/api/v2/dooray/hook\\?token=••••${hookToken.slice(-4)}$`),
  );
  const r = await revealHookUrlAction(null, { serviceId: s.id });
  expect(r).toMatchObject({ ok: true, data: { url: expect.stringMatching(new RegExp(`\\?token=${hookToken}$`)) } });
  const { member } = await makeAgent(db(), s.id, 'agent');
  signInAs(asSessionMember(member));
  expect(await revealHookUrlAction(null, { serviceId: s.id })).toMatchObject({ ok: false });

  // Each reveal is an access-log row naming who and which secret, never the URL or its token.
  const logs = await db()
    .select()
    .from(accessLogs)
    .where(and(eq(accessLogs.serviceId, s.id), eq(accessLogs.event, 'secret_revealed')));
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatchObject({ memberId: admin.id, detail: { secret: 'dooray_hook_url' } });
  expect(JSON.stringify(logs)).not.toContain(hookToken);
});
