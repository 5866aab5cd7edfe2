import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { accessLogs, groupMembers, members, serviceMembers } from '@/db/schema';
import {
  addAgentAction,
  inviteServiceMemberAction,
  searchMembersAction,
} from '@/app/[serviceId]/(desk)/settings/agents/actions';
import { addAgent, makeGroup, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { drainOutbox, readOutbox, recipients } from '../helpers/mail';
import { agentHelpers } from '../helpers/agents';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
beforeAll(async () => {
  process.env.MAIL_DIR = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
  delete process.env.SMTP_URL;
});

const { agentCount, logsOf, serviceWithAdmin } = agentHelpers(db);

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
