import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { accessLogs, groupMembers, members, serviceMembers } from '@/db/schema';
import {
  addAgentAction,
  inviteServiceMemberAction,
  removeAgentAction,
  searchMembersAction,
  setAgentSwitchAction,
  updateAgentAction,
} from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { setOwnAssignableAction } from '@/app/me/actions';
import { addAgent, asSessionMember, makeAgent, makeGroup, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { drainOutbox, readOutbox, recipients } from '../helpers/mail';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
beforeAll(async () => {
  process.env.MAIL_DIR = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
  delete process.env.SMTP_URL;
});

const agentCount = async (serviceId: string) =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(serviceMembers)
      .where(eq(serviceMembers.serviceId, serviceId))
  )[0].n;
const logsOf = async (memberId: string) =>
  db().select().from(accessLogs).where(eq(accessLogs.memberId, memberId)).orderBy(asc(accessLogs.id));

/** A service with a signed-in service admin (not an org admin). */
async function serviceWithAdmin(locale: 'ko' | 'en' = 'ko') {
  const service = await makeService(db());
  const { member: admin, agent } = await makeAgent(db(), service.id, 'admin', { canViewLogs: true }, { locale });
  signInAs(asSessionMember(admin));
  return { service, admin, adminAgent: agent };
}

describe('회원 초대 from the agent screen', () => {
  it('lets a service admin invite a member; the mail goes out and the log names the service', async () => {
    const { service, admin } = await serviceWithAdmin();
    const r = await inviteServiceMemberAction(null, {
      serviceId: service.id,
      name: '정상담',
      loginId: 'jung.cs',
      email: 'jung@example.com',
    });
    expect(r).toMatchObject({ ok: true, data: { mailSent: true, email: 'jung@example.com' } });
    const [m] = await db().select().from(members).where(eq(members.loginId, 'jung.cs'));
    expect(m.status).toBe('invited');
    expect(
      (await (await drainOutbox(db()), await readOutbox(process.env.MAIL_DIR!))).some((mail) =>
        recipients(mail).includes('jung@example.com'),
      ),
    ).toBe(true);
    expect(await logsOf(m.id)).toEqual([
      expect.objectContaining({ event: 'invite_sent', actorId: admin.id, serviceId: service.id }),
    ]);
  });

  it('refuses a taken login ID with a field message', async () => {
    const { service } = await serviceWithAdmin();
    const taken = await makeMember(db());
    const r = await inviteServiceMemberAction(null, {
      serviceId: service.id,
      name: 'x',
      loginId: taken.loginId.toUpperCase(),
      email: 'fresh@example.com',
    });
    expect(!r.ok && r.fieldErrors?.loginId).toEqual(['이미 쓰이는 아이디입니다.']);
  });
});

describe('상담원 검색', () => {
  it('needs at least one of name, login ID or e-mail', async () => {
    const { service } = await serviceWithAdmin();
    const r = await searchMembersAction(null, { serviceId: service.id, name: ' ', loginId: '', email: '' });
    expect(!r.ok && r.fieldErrors?._form).toEqual(['이름, 아이디, 이메일 중 하나 이상을 입력하세요.']);
  });

  it('matches every given text, skips deactivated members, marks agents, and pages by 10', async () => {
    const { service } = await serviceWithAdmin();
    const tag = `srch${Date.now().toString(36)}`;
    const found = [];
    for (let i = 0; i < 12; i++)
      found.push(
        await makeMember(db(), {
          name: `${tag} ${String(i).padStart(2, '0')}`,
          loginId: `${tag}${i}`,
          email: `${tag}${i}@corp.test`,
        }),
      );
    await makeMember(db(), { name: `${tag} gone`, status: 'deactivated' });
    await addAgent(db(), service.id, found[0].id);

    const first = await searchMembersAction(null, { serviceId: service.id, name: tag.toUpperCase() });
    if (!first.ok) throw new Error(first.error);
    expect(first.data.rows).toHaveLength(10);
    expect(first.data.rows[0]).toMatchObject({ id: found[0].id, agentId: expect.any(String) });
    expect(first.data.rows[1].agentId).toBeNull();
    const second = await searchMembersAction(null, { serviceId: service.id, name: tag, after: first.data.next! });
    if (!second.ok) throw new Error(second.error);
    expect(second.data.rows.map((m) => m.id)).toEqual([found[10].id, found[11].id]);
    expect(second.data.next).toBeNull();

    const both = await searchMembersAction(null, { serviceId: service.id, name: tag, email: `${tag}3@` });
    expect(both.ok && both.data.rows.map((m) => m.id)).toEqual([found[3].id]);
    // A LIKE wildcard in the text is a literal character, not "anything".
    const wildcard = await searchMembersAction(null, { serviceId: service.id, loginId: '%' });
    expect(wildcard.ok && wildcard.data.rows).toEqual([]);
  });
});

