import { and, eq, sql } from 'drizzle-orm';
import {
  categories,
  fields,
  serviceMembers,
  ticketHistory,
  tickets,
  triggerDeliveries,
  triggerFirings,
  triggerRuns,
  triggers,
} from '@/db/schema';
import {
  createTriggerAction,
  deleteTriggerAction,
  reorderTriggersAction,
  setTriggerActiveAction,
  testRunAction,
  updateTriggerAction,
} from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { deleteGroupAction } from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

async function newTicket(serviceId: string, over: Partial<Parameters<typeof createTicket>[1]> = {}) {
  const [name] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'name')));
  return db().transaction((tx) =>
    createTicket(tx, {
      serviceId,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '결제 문의',
      content: '카드 결제 오류',
      intakeTypeId: null,
      entries: [{ field: name, value: '홍길동' }],
      actor: { type: 'customer', name: '홍길동' },
      ...over,
    }),
  );
}

async function setup() {
  const s = await makeService(db());
  const { member: admin } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin));
  return s;
}

async function category(serviceId: string, name: string, parent?: { id: string; path: string }) {
  const id = crypto.randomUUID();
  const [c] = await db()
    .insert(categories)
    .values({
      id,
      serviceId,
      kind: 'intake',
      name,
      names: { ko: name },
      path: `${parent?.path ?? '/'}${id}/`,
      parentId: parent?.id ?? null,
      depth: parent ? 2 : 1,
      position: 0,
    } as typeof categories.$inferInsert)
    .returning();
  return c;
}

const always = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;

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

describe('bad input', () => {
  it('refuses rows that do not fit, unknown or empty results, bad addresses and URLs, unknown codes — writing nothing', async () => {
    const s = await setup();
    const other = await makeService(db());
    const g = await makeGroup(db(), s.id, 'G');
    const foreign = await makeGroup(db(), other.id, 'F');
    const base = { serviceId: s.id, title: 't', conditions: [always] };
    const cases: [unknown, RegExp | string][] = [
      [
        {
          ...base,
          conditions: [{ mode: 'all', target: 'status', operator: 'contains', value: 'x' }],
          results: [{ type: 'set_group', groupId: g.id }],
        },
        'conditions.0',
      ],
      [
        {
          ...base,
          conditions: [{ mode: 'all', target: 'priority', operator: 'is', value: 'huge' }],
          results: [{ type: 'set_group', groupId: g.id }],
        },
        'conditions.0',
      ],
      [{ ...base, conditions: [], results: [{ type: 'set_group', groupId: g.id }] }, 'conditions'],
      [{ ...base, results: [] }, 'results'],
      [{ ...base, results: [{ type: 'teleport' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'forward', to: 'a@b.com\r\nBcc: c@d.com' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'forward', to: 'not-an-address' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'callback', url: 'javascript:alert(1)' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'callback', url: 'https://u:p@example.com/' }] }, 'results.0'],
      [{ ...base, results: [{ type: 'callback', url: 'https://192.168.0.10/' }] }, 'results.0'],
      [
        { ...base, results: [{ type: 'dooray', url: 'https://hook.dooray.com/x', botName: 'b', text: '#{nope}' }] },
        'results.0',
      ],
      [
        {
          ...base,
          results: [
            { type: 'notify_mail', to: 'assignee', messages: { ko: { subject: '#{subject}', body: '#{nope2}' } } },
          ],
        },
        'results.0',
      ],
      [{ ...base, results: [{ type: 'set_group', groupId: foreign.id }] }, 'form'],
    ];
    for (const [input, field] of cases) {
      const r = await createTriggerAction(null, input as never);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      if (field === 'form') expect(r.error).toBeTruthy();
      else expect(Object.keys(r.fieldErrors ?? {})).toContain(field);
    }
    expect(await db().select().from(triggers).where(eq(triggers.serviceId, s.id))).toHaveLength(0);
  });

  it('refuses a reorder naming another service’s trigger, and deleting an active trigger', async () => {
    const s = await setup();
    const g = await makeGroup(db(), s.id, 'G');
    const mine = await createTriggerAction(null, {
      serviceId: s.id,
      title: 'mine',
      conditions: [always],
      results: [{ type: 'set_group', groupId: g.id }],
    });
    const other = await setup();
    const g2 = await makeGroup(db(), other.id, 'G');
    const theirs = await createTriggerAction(null, {
      serviceId: other.id,
      title: 'theirs',
      conditions: [always],
      results: [{ type: 'set_group', groupId: g2.id }],
    });
    if (!mine.ok || !theirs.ok) throw new Error('create failed');
    const r = await reorderTriggersAction(null, { serviceId: other.id, ids: [mine.data.id, theirs.data.id] });
    expect(r.ok).toBe(false);
    const del = await deleteTriggerAction(null, { serviceId: other.id, triggerId: theirs.data.id });
    expect(del).toMatchObject({ ok: false, error: expect.stringContaining('theirs') });
    expect(await deleteTriggerAction(null, { serviceId: other.id, triggerId: mine.data.id })).toMatchObject({
      ok: false,
    });
    expect(
      await updateTriggerAction(null, {
        serviceId: other.id,
        triggerId: mine.data.id,
        title: 'x',
        conditions: [always],
        results: [{ type: 'set_group', groupId: g2.id }],
      }),
    ).toMatchObject({ ok: false });
    await setTriggerActiveAction(null, { serviceId: other.id, triggerId: theirs.data.id, active: false });
    expect((await deleteTriggerAction(null, { serviceId: other.id, triggerId: theirs.data.id })).ok).toBe(true);
  });

  it('blocks deleting a group a trigger names', async () => {
    const s = await setup();
    const g = await makeGroup(db(), s.id, '결제');
    await createTriggerAction(null, {
      serviceId: s.id,
      title: 'VIP 배정',
      conditions: [{ mode: 'all', target: 'group', operator: 'is_not', value: g.id }],
      results: [{ type: 'callback', url: 'https://example.com/x' }],
    });
    const r = await deleteGroupAction(null, { serviceId: s.id, groupId: g.id });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('VIP 배정') });
  });
});
