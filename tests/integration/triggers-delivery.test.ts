import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { Webhook } from 'standardwebhooks';
import {
  disabledEndpoints,
  fields,
  triggerDeliveries,
  triggerDeliveryAttempts,
  triggerRuns,
  triggers,
} from '@/db/schema';
import {
  createTriggerAction,
  rotateSecretAction,
  testCallbackAction,
} from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { safeFetch } from '@/lib/net/safe-fetch';
import { endpointKey } from '@/lib/triggers/endpoint-url';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const mailDir = path.join(os.tmpdir(), `cd-trig-mail-${process.pid}`);
process.env.OUTBOUND_ALLOW_HTTP = '1';
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';
process.env.MAIL_DIR = mailDir;
delete process.env.SMTP_URL;

type Hit = { path: string; headers: http.IncomingHttpHeaders; body: string };
type Receiver = { url: string; hits: Hit[]; close: () => Promise<void> };
const receivers: Receiver[] = [];

/** A local HTTP receiver; `answer` decides each response from the hits so far. */
async function receiver(answer: (hit: Hit, n: number, res: http.ServerResponse) => void): Promise<Receiver> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const hit = { path: req.url ?? '', headers: req.headers, body };
      hits.push(hit);
      answer(hit, hits.length, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const r = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
  receivers.push(r);
  return r;
}

let worker: Worker | null = null;
beforeAll(async () => {
  await fs.mkdir(mailDir, { recursive: true });
});
afterAll(async () => {
  await worker?.stop();
  await Promise.all(receivers.map((r) => r.close()));
  await fs.rm(mailDir, { recursive: true, force: true });
});

async function until<T>(what: () => Promise<T | undefined | null | false>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function setup() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(member));
  return s;
}

async function newTicket(serviceId: string) {
  const [name] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'name')));
  const [mail] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'mail')));
  return db().transaction((tx) =>
    createTicket(tx, {
      serviceId,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '결제 <오류>',
      content: '카드 결제가 안 됩니다',
      intakeTypeId: null,
      entries: [
        { field: name, value: '홍길동' },
        { field: mail, value: 'hong@example.com' },
      ],
      actor: { type: 'customer', name: '홍길동' },
    }),
  );
}

async function hookTrigger(serviceId: string, results: Record<string, unknown>[]) {
  const r = await createTriggerAction(null, {
    serviceId,
    title: `hook ${Math.random()}`,
    conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
    results,
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
}

const deliveryOf = async (ticketId: string) =>
  (await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, ticketId)))[0];

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

