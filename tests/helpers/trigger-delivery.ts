import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { fields, triggerDeliveries } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { createTicket } from '@/lib/tickets/create-ticket';
import { triggerDesk } from './trigger-desk';
import { inProcessWorker } from './worker';

export type Hit = { path: string; headers: http.IncomingHttpHeaders; body: string };
export type Receiver = { url: string; hits: Hit[]; close: () => Promise<void> };

/**
 * Outbound deliveries to local receivers for the trigger delivery tests: allows HTTP to 127.0.0.1,
 * writes mails to a folder of its own, and stops the worker and every receiver after the file.
 */
export function triggerDelivery(db: () => Db) {
  const mailDir = path.join(os.tmpdir(), `cd-trig-mail-${process.pid}`);
  process.env.OUTBOUND_ALLOW_HTTP = '1';
  process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';
  process.env.MAIL_DIR = mailDir;
  delete process.env.SMTP_URL;
  const receivers: Receiver[] = [];
  const { runWorker, stopWorker } = inProcessWorker();
  beforeAll(async () => {
    await fs.mkdir(mailDir, { recursive: true });
  });
  afterAll(async () => {
    await stopWorker();
    await Promise.all(receivers.map((r) => r.close()));
    await fs.rm(mailDir, { recursive: true, force: true });
  });

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

  /** A help-center ticket from 홍길동 <hong@example.com>, through the real creation path. */
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

  /** A trigger with `results` that fires on every new ticket. */
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

  const { setup } = triggerDesk(db);
  return { mailDir, runWorker, stopWorker, receiver, setup, newTicket, hookTrigger, deliveryOf };
}
