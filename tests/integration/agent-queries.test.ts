import { eq } from 'drizzle-orm';
import { serviceMembers } from '@/db/schema';
import { AGENTS_PAGE, getAgent, listAgentOptions, listAgents, listOwnAgentRows } from '@/db/queries/agents';
import { listGroups } from '@/db/queries/groups';
import { makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const db = setupTestDb();

describe('agent and group reads', () => {
  it('lists a service’s groups by name, each with its agents in the order they were added', async () => {
    const s = await makeService(db());
    const a = await makeAgent(db(), s.id, 'agent', {}, { name: '가' });
    const b = await makeAgent(db(), s.id, 'agent', {}, { name: '나' });
    await makeGroup(db(), s.id, '배송', [b.agent.id, a.agent.id]);
    await makeGroup(db(), s.id, '결제');
    await makeGroup(db(), (await makeService(db())).id, '다른 서비스');
    const groups = await listGroups(db(), s.id);
    expect(groups.map((g) => [g.name, g.agents.map((x) => x.id)])).toEqual([
      ['결제', []],
      ['배송', [b.agent.id, a.agent.id]],
    ]);
    expect(groups[1].agents[0]).toEqual({ id: b.agent.id, name: '나', loginId: b.member.loginId });
  });

  it('lists agents in the order they were added, with their groups, searched and keyset-paginated', async () => {
    const s = await makeService(db());
    const other = await makeService(db());
    await makeAgent(db(), other.id);
    const made = [];
    for (let i = 0; i < AGENTS_PAGE + 3; i++)
      made.push(await makeAgent(db(), s.id, 'agent', {}, { name: `상담원${String(i).padStart(3, '0')}` }));
    const g = await makeGroup(db(), s.id, '결제', [made[0].agent.id]);
    // Rows added in the same instant still page by id, without gaps or repeats.
    await db()
      .update(serviceMembers)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(serviceMembers.serviceId, s.id));

    const first = await listAgents(db(), { serviceId: s.id });
    expect(first).toHaveLength(AGENTS_PAGE + 1);
    const last = first[AGENTS_PAGE - 1];
    const second = await listAgents(db(), { serviceId: s.id, after: { at: last.cursor, id: last.id } });
    const ids = [...first.slice(0, AGENTS_PAGE), ...second].map((r) => r.id);
    expect(new Set(ids).size).toBe(AGENTS_PAGE + 3);
    expect(ids.sort()).toEqual(made.map((m) => m.agent.id).sort());

    const found = await listAgents(db(), { serviceId: s.id, q: '상담원000' });
    expect(found.map((r) => [r.id, r.groups])).toEqual([[made[0].agent.id, [{ id: g.id, name: '결제' }]]]);
    expect(await listAgents(db(), { serviceId: s.id, q: made[1].member.email.toUpperCase() })).toHaveLength(1);
  });

  it('reads one agent only within its service', async () => {
    const s = await makeService(db());
    const other = await makeService(db());
    const { agent, member } = await makeAgent(db(), s.id, 'admin', { canViewLogs: true });
    expect(await getAgent(db(), s.id, agent.id)).toMatchObject({
      id: agent.id,
      memberId: member.id,
      role: 'admin',
      canViewLogs: true,
      groups: [],
    });
    expect(await getAgent(db(), other.id, agent.id)).toBeNull();
  });

  it('offers picker options by name and lists a member’s own agent rows per service', async () => {
    const s1 = await makeService(db(), `aaa${Date.now().toString(36)}`);
    const s2 = await makeService(db());
    const { member } = await makeAgent(db(), s1.id, 'agent', { selfControl: true }, { name: '홍길동' });
    const [row] = await db()
      .insert(serviceMembers)
      .values({ serviceId: s2.id, memberId: member.id, assignable: false })
      .returning();
    expect((await listAgentOptions(db(), { serviceId: s1.id, q: '길동' })).map((o) => o.memberId)).toEqual([member.id]);
    expect(await listAgentOptions(db(), { serviceId: s1.id, q: '없는사람' })).toEqual([]);
    const own = await listOwnAgentRows(db(), member.id);
    expect(own).toHaveLength(2);
    expect(own.find((r) => r.serviceId === s2.id)).toMatchObject({
      agentId: row.id,
      assignable: false,
      selfControl: false,
    });
    expect(own.find((r) => r.serviceId === s1.id)).toMatchObject({ assignable: true, selfControl: true });
  });
});
