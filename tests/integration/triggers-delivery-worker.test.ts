import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { Webhook } from 'standardwebhooks';
import { disabledEndpoints, triggerDeliveries, triggerDeliveryAttempts, triggerRuns } from '@/db/schema';
import { rotateSecretAction, testCallbackAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { endpointKey } from '@/lib/triggers/endpoint-url';
import { setupTestDb } from '../helpers/db';
import { triggerDelivery } from '../helpers/trigger-delivery';
import { until } from '../helpers/until';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { mailDir, runWorker, receiver, setup, newTicket, hookTrigger, deliveryOf } = triggerDelivery(db);

describe('deliveries through the worker', () => {
  beforeAll(async () => {
    await runWorker({ schedule: false, supervise: false });
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
