import { and, eq, sql } from 'drizzle-orm';
import { serviceMembers, ticketHistory, tickets } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { makeAgent, makeGroup } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { always, triggerDesk } from '../helpers/trigger-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { newTicket, setup } = triggerDesk(db);

describe('round-robin through the real ticket path', () => {
  it('gives each of 4 agents exactly 100 of 400 tickets made by 16 concurrent clients, and none to an agent with 티켓 할당 OFF', async () => {
    const s = await setup();
    const agents = await Promise.all([0, 1, 2, 3].map(() => makeAgent(db(), s.id)));
    const off = await makeAgent(db(), s.id, 'agent', { assignable: false });
    const g = await makeGroup(db(), s.id, '결제', [
      agents[0].agent.id,
      off.agent.id,
      agents[1].agent.id,
      agents[2].agent.id,
      agents[3].agent.id,
    ]);
    const made = await createTriggerAction(null, {
      serviceId: s.id,
      title: '결제 순차배분',
      conditions: [always],
      results: [{ type: 'assign', groupId: g.id, method: 'round_robin' }],
    });
    expect(made.ok).toBe(true);

    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 400) {
          next++;
          await newTicket(s.id);
        }
      }),
    );
    const counts = await db()
      .select({ assignee: tickets.assigneeId, n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(eq(tickets.serviceId, s.id))
      .groupBy(tickets.assigneeId);
    const byMember = new Map(counts.map((c) => [c.assignee, c.n]));
    expect(counts.reduce((a, c) => a + c.n, 0)).toBe(400);
    for (const a of agents) expect(byMember.get(a.member.id)).toBe(100);
    expect(byMember.get(off.member.id)).toBeUndefined();
    const [open] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(and(eq(tickets.serviceId, s.id), eq(tickets.status, 'open'), eq(tickets.groupId, g.id)));
    expect(open.n).toBe(400);
  }, 120_000);

  it('follows the order agents were added, and falls back to the group with a note when nobody is assignable', async () => {
    const s = await setup();
    const [a, b] = [await makeAgent(db(), s.id), await makeAgent(db(), s.id)];
    const g = await makeGroup(db(), s.id, 'VIP', [a.agent.id, b.agent.id]);
    await createTriggerAction(null, {
      serviceId: s.id,
      title: 'VIP',
      conditions: [always],
      results: [{ type: 'assign', groupId: g.id, method: 'round_robin' }],
    });
    const seq = [];
    for (let i = 0; i < 4; i++) seq.push((await newTicket(s.id)).snapshot.assigneeId);
    expect(seq).toEqual([a.member.id, b.member.id, a.member.id, b.member.id]);

    await db().update(serviceMembers).set({ assignable: false }).where(eq(serviceMembers.serviceId, s.id));
    const { snapshot } = await newTicket(s.id);
    expect(snapshot).toMatchObject({ assigneeId: null, groupId: g.id, status: 'new' });
    const hist = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, snapshot.id), eq(ticketHistory.actorType, 'trigger')));
    expect(hist).toEqual([
      expect.objectContaining({ field: 'groupId', actorName: 'VIP', detail: { note: 'no_assignable_agent' } }),
    ]);
  });
});
