import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { accessLogs, groupMembers, members, serviceMembers } from '@/db/schema';
import {
  removeAgentAction,
  setAgentSwitchAction,
  updateAgentAction,
} from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { setOwnAssignableAction } from '@/app/me/actions';
import { asSessionMember, makeAgent, makeGroup, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { agentHelpers } from '../helpers/agents';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
beforeAll(async () => {
  process.env.MAIL_DIR = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
  delete process.env.SMTP_URL;
});

const { agentCount, logsOf, serviceWithAdmin } = agentHelpers(db);

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