describe('상담원 추가', () => {
  it('adds a member with role, permissions and groups, and logs it', async () => {
    const { service, admin } = await serviceWithAdmin();
    const g1 = await makeGroup(db(), service.id, '결제');
    const g2 = await makeGroup(db(), service.id, '배송');
    const m = await makeMember(db());
    const fd = new FormData();
    fd.set('serviceId', service.id);
    fd.set('memberId', m.id);
    fd.append('groupIds[]', g2.id);
    fd.append('groupIds[]', g1.id);
    fd.set('role', 'admin');
    fd.append('channels[]', 'ticket');
    fd.set('canTransfer', 'on');
    fd.set('canViewLogs', 'on');
    const r = await addAgentAction(null, fd);
    expect(r.ok).toBe(true);
    const [agent] = await db()
      .select()
      .from(serviceMembers)
      .where(and(eq(serviceMembers.serviceId, service.id), eq(serviceMembers.memberId, m.id)));
    expect(agent).toMatchObject({
      role: 'admin',
      channels: ['ticket'],
      canTransfer: true,
      canViewLogs: true,
      assignable: true,
      selfControl: false,
    });
    expect(
      (await db().select().from(groupMembers).where(eq(groupMembers.agentId, agent.id))).map((g) => g.groupId).sort(),
    ).toEqual([g1.id, g2.id].sort());
    expect(await logsOf(m.id)).toEqual([
      expect.objectContaining({
        event: 'agent_added',
        actorId: admin.id,
        serviceId: service.id,
        detail: { role: 'admin', channels: ['ticket'], canTransfer: true, canViewLogs: true, groups: ['결제', '배송'] },
      }),
    ]);
  });

  it('adds an invited member who has not accepted yet, with no group and no permissions', async () => {
    const { service } = await serviceWithAdmin();
    const m = await makeMember(db(), { status: 'invited' });
    const r = await addAgentAction(null, { serviceId: service.id, memberId: m.id, role: 'agent' });
    expect(r.ok).toBe(true);
    const [agent] = await db().select().from(serviceMembers).where(eq(serviceMembers.memberId, m.id));
    expect(agent).toMatchObject({ role: 'agent', channels: [], canTransfer: false, canViewLogs: false });
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { service } = await serviceWithAdmin();
    const other = await makeService(db());
    const otherGroup = await makeGroup(db(), other.id);
    const m = await makeMember(db());
    await addAgent(db(), service.id, m.id);
    const fresh = await makeMember(db());
    const gone = await makeMember(db(), { status: 'deactivated' });
    const orgAdmin = await makeMember(db(), { isOrgAdmin: true });
    const before = await agentCount(service.id);
    const logsBefore = (await db().select().from(accessLogs)).length;

    const twice = await addAgentAction(null, { serviceId: service.id, memberId: m.id, role: 'agent' });
    expect(twice).toEqual({
      ok: false,
      error: '이미 이 서비스의 상담원인 회원입니다.',
      fieldErrors: { memberId: ['이미 이 서비스의 상담원인 회원입니다.'] },
    });
    const forged = await addAgentAction(null, {
      serviceId: service.id,
      memberId: '00000000-0000-4000-8000-000000000000',
      role: 'agent',
    });
    expect(!forged.ok && forged.fieldErrors?.memberId).toEqual(['회원을 찾을 수 없습니다. 다시 검색해 선택하세요.']);
    const garbage = await addAgentAction(null, { serviceId: service.id, memberId: "1' or '1'='1", role: 'agent' });
    expect(!garbage.ok && garbage.fieldErrors?.memberId).toEqual(['회원을 찾을 수 없습니다. 다시 검색해 선택하세요.']);
    const viewLogs = await addAgentAction(null, {
      serviceId: service.id,
      memberId: fresh.id,
      role: 'agent',
      canViewLogs: 'on',
    });
    expect(!viewLogs.ok && viewLogs.fieldErrors?.canViewLogs).toEqual([
      '조회 권한은 기본권한이 관리자인 상담원만 가질 수 있습니다.',
    ]);
    const foreignGroup = await addAgentAction(null, {
      serviceId: service.id,
      memberId: fresh.id,
      role: 'agent',
      groupIds: [otherGroup.id],
    });
    expect(!foreignGroup.ok && foreignGroup.fieldErrors?.groupIds).toEqual([
      '이 서비스에 없는 그룹이 있습니다. 새로고침 후 다시 선택하세요.',
    ]);
    const badRole = await addAgentAction(null, { serviceId: service.id, memberId: fresh.id, role: 'owner' });
    expect(!badRole.ok && badRole.fieldErrors?.role).toEqual(['목록에 있는 값을 선택하세요.']);
    const deactivated = await addAgentAction(null, { serviceId: service.id, memberId: gone.id, role: 'agent' });
    expect(!deactivated.ok && deactivated.fieldErrors?.memberId).toEqual([
      '비활성화된 회원은 상담원으로 추가할 수 없습니다.',
    ]);
    const orgAsAgent = await addAgentAction(null, { serviceId: service.id, memberId: orgAdmin.id, role: 'agent' });
    expect(!orgAsAgent.ok && orgAsAgent.fieldErrors?.role).toEqual([
      '조직관리자는 기본권한을 관리자로만 둘 수 있습니다.',
    ]);

    expect(await agentCount(service.id)).toBe(before);
    expect(await db().select().from(accessLogs)).toHaveLength(logsBefore);
  });

  it('lets exactly one of two simultaneous adds of the same member win', async () => {
    const { service } = await serviceWithAdmin();
    const m = await makeMember(db());
    const results = await Promise.all(
      [0, 1].map(() => addAgentAction(null, { serviceId: service.id, memberId: m.id, role: 'agent' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: '이미 이 서비스의 상담원인 회원입니다.' });
  });
});

describe('상담원 수정', () => {
  it('saves role, permissions and groups, logging each change before → after', async () => {
    const { service, admin } = await serviceWithAdmin();
    const pay = await makeGroup(db(), service.id, '결제');
    const ship = await makeGroup(db(), service.id, '배송');
    const { member, agent } = await makeAgent(db(), service.id, 'agent');
    const early = await makeAgent(db(), service.id);
    await db().insert(groupMembers).values({ groupId: pay.id, agentId: early.agent.id, serviceId: service.id });
    await db().insert(groupMembers).values({ groupId: pay.id, agentId: agent.id, serviceId: service.id });
    const seqBefore = (
      await db()
        .select()
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, pay.id), eq(groupMembers.agentId, agent.id)))
    )[0].seq;

    const r = await updateAgentAction(null, {
      serviceId: service.id,
      agentId: agent.id,
      role: 'admin',
      channels: ['ticket'],
      canTransfer: true,
      canViewLogs: true,
      groupIds: [pay.id, ship.id],
    });
    expect(r.ok).toBe(true);
    const [after] = await db().select().from(serviceMembers).where(eq(serviceMembers.id, agent.id));
    expect(after).toMatchObject({ role: 'admin', canTransfer: true, canViewLogs: true });
    // Staying in 결제 keeps the agent's place in its round-robin order.
    expect(
      (
        await db()
          .select()
          .from(groupMembers)
          .where(and(eq(groupMembers.groupId, pay.id), eq(groupMembers.agentId, agent.id)))
      )[0].seq,
    ).toBe(seqBefore);
    const changes = (await logsOf(member.id)).map((l) => ({
      actor: l.actorId,
      service: l.serviceId,
      ...(l.detail as object),
    }));
    expect(changes).toEqual([
      { actor: admin.id, service: service.id, field: 'role', before: 'agent', after: 'admin' },
      { actor: admin.id, service: service.id, field: 'canTransfer', before: false, after: true },
      { actor: admin.id, service: service.id, field: 'canViewLogs', before: false, after: true },
      { actor: admin.id, service: service.id, field: 'groups', before: ['결제'], after: ['결제', '배송'] },
    ]);

    // Saving the same values again logs nothing.
    await updateAgentAction(null, {
      serviceId: service.id,
      agentId: agent.id,
      role: 'admin',
      channels: ['ticket'],
      canTransfer: true,
      canViewLogs: true,
      groupIds: [ship.id, pay.id],
    });
    expect(await logsOf(member.id)).toHaveLength(4);
  });

  it('refuses 조회 권한 on a 상담원, your own role, and another service’s agent, writing nothing', async () => {
    const { service, adminAgent } = await serviceWithAdmin();
    const { agent } = await makeAgent(db(), service.id, 'agent');
    const other = await makeService(db());
    const foreign = await makeAgent(db(), other.id, 'agent');
    const logsBefore = (await db().select().from(accessLogs)).length;

    const viewLogs = await updateAgentAction(null, {
      serviceId: service.id,
      agentId: agent.id,
      role: 'agent',
      canViewLogs: true,
    });
    expect(!viewLogs.ok && viewLogs.fieldErrors?.canViewLogs).toEqual([
      '조회 권한은 기본권한이 관리자인 상담원만 가질 수 있습니다.',
    ]);
    const own = await updateAgentAction(null, { serviceId: service.id, agentId: adminAgent.id, role: 'agent' });
    expect(!own.ok && own.fieldErrors?.role).toEqual(['자신의 기본권한은 바꿀 수 없습니다.']);
    const cross = await updateAgentAction(null, { serviceId: service.id, agentId: foreign.agent.id, role: 'admin' });
    expect(cross).toEqual({ ok: false, error: '찾을 수 없습니다.' });

    expect((await db().select().from(serviceMembers).where(eq(serviceMembers.id, agent.id)))[0].canViewLogs).toBe(
      false,
    );
    expect((await db().select().from(serviceMembers).where(eq(serviceMembers.id, adminAgent.id)))[0].role).toBe(
      'admin',
    );
    expect((await db().select().from(serviceMembers).where(eq(serviceMembers.id, foreign.agent.id)))[0].role).toBe(
      'agent',
    );
    expect(await db().select().from(accessLogs)).toHaveLength(logsBefore);
  });

  it('keeps org admins’ rows for org admins: a service admin can neither edit nor remove them', async () => {
    const { service } = await serviceWithAdmin('en');
    const org = await makeAgent(db(), service.id, 'admin', {}, { isOrgAdmin: true });
    expect(
      await updateAgentAction(null, { serviceId: service.id, agentId: org.agent.id, role: 'admin', canTransfer: true }),
    ).toEqual({
      ok: false,
      error: "Only an org admin may change an org admin's agent settings.",
    });
    expect(await removeAgentAction(null, { serviceId: service.id, agentId: org.agent.id })).toEqual({
      ok: false,
      error: "Only an org admin may change an org admin's agent settings.",
    });
    expect(await agentCount(service.id)).toBe(2);
  });
});