describe('deliveries through the worker', () => {
  beforeAll(async () => {
    worker = await startWorker({ schedule: false, supervise: false });
  });

  it('signs callbacks per Standard Webhooks (verified by the standardwebhooks package) and logs the attempt', async () => {
    const s = await setup();
    const secret = await rotateSecretAction(null, { serviceId: s.id });
    if (!secret.ok) throw new Error('no secret');
    const r = await receiver((_h, _n, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    );
    await hookTrigger(s.id, [{ type: 'callback', url: `${r.url}/cb` }]);
    const { snapshot } = await newTicket(s.id);
    await until(async () => (await deliveryOf(snapshot.id))?.status === 'delivered');
    expect(r.hits).toHaveLength(1);
    const hit = r.hits[0];
    const payload = new Webhook(secret.data.secret).verify(hit.body, hit.headers as Record<string, string>) as {
      type: string;
      ticket: { number: number };
      trigger: { title: string };
    };
    expect(payload).toMatchObject({ type: 'ticket.created', ticket: { number: snapshot.number } });
    const d = await deliveryOf(snapshot.id);
    expect(hit.headers['webhook-id']).toBe(d.id);
    const attempts = await db()
      .select()
      .from(triggerDeliveryAttempts)
      .where(eq(triggerDeliveryAttempts.deliveryId, d.id));
    expect(attempts).toEqual([expect.objectContaining({ httpStatus: 200, errorClass: null, response: '{"ok":true}' })]);
    // The test button sends a verifiable sample too.
    const test = await testCallbackAction(null, { serviceId: s.id, url: `${r.url}/cb` });
    expect(test).toMatchObject({ ok: true, data: { status: 200, body: '{"ok":true}' } });
    expect(() =>
      new Webhook(secret.data.secret).verify(r.hits[1].body, r.hits[1].headers as Record<string, string>),
    ).not.toThrow();
  });

  it('retries a 500 (Retry-After honoured) with the same webhook-id until a 200', async () => {
    const s = await setup();
    const r = await receiver((_h, n, res) =>
      n === 1 ? res.writeHead(500, { 'retry-after': '1' }).end('boom') : res.writeHead(200).end(),
    );
    await hookTrigger(s.id, [{ type: 'callback', url: r.url }]);
    const { snapshot } = await newTicket(s.id);
    await until(async () => (await deliveryOf(snapshot.id))?.status === 'delivered');
    expect(r.hits).toHaveLength(2);
    expect(r.hits[0].headers['webhook-id']).toBe(r.hits[1].headers['webhook-id']);
    expect((await deliveryOf(snapshot.id)).attempts).toBe(2);
  });

  it('counts a 301 as a failure without following it', async () => {
    const s = await setup();
    const r = await receiver((hit, _n, res) =>
      hit.path === '/elsewhere' ? res.writeHead(200).end() : res.writeHead(301, { location: `/elsewhere` }).end(),
    );
    await hookTrigger(s.id, [{ type: 'callback', url: `${r.url}/hook` }]);
    const { snapshot } = await newTicket(s.id);
    const d = await until(async () => {
      const x = await deliveryOf(snapshot.id);
      return x && x.attempts >= 1 ? x : null;
    });
    expect(d.status).toBe('pending');
    expect(r.hits.map((h) => h.path)).toEqual(['/hook']);
    const [a] = await db().select().from(triggerDeliveryAttempts).where(eq(triggerDeliveryAttempts.deliveryId, d.id));
    expect(a).toMatchObject({ httpStatus: 301, errorClass: 'redirect' });
  });

  it('disables the endpoint on 410: the delivery stops and later effects to it are skipped', async () => {
    const s = await setup();
    const r = await receiver((_h, _n, res) => res.writeHead(410).end());
    await hookTrigger(s.id, [{ type: 'callback', url: r.url }]);
    const first = await newTicket(s.id);
    await until(async () => (await deliveryOf(first.snapshot.id))?.status === 'disabled');
    expect(await db().select().from(disabledEndpoints).where(eq(disabledEndpoints.serviceId, s.id))).toEqual([
      expect.objectContaining({ url: endpointKey(r.url) }),
    ]);
    const second = await newTicket(s.id);
    expect(await deliveryOf(second.snapshot.id)).toBeUndefined();
    const [run] = await db().select().from(triggerRuns).where(eq(triggerRuns.ticketId, second.snapshot.id));
    expect(run.detail.fired[0].results).toEqual([
      { type: 'callback', outcome: 'skipped', reason: 'endpoint_disabled' },
    ]);
    expect(r.hits).toHaveLength(1);
  });

  it('posts Dooray alerts built from the template, and mails notifications alone with Auto-Submitted and a stable Message-ID', async () => {
    const s = await setup();
    const r = await receiver((_h, _n, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end('{"header":{"resultCode":0,"resultMessage":"","isSuccessful":true}}'),
    );
    await hookTrigger(s.id, [
      {
        type: 'dooray',
        url: `${r.url}/services/1`,
        botName: '접수봇',
        botIconImage: '',
        text: '[#{ticketNo}] #{subject}',
        attachmentTitle: '#{name}',
        attachmentText: '#{inquiry}',
      },
      {
        type: 'notify_mail',
        to: 'customer',
        messages: { ko: { subject: '접수 #{ticketNo}', body: '<p>#{name}님, #{subject} 문의를 받았습니다.</p>' } },
      },
    ]);
    const { snapshot } = await newTicket(s.id);
    await until(
      async () =>
        (
          await db()
            .select()
            .from(triggerDeliveries)
            .where(and(eq(triggerDeliveries.ticketId, snapshot.id), eq(triggerDeliveries.status, 'delivered')))
        ).length === 2,
    );
    expect(JSON.parse(r.hits[0].body)).toEqual({
      botName: '접수봇',
      text: `[${snapshot.number}] 결제 <오류>`,
      attachments: [
        {
          title: '홍길동',
          titleLink: expect.stringContaining(`/tickets/${snapshot.number}`),
          text: '카드 결제가 안 됩니다',
          color: '#4757C4',
        },
      ],
    });
    const mail = (
      await db()
        .select()
        .from(triggerDeliveries)
        .where(and(eq(triggerDeliveries.ticketId, snapshot.id), eq(triggerDeliveries.kind, 'notify_mail')))
    )[0];
    const files = await fs.readdir(mailDir);
    const contents = await Promise.all(files.map((f) => fs.readFile(path.join(mailDir, f), 'utf8')));
    const eml = contents.find((c) => c.includes(mail.id));
    expect(eml).toBeDefined();
    expect(eml).toMatch(/^Auto-Submitted: auto-generated$/m);
    expect(eml).toMatch(new RegExp(`^Message-ID: <${mail.id}@`, 'm'));
    const parsed = await simpleParser(eml!);
    expect(parsed.to).toMatchObject({ text: 'hong@example.com' });
    expect(parsed.subject).toBe(`접수 ${snapshot.number}`);
    expect(parsed.html).toContain('홍길동님, 결제 &lt;오류&gt; 문의를 받았습니다.');
  });
});

describe('a killed worker', () => {
  it('loses nothing: the delivery it was making is made by another worker within 2 minutes', async () => {
    await worker?.stop();
    worker = null;
    const s = await setup();
    let hang = true;
    const r = await receiver((_h, _n, res) => {
      if (hang) return; // never answers while the first worker holds it
      res.writeHead(200).end();
    });
    await hookTrigger(s.id, [{ type: 'callback', url: r.url }]);
    const child: ChildProcess = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/worker.ts'], {
      env: { ...process.env, WORKER_LOG: '0' },
      stdio: 'ignore',
      detached: true,
    });
    // tsx runs the worker in a child process: kill the whole group, or the real worker survives,
    // finishes the delivery itself, and outlives the test run.
    const killWorker = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    try {
      const { snapshot } = await newTicket(s.id);
      await until(async () => r.hits.length === 1, 60000);
      killWorker();
      hang = false;
      const started = Date.now();
      worker = await startWorker({ schedule: true, supervise: true });
      await until(async () => (await deliveryOf(snapshot.id))?.status === 'delivered', 150000);
      expect(Date.now() - started).toBeLessThan(120000);
      expect(r.hits.length).toBeGreaterThanOrEqual(2);
      expect(new Set(r.hits.map((h) => h.headers['webhook-id'])).size).toBe(1);
    } finally {
      killWorker();
      await worker?.stop();
      worker = null;
    }
  }, 200000);
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
