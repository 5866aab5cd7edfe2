import { and, asc, eq, sql } from 'drizzle-orm';
import { accessLogs, groupMembers, groups, serviceMembers } from '@/db/schema';
import {
  agentOptionsAction,
  createGroupAction,
  deleteGroupAction,
  groupUsageAction,
  updateGroupAction,
} from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { listAssignableAgents } from '@/lib/agents/list-assignable-agents';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

const groupCount = async (serviceId: string) =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(groups)
      .where(eq(groups.serviceId, serviceId))
  )[0].n;
const membersOf = async (groupId: string) =>
  (await db().select().from(groupMembers).where(eq(groupMembers.groupId, groupId)).orderBy(asc(groupMembers.seq))).map(
    (r) => r.agentId,
  );

async function serviceWithAdmin(locale: 'ko' | 'en' = 'ko') {
  const service = await makeService(db());
  const { member: admin } = await makeAgent(db(), service.id, 'admin', {}, { locale });
  signInAs(asSessionMember(admin));
  return { service, admin };
}

describe('그룹 추가', () => {
  it('creates a group with its agents in the order they were picked', async () => {
    const { service, admin } = await serviceWithAdmin();
    const a = await makeAgent(db(), service.id);
    const b = await makeAgent(db(), service.id);
    const c = await makeAgent(db(), service.id);
    const fd = new FormData();
    fd.set('serviceId', service.id);
    fd.set('name', '  결제팀 ');
    for (const id of [c.agent.id, a.agent.id, b.agent.id]) fd.append('agentIds[]', id);
    const r = await createGroupAction(null, fd);
    if (!r.ok) throw new Error(r.error);
    expect(r.data.name).toBe('결제팀');
    expect(await membersOf(r.data.id)).toEqual([c.agent.id, a.agent.id, b.agent.id]);
    const log = await db().select().from(accessLogs).where(eq(accessLogs.memberId, c.member.id));
    expect(log).toEqual([
      expect.objectContaining({
        event: 'permission_changed',
        actorId: admin.id,
        serviceId: service.id,
        detail: { field: 'groups', before: [], after: ['결제팀'] },
      }),
    ]);
  });

  it('refuses an empty, too long or taken name, and unknown or other-service agents, writing nothing', async () => {
    const { service } = await serviceWithAdmin('en');
    await makeGroup(db(), service.id, 'VIP');
    const other = await makeService(db());
    const foreign = await makeAgent(db(), other.id);
    const mine = await makeAgent(db(), service.id);
    const before = await groupCount(service.id);

    const empty = await createGroupAction(null, { serviceId: service.id, name: '   ' });
    expect(!empty.ok && empty.fieldErrors?.name).toEqual(['This field is required.']);
    const long = await createGroupAction(null, { serviceId: service.id, name: 'ㄱ'.repeat(51) });
    expect(!long.ok && long.fieldErrors?.name).toEqual(['Enter at most 50 characters.']);
    const taken = await createGroupAction(null, { serviceId: service.id, name: ' vip ' });
    expect(taken).toEqual({
      ok: false,
      error: 'A group named vip already exists.',
      fieldErrors: { name: ['A group named vip already exists.'] },
    });
    const cross = await createGroupAction(null, {
      serviceId: service.id,
      name: 'New',
      agentIds: [mine.agent.id, foreign.agent.id],
    });
    expect(!cross.ok && cross.fieldErrors?.agentIds).toEqual([
      'Someone is not an agent of this service. Refresh and choose again.',
    ]);
    const forged = await createGroupAction(null, { serviceId: service.id, name: 'New', agentIds: ['not-a-uuid'] });
    expect(!forged.ok && forged.fieldErrors?.agentIds).toEqual([
      'Someone is not an agent of this service. Refresh and choose again.',
    ]);
    const unknown = await createGroupAction(null, {
      serviceId: service.id,
      name: 'New',
      agentIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(!unknown.ok && unknown.fieldErrors?.agentIds).toEqual([
      'Someone is not an agent of this service. Refresh and choose again.',
    ]);

    expect(await groupCount(service.id)).toBe(before);
    expect(await db().select().from(groupMembers).where(eq(groupMembers.agentId, mine.agent.id))).toHaveLength(0);
  });

  it('allows the same name in another service', async () => {
    const { service } = await serviceWithAdmin();
    const other = await makeService(db());
    await makeGroup(db(), other.id, '배송');
    expect((await createGroupAction(null, { serviceId: service.id, name: '배송' })).ok).toBe(true);
  });
});

describe('그룹 수정', () => {
  it('renames and sets members; those who stay keep their place, newcomers go last', async () => {
    const { service } = await serviceWithAdmin();
    const [a, b, c, d] = [
      await makeAgent(db(), service.id),
      await makeAgent(db(), service.id),
      await makeAgent(db(), service.id),
      await makeAgent(db(), service.id),
    ];
    const g = await makeGroup(db(), service.id, '배송', [a.agent.id, b.agent.id, c.agent.id]);
    const r = await updateGroupAction(null, {
      serviceId: service.id,
      groupId: g.id,
      name: '배송2',
      agentIds: [d.agent.id, c.agent.id, a.agent.id],
    });
    expect(r).toEqual({ ok: true, data: { id: g.id, name: '배송2' } });
    expect(await membersOf(g.id)).toEqual([a.agent.id, c.agent.id, d.agent.id]);
    const logged = await db()
      .select()
      .from(accessLogs)
      .where(and(eq(accessLogs.event, 'permission_changed'), eq(accessLogs.serviceId, service.id)));
    expect(logged.map((l) => [l.memberId, l.detail])).toEqual(
      expect.arrayContaining([
        [b.member.id, { field: 'groups', before: ['배송'], after: [] }],
        [d.member.id, { field: 'groups', before: [], after: ['배송2'] }],
      ]),
    );
    expect(logged).toHaveLength(2);
  });

  it('refuses a name taken by another group and groups of another service', async () => {
    const { service } = await serviceWithAdmin();
    await makeGroup(db(), service.id, '회원');
    const g = await makeGroup(db(), service.id, '결제');
    const taken = await updateGroupAction(null, { serviceId: service.id, groupId: g.id, name: '회원' });
    expect(!taken.ok && taken.fieldErrors?.name).toEqual(['그룹 이름 회원은(는) 이미 있습니다.']);
    // Its own name, in another case, is not a clash.
    expect((await updateGroupAction(null, { serviceId: service.id, groupId: g.id, name: '결제' })).ok).toBe(true);
    const other = await makeService(db());
    const foreign = await makeGroup(db(), other.id, '외부');
    expect(await updateGroupAction(null, { serviceId: service.id, groupId: foreign.id, name: '탈취' })).toEqual({
      ok: false,
      error: '찾을 수 없습니다.',
    });
    expect((await db().select().from(groups).where(eq(groups.id, foreign.id)))[0].name).toBe('외부');
  });
});

describe('그룹 삭제', () => {
  it('says how many agents refer to the group, then deletes it; the agents stay', async () => {
    const { service } = await serviceWithAdmin();
    const a = await makeAgent(db(), service.id);
    const b = await makeAgent(db(), service.id);
    const g = await makeGroup(db(), service.id, '결제', [a.agent.id, b.agent.id]);
    expect(await groupUsageAction(null, { serviceId: service.id, groupId: g.id })).toEqual({
      ok: true,
      data: { name: '결제', agents: 2, triggers: [], tickets: 0 },
    });
    expect(await deleteGroupAction(null, { serviceId: service.id, groupId: g.id })).toEqual({
      ok: true,
      data: { id: g.id, name: '결제', agents: 2, tickets: 0 },
    });
    expect(await db().select().from(groups).where(eq(groups.id, g.id))).toHaveLength(0);
    expect(await db().select().from(serviceMembers).where(eq(serviceMembers.id, a.agent.id))).toHaveLength(1);
    const logged = await db().select().from(accessLogs).where(eq(accessLogs.memberId, a.member.id));
    expect(logged.map((l) => l.detail)).toEqual([{ field: 'groups', before: ['결제'], after: [] }]);
  });

  it('answers a group of another service with "not found"', async () => {
    const { service } = await serviceWithAdmin();
    const other = await makeService(db());
    const foreign = await makeGroup(db(), other.id);
    expect(await groupUsageAction(null, { serviceId: service.id, groupId: foreign.id })).toEqual({
      ok: false,
      error: '찾을 수 없습니다.',
    });
    expect(await deleteGroupAction(null, { serviceId: service.id, groupId: foreign.id })).toEqual({
      ok: false,
      error: '찾을 수 없습니다.',
    });
    expect(await db().select().from(groups).where(eq(groups.id, foreign.id))).toHaveLength(1);
  });
});

describe('member picker options', () => {
  it('lists only this service’s agents, searched by name or login ID', async () => {
    const { service } = await serviceWithAdmin();
    const mine = await makeAgent(db(), service.id, 'agent', {}, { name: '홍길동' });
    const other = await makeService(db());
    await makeAgent(db(), other.id, 'agent', {}, { name: '홍길순' });
    const r = await agentOptionsAction(null, { serviceId: service.id, q: '홍길' });
    expect(r.ok && r.data.map((a) => a.id)).toEqual([mine.agent.id]);
  });
});

describe('listAssignableAgents', () => {
  it('returns the group’s agents in the order they were added, skipping those who may not get tickets', async () => {
    const service = await makeService(db());
    const first = await makeAgent(db(), service.id);
    const off = await makeAgent(db(), service.id, 'agent', { assignable: false });
    const invited = await makeAgent(db(), service.id, 'agent', {}, { status: 'invited' });
    const noTicket = await makeAgent(db(), service.id, 'agent', { channels: [] });
    const admin = await makeAgent(db(), service.id, 'admin');
    const last = await makeAgent(db(), service.id);
    const g = await makeGroup(db(), service.id, '배정', [
      last.agent.id,
      off.agent.id,
      invited.agent.id,
      first.agent.id,
      noTicket.agent.id,
      admin.agent.id,
    ]);
    expect((await listAssignableAgents(db(), service.id, g.id)).map((a) => a.agentId)).toEqual([
      last.agent.id,
      first.agent.id,
      admin.agent.id,
    ]);
    expect((await listAssignableAgents(db(), service.id, g.id))[0]).toEqual({
      agentId: last.agent.id,
      memberId: last.member.id,
      name: last.member.name,
      loginId: last.member.loginId,
    });
  });

  it('is empty for another service’s group, an unknown id or a group with nobody assignable', async () => {
    const service = await makeService(db());
    const other = await makeService(db());
    const a = await makeAgent(db(), other.id);
    const foreign = await makeGroup(db(), other.id, 'x', [a.agent.id]);
    expect(await listAssignableAgents(db(), service.id, foreign.id)).toEqual([]);
    expect(await listAssignableAgents(db(), service.id, 'nope')).toEqual([]);
    expect(await listAssignableAgents(db(), service.id, (await makeGroup(db(), service.id)).id)).toEqual([]);
  });

  it('walks the group by its (group_id, seq) index', async () => {
    const service = await makeService(db());
    const g = await makeGroup(db(), service.id);
    // SET LOCAL in a transaction, so the setting stays on this one connection and ends with it.
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ 'QUERY PLAN': string }>(
        sql`explain select agent_id from group_members where group_id = ${g.id} order by seq`,
      );
    });
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/group_members_group_seq_idx/);
  });
});