describe('상담원 삭제', () => {
  it('removes the agent and their group places; the member stays', async () => {
    const { service, admin } = await serviceWithAdmin();
    const { member, agent } = await makeAgent(db(), service.id);
    await makeGroup(db(), service.id, '결제', [agent.id]);
    expect(await removeAgentAction(null, { serviceId: service.id, agentId: agent.id })).toEqual({
      ok: true,
      data: { id: agent.id },
    });
    expect(await db().select().from(serviceMembers).where(eq(serviceMembers.id, agent.id))).toHaveLength(0);
    expect(await db().select().from(groupMembers).where(eq(groupMembers.agentId, agent.id))).toHaveLength(0);
    expect((await db().select().from(members).where(eq(members.id, member.id)))[0].status).toBe('active');
    expect((await logsOf(member.id)).at(-1)).toMatchObject({
      event: 'agent_removed',
      actorId: admin.id,
      serviceId: service.id,
      detail: { role: 'agent', groups: ['결제'] },
    });
  });

  it('never removes yourself, and never touches org-admin status', async () => {
    const service = await makeService(db());
    const me = await makeAgent(db(), service.id, 'admin', {}, { isOrgAdmin: true });
    const other = await makeAgent(db(), service.id, 'admin', {}, { isOrgAdmin: true });
    signInAs(asSessionMember(me.member));
    // Another org admin exists, so removing their agent row is fine — and they stay org admin.
    expect((await removeAgentAction(null, { serviceId: service.id, agentId: other.agent.id })).ok).toBe(true);
    expect((await db().select().from(members).where(eq(members.id, other.member.id)))[0].isOrgAdmin).toBe(true);
    await db()
      .update(members)
      .set({ status: 'deactivated' })
      .where(and(eq(members.isOrgAdmin, true), sql`${members.id} <> ${me.member.id}`));
    // Now `me` is the last active org admin.
    expect(await removeAgentAction(null, { serviceId: service.id, agentId: me.agent.id })).toEqual({
      ok: false,
      error: '마지막 조직관리자는 상담원에서 삭제할 수 없습니다.',
    });
    expect(await db().select().from(serviceMembers).where(eq(serviceMembers.id, me.agent.id))).toHaveLength(1);
    const plain = await makeAgent(db(), service.id, 'admin');
    signInAs(asSessionMember(plain.member));
    expect(await removeAgentAction(null, { serviceId: service.id, agentId: plain.agent.id })).toEqual({
      ok: false,
      error: '자기 자신은 상담원에서 삭제할 수 없습니다.',
    });
    expect(await db().select().from(serviceMembers).where(eq(serviceMembers.id, plain.agent.id))).toHaveLength(1);
  });

  it('ignores an isOrgAdmin field smuggled into an agent edit', async () => {
    const service = await makeService(db());
    const org = await makeAgent(db(), service.id, 'admin', {}, { isOrgAdmin: true });
    const { member, agent } = await makeAgent(db(), service.id, 'admin');
    signInAs(asSessionMember(org.member));
    expect(
      (await updateAgentAction(null, { serviceId: service.id, agentId: agent.id, role: 'admin', isOrgAdmin: true })).ok,
    ).toBe(true);
    expect((await db().select().from(members).where(eq(members.id, member.id)))[0].isOrgAdmin).toBe(false);
  });
});

