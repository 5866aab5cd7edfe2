import { spawn } from 'node:child_process';
import { and, eq, sql } from 'drizzle-orm';
import { fields, tickets } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { always, triggerDesk } from '../helpers/trigger-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const desk = triggerDesk(db);
/** An Open API ticket through the real creation path (triggers run). */
const newTicket = (serviceId: string) => desk.newTicket(serviceId, { channel: 'api' });

async function serviceWithRoundRobin(agentCount: number) {
  const s = await makeService(db());
  const { member: admin } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin));
  const agents = await Promise.all(Array.from({ length: agentCount }, () => makeAgent(db(), s.id)));
  const g = await makeGroup(
    db(),
    s.id,
    '결제',
    agents.map((a) => a.agent.id),
  );
  const made = await createTriggerAction(null, {
    serviceId: s.id,
    title: '결제 순차배분',
    conditions: [always],
    results: [{ type: 'assign', groupId: g.id, method: 'round_robin' }],
  });
  expect(made.ok).toBe(true);
  return { s, agents };
}

async function perAssignee(serviceId: string) {
  const rows = await db()
    .select({ assignee: tickets.assigneeId, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(eq(tickets.serviceId, serviceId))
    .groupBy(tickets.assigneeId);
  return new Map(rows.map((r) => [r.assignee, r.n]));
}

/** Runs `count` creations in a separate Node process: a second app instance with its own pools and caches. */
function otherInstance(serviceId: string, count: number, clients: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'npx',
      ['tsx', 'tests/helpers/create-tickets-child.ts', serviceId, String(count), String(clients)],
      { env: process.env, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`child exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

describe('ticket intake under concurrency', () => {
  it('gives 1,600 tickets made by 16 concurrent clients 1,600 distinct numbers, and each of 4 round-robin agents exactly 400', async () => {
    const { s, agents } = await serviceWithRoundRobin(4);
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 1600) {
          next++;
          await newTicket(s.id);
        }
      }),
    );
    const [n] = await db()
      .select({
        all: sql<number>`count(*)::int`,
        distinct: sql<number>`count(distinct ${tickets.number})::int`,
        max: sql<number>`max(${tickets.number})`,
      })
      .from(tickets)
      .where(eq(tickets.serviceId, s.id));
    expect(n).toEqual({ all: 1600, distinct: 1600, max: 1600 });
    const by = await perAssignee(s.id);
    for (const a of agents) expect(by.get(a.member.id)).toBe(400);
  }, 300_000);

  it('stays exactly fair when a second app process creates tickets at the same time', async () => {
    const { s, agents } = await serviceWithRoundRobin(3);
    let next = 0;
    await Promise.all([
      otherInstance(s.id, 150, 4),
      ...Array.from({ length: 4 }, async () => {
        while (next < 150) {
          next++;
          await newTicket(s.id);
        }
      }),
    ]);
    const [n] = await db()
      .select({ all: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct ${tickets.number})::int` })
      .from(tickets)
      .where(eq(tickets.serviceId, s.id));
    expect(n).toEqual({ all: 300, distinct: 300 });
    const by = await perAssignee(s.id);
    for (const a of agents) expect(by.get(a.member.id)).toBe(100);
  }, 300_000);

  it('holds no lock to commit: a second creation (number + round-robin turn) commits while the first is still open, and a rollback leaves a gap', async () => {
    const { s, agents } = await serviceWithRoundRobin(2);
    await newTicket(s.id); // #1, warms the trigger cache and creates the cursor row
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    let created!: (n: number) => void;
    const inside = new Promise<number>((r) => (created = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = db().transaction(async (tx) => {
      const { snapshot } = await createTicket(tx, {
        serviceId: s.id,
        channel: 'api',
        language: 'ko',
        subject: '열린 트랜잭션',
        content: '대기',
        intakeTypeId: null,
        entries: [{ field: name, value: '이영희' }],
        actor: { type: 'system' },
      });
      created(snapshot.number);
      await gate;
      throw new Error('caller gave up');
    });
    expect(await inside).toBe(2);
    const second = await Promise.race([
      newTicket(s.id),
      new Promise<never>((_, rej) =>
        setTimeout(() => rej(new Error('blocked behind the open transaction')), 5000).unref(),
      ),
    ]);
    expect(second.snapshot.number).toBe(3);
    release();
    await expect(first).rejects.toThrow('caller gave up');
    // Number 2 was rolled back: a gap, never reused. Its round-robin turn was used too, so the
    // next ticket goes to the agent after #3's.
    const fourth = await newTicket(s.id);
    expect(fourth.snapshot.number).toBe(4);
    const order = agents.map((a) => a.member.id);
    expect(fourth.snapshot.assigneeId).toBe(order[(order.indexOf(second.snapshot.assigneeId!) + 1) % 2]);
  });
});
