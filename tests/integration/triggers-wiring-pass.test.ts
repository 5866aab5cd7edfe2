import { and, eq, sql } from 'drizzle-orm';
import { fields, ticketHistory, tickets, triggerDeliveries, triggerFirings, triggerRuns } from '@/db/schema';
import {
  createTriggerAction,
  reorderTriggersAction,
  setTriggerActiveAction,
  testRunAction,
} from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { createTicket } from '@/lib/tickets/create-ticket';
import { makeAgent, makeGroup } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { always, triggerDesk } from '../helpers/trigger-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { newTicket, setup, category } = triggerDesk(db);

describe('a pass', () => {
  it('is recorded: a trigger_runs row, a firing, and a trigger_pass history row describing evaluated, fired and each result', async () => {
    const s = await setup();
    const root = await category(s.id, '결제');
    const leaf = await category(s.id, '카드', root);
    const { agent, member } = await makeAgent(db(), s.id);
    const g = await makeGroup(db(), s.id, '결제팀', [agent.id]);
    await createTriggerAction(null, {
      serviceId: s.id,
      title: '결제 배정',
      conditions: [{ mode: 'all', target: 'intakeType', operator: 'is_within', value: root.id }],
      results: [
        { type: 'assign', groupId: g.id, method: 'round_robin' },
        { type: 'callback', url: 'https://example.com/hook' },
      ],
    });
    await createTriggerAction(null, {
      serviceId: s.id,
      title: '긴급',
      conditions: [{ mode: 'all', target: 'priority', operator: 'is', value: 'urgent' }],
      results: [{ type: 'set_group', groupId: g.id }],
    });
    const { snapshot } = await newTicket(s.id, { intakeTypeId: leaf.id });
    expect(snapshot.assigneeId).toBe(member.id);
    const [run] = await db().select().from(triggerRuns).where(eq(triggerRuns.ticketId, snapshot.id));
    expect(run.detail).toMatchObject({
      event: 'created',
      evaluated: 2,
      fired: [
        {
          title: '결제 배정',
          results: [
            { type: 'assign', outcome: 'changed' },
            { type: 'callback', outcome: 'queued', deliveryIds: [expect.any(String)] },
          ],
        },
      ],
    });
    const [pass] = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, snapshot.id), eq(ticketHistory.action, 'trigger_pass')));
    expect(pass.detail).toMatchObject({ evaluated: 2, runId: run.id });
    expect(await db().select().from(triggerFirings).where(eq(triggerFirings.ticketId, snapshot.id))).toHaveLength(1);
    expect(await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, snapshot.id))).toEqual([
      expect.objectContaining({ kind: 'callback', target: 'example.com', status: 'pending' }),
    ]);
  });

  it('leaves nothing behind when the ticket change rolls back', async () => {
    const s = await setup();
    await createTriggerAction(null, {
      serviceId: s.id,
      title: 'hook',
      conditions: [always],
      results: [{ type: 'callback', url: 'https://example.com/hook' }],
    });
    await expect(
      db().transaction(async (tx) => {
        const [name] = await tx
          .select()
          .from(fields)
          .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
        await createTicket(tx, {
          serviceId: s.id,
          channel: 'api',
          language: 'ko',
          subject: 'x',
          content: 'y',
          intakeTypeId: null,
          entries: [{ field: name, value: 'a' }],
          actor: { type: 'system' },
        });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.serviceId, s.id))).toHaveLength(0);
    expect(await db().select().from(triggerRuns).where(eq(triggerRuns.serviceId, s.id))).toHaveLength(0);
  });

  it('sees a trigger saved after the cache was filled (the version row), and runs in the saved order', async () => {
    const s = await setup();
    const [a, b] = [await makeAgent(db(), s.id), await makeAgent(db(), s.id)];
    const ga = await makeGroup(db(), s.id, 'A', [a.agent.id]);
    const gb = await makeGroup(db(), s.id, 'B', [b.agent.id]);
    const first = await createTriggerAction(null, {
      serviceId: s.id,
      title: 'to A',
      conditions: [always],
      results: [{ type: 'assign', groupId: ga.id, method: 'agent', agentId: a.member.id }],
    });
    expect((await newTicket(s.id)).snapshot.assigneeId).toBe(a.member.id);
    const second = await createTriggerAction(null, {
      serviceId: s.id,
      title: 'to B',
      conditions: [always],
      results: [{ type: 'assign', groupId: gb.id, method: 'agent', agentId: b.member.id }],
    });
    // Last assignment wins: B runs after A.
    expect((await newTicket(s.id)).snapshot.assigneeId).toBe(b.member.id);
    if (!first.ok || !second.ok) throw new Error('create failed');
    expect((await reorderTriggersAction(null, { serviceId: s.id, ids: [second.data.id, first.data.id] })).ok).toBe(
      true,
    );
    expect((await newTicket(s.id)).snapshot.assigneeId).toBe(a.member.id);
    expect((await setTriggerActiveAction(null, { serviceId: s.id, triggerId: first.data.id, active: false })).ok).toBe(
      true,
    );
    expect((await newTicket(s.id)).snapshot.assigneeId).toBe(b.member.id);
  });

  it('test run shows what would fire and changes nothing', async () => {
    const s = await setup();
    const { agent, member } = await makeAgent(db(), s.id);
    const g = await makeGroup(db(), s.id, 'G', [agent.id]);
    const { snapshot } = await newTicket(s.id);
    await createTriggerAction(null, {
      serviceId: s.id,
      title: 'RR',
      conditions: [{ mode: 'all', target: 'status', operator: 'is', value: 'new' }],
      results: [
        { type: 'assign', groupId: g.id, method: 'round_robin' },
        { type: 'dooray', url: 'https://hook.dooray.com/services/1', botName: 'bot', text: '#{subject} 접수' },
      ],
    });
    const r = await testRunAction(null, { serviceId: s.id, ticketNumber: snapshot.number, event: 'updated' });
    expect(r).toMatchObject({
      ok: true,
      data: {
        evaluated: 1,
        fired: [
          {
            title: 'RR',
            results: [
              {
                type: 'assign',
                changes: [
                  { field: 'groupId', after: g.id },
                  { field: 'assigneeId', after: member.id },
                ],
              },
              { type: 'dooray', sends: [{ kind: 'dooray', summary: '결제 문의 접수' }] },
            ],
          },
        ],
      },
    });
    const [row] = await db().select().from(tickets).where(eq(tickets.id, snapshot.id));
    expect(row.assigneeId).toBeNull();
    expect(await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.serviceId, s.id))).toHaveLength(0);
    expect(
      await db().execute(
        sql`select c.* from trigger_cursors c join triggers t on t.id = c.trigger_id where t.service_id = ${s.id}`,
      ),
    ).toMatchObject({ rows: [] });
  });
});