describe('티켓 할당 and 할당 제어 switches', () => {
  it('change at once from the list and are logged', async () => {
    const { service, admin } = await serviceWithAdmin();
    const { member, agent } = await makeAgent(db(), service.id);
    expect(
      await setAgentSwitchAction(null, { serviceId: service.id, agentId: agent.id, field: 'assignable', value: false }),
    ).toEqual({ ok: true, data: { id: agent.id, field: 'assignable', value: false } });
    expect(
      (
        await setAgentSwitchAction(null, {
          serviceId: service.id,
          agentId: agent.id,
          field: 'selfControl',
          value: 'true',
        })
      ).ok,
    ).toBe(true);
    const [row] = await db().select().from(serviceMembers).where(eq(serviceMembers.id, agent.id));
    expect(row).toMatchObject({ assignable: false, selfControl: true });
    expect((await logsOf(member.id)).map((l) => l.detail)).toEqual([
      { field: 'assignable', before: true, after: false },
      { field: 'selfControl', before: false, after: true },
    ]);
    expect((await logsOf(member.id)).every((l) => l.actorId === admin.id)).toBe(true);
  });

  it('refuses unknown fields and other services’ agents', async () => {
    const { service } = await serviceWithAdmin();
    const other = await makeService(db());
    const foreign = await makeAgent(db(), other.id);
    expect(
      await setAgentSwitchAction(null, {
        serviceId: service.id,
        agentId: foreign.agent.id,
        field: 'assignable',
        value: false,
      }),
    ).toEqual({ ok: false, error: '찾을 수 없습니다.' });
    const bad = await setAgentSwitchAction(null, {
      serviceId: service.id,
      agentId: foreign.agent.id,
      field: 'canViewLogs',
      value: true,
    });
    expect(!bad.ok && bad.fieldErrors?.field).toEqual(['목록에 있는 값을 선택하세요.']);
    expect(
      (await db().select().from(serviceMembers).where(eq(serviceMembers.id, foreign.agent.id)))[0].assignable,
    ).toBe(true);
  });
});

describe('개인정보설정: own 티켓 할당', () => {
  it('is refused while 할당 제어 is OFF and allowed once it is ON', async () => {
    const service = await makeService(db());
    const { member, agent } = await makeAgent(db(), service.id);
    signInAs(asSessionMember(member));
    expect(await setOwnAssignableAction(null, { serviceId: service.id, value: false })).toEqual({
      ok: false,
      error: '할당 제어가 꺼져 있어 티켓 할당을 직접 바꿀 수 없습니다. 관리자에게 문의하세요.',
    });
    expect((await db().select().from(serviceMembers).where(eq(serviceMembers.id, agent.id)))[0].assignable).toBe(true);
    await db().update(serviceMembers).set({ selfControl: true }).where(eq(serviceMembers.id, agent.id));
    expect(await setOwnAssignableAction(null, { serviceId: service.id, value: false })).toEqual({
      ok: true,
      data: { serviceId: service.id, assignable: false },
    });
    expect((await db().select().from(serviceMembers).where(eq(serviceMembers.id, agent.id)))[0].assignable).toBe(false);
    expect((await logsOf(member.id)).at(-1)).toMatchObject({
      event: 'permission_changed',
      actorId: member.id,
      serviceId: service.id,
      detail: { field: 'assignable', before: true, after: false },
    });
  });

  it('answers a service where you are no agent with "not found"', async () => {
    const service = await makeService(db());
    const elsewhere = await makeService(db());
    const { member } = await makeAgent(db(), elsewhere.id, 'agent', { selfControl: true });
    signInAs(asSessionMember(member));
    expect(await setOwnAssignableAction(null, { serviceId: service.id, value: false })).toEqual({
      ok: false,
      error: '찾을 수 없습니다.',
    });
    const org = await makeMember(db(), { isOrgAdmin: true });
    signInAs(asSessionMember(org));
    expect(await setOwnAssignableAction(null, { serviceId: service.id, value: false })).toEqual({
      ok: false,
      error: '이 서비스의 상담원이 아닙니다.',
    });
  });
});
