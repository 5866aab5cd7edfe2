import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import {
  addAgentAction,
  inviteServiceMemberAction,
  removeAgentAction,
  searchMembersAction,
  setAgentSwitchAction,
  updateAgentAction,
} from '@/app/[serviceId]/(desk)/settings/agents/actions';
import {
  agentOptionsAction,
  createGroupAction,
  deleteGroupAction,
  groupUsageAction,
  updateGroupAction,
} from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { setOwnAssignableAction } from '@/app/me/actions';
import type { Member } from '@/db/schema';
import { asSessionMember, makeAgent, makeGroup, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
beforeAll(async () => {
  process.env.MAIL_DIR = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
  delete process.env.SMTP_URL;
});

type Fixture = { serviceId: string; agentId: string; groupId: string; candidateId: string };
type Result = { ok: boolean; error?: string };

const actions: Record<string, (f: Fixture) => Promise<Result>> = {
  invite: (f) =>
    inviteServiceMemberAction(null, {
      serviceId: f.serviceId,
      name: '초대',
      loginId: `inv${randomBytes(4).toString('hex')}`,
      email: `inv${randomBytes(4).toString('hex')}@example.com`,
    }),
  searchMembers: (f) => searchMembersAction(null, { serviceId: f.serviceId, name: '회원' }),
  addAgent: (f) =>
    addAgentAction(null, { serviceId: f.serviceId, memberId: f.candidateId, role: 'agent', groupIds: [f.groupId] }),
  updateAgent: (f) =>
    updateAgentAction(null, { serviceId: f.serviceId, agentId: f.agentId, role: 'admin', canTransfer: true }),
  removeAgent: (f) => removeAgentAction(null, { serviceId: f.serviceId, agentId: f.agentId }),
  switchAssignable: (f) =>
    setAgentSwitchAction(null, { serviceId: f.serviceId, agentId: f.agentId, field: 'assignable', value: false }),
  switchSelfControl: (f) =>
    setAgentSwitchAction(null, { serviceId: f.serviceId, agentId: f.agentId, field: 'selfControl', value: true }),
  createGroup: (f) =>
    createGroupAction(null, {
      serviceId: f.serviceId,
      name: `새 그룹 ${randomBytes(3).toString('hex')}`,
      agentIds: [f.agentId],
    }),
  updateGroup: (f) =>
    updateGroupAction(null, {
      serviceId: f.serviceId,
      groupId: f.groupId,
      name: `바뀐 ${randomBytes(3).toString('hex')}`,
      agentIds: [],
    }),
  deleteGroup: (f) => deleteGroupAction(null, { serviceId: f.serviceId, groupId: f.groupId }),
  groupUsage: (f) => groupUsageAction(null, { serviceId: f.serviceId, groupId: f.groupId }),
  agentOptions: (f) => agentOptionsAction(null, { serviceId: f.serviceId, q: '' }),
  ownAssignable: (f) => setOwnAssignableAction(null, { serviceId: f.serviceId, value: false }),
};

/** Everything of the service that an action could change, to prove a refusal wrote nothing. */
async function fingerprint(serviceId: string) {
  const r = await db().execute(sql`select
    (select count(*) from service_members where service_id = ${serviceId}) as agents,
    (select string_agg(concat(id, role, can_transfer, can_view_logs, assignable, self_control), ',' order by id) from service_members where service_id = ${serviceId}) as agent_rows,
    (select string_agg(concat(id, name), ',' order by id) from groups where service_id = ${serviceId}) as groups,
    (select count(*) from group_members where service_id = ${serviceId}) as group_members,
    (select count(*) from members) as members,
    (select count(*) from access_logs) as logs`);
  return r.rows[0];
}

it('lets exactly org admins and the service’s admins manage agents and groups (role × action)', async () => {
  const a = await makeService(db());
  const b = await makeService(db());
  const actors: Record<string, Member | null> = {
    orgAdmin: await makeMember(db(), { isOrgAdmin: true }),
    serviceAdmin: (await makeAgent(db(), a.id, 'admin', { selfControl: true })).member,
    agent: (await makeAgent(db(), a.id, 'agent', { selfControl: true })).member,
    adminOfB: (await makeAgent(db(), b.id, 'admin', { selfControl: true })).member,
    noMembership: await makeMember(db()),
    anonymous: null,
  };

  const matrix: Record<string, Record<string, string>> = {};
  for (const [actor, member] of Object.entries(actors)) {
    matrix[actor] = {};
    for (const [name, run] of Object.entries(actions)) {
      const target = await makeAgent(db(), a.id);
      const group = await makeGroup(db(), a.id, `그룹 ${randomBytes(3).toString('hex')}`, [target.agent.id]);
      const candidate = await makeMember(db());
      const before = await fingerprint(a.id);
      if (member) signInAs(asSessionMember(member));
      else signOut();
      const r = await run({ serviceId: a.id, agentId: target.agent.id, groupId: group.id, candidateId: candidate.id });
      matrix[actor][name] = r.ok ? 'ok' : r.error!;
      if (!r.ok) expect({ actor, name, data: await fingerprint(a.id) }).toEqual({ actor, name, data: before });
    }
  }

  const all = (v: string) => Object.fromEntries(Object.keys(actions).map((k) => [k, v]));
  expect(matrix).toEqual({
    orgAdmin: { ...all('ok'), ownAssignable: '이 서비스의 상담원이 아닙니다.' },
    serviceAdmin: all('ok'),
    agent: { ...all('권한이 없습니다.'), ownAssignable: 'ok' },
    adminOfB: all('찾을 수 없습니다.'),
    noMembership: all('찾을 수 없습니다.'),
    anonymous: all('로그인이 필요합니다.'),
  });
});

it('treats ids of service B as unknown inside service A, even for A’s admin', async () => {
  const a = await makeService(db());
  const b = await makeService(db());
  const { member: adminA } = await makeAgent(db(), a.id, 'admin');
  const agentB = await makeAgent(db(), b.id);
  const groupB = await makeGroup(db(), b.id, 'B 그룹', [agentB.agent.id]);
  signInAs(asSessionMember(adminA));
  const before = await fingerprint(b.id);
  const f = { serviceId: a.id, agentId: agentB.agent.id, groupId: groupB.id, candidateId: agentB.member.id };
  const notFound = ['updateAgent', 'removeAgent', 'switchAssignable', 'updateGroup', 'deleteGroup', 'groupUsage'];
  for (const name of notFound)
    expect({ name, r: await actions[name](f) }).toEqual({ name, r: { ok: false, error: '찾을 수 없습니다.' } });
  // B's group offered to an agent of A, or B's agent put in a group of A: refused by field.
  const add = await addAgentAction(null, {
    serviceId: a.id,
    memberId: (await makeMember(db())).id,
    role: 'agent',
    groupIds: [groupB.id],
  });
  expect(!add.ok && add.fieldErrors?.groupIds).toBeTruthy();
  const group = await createGroupAction(null, { serviceId: a.id, name: '섞기', agentIds: [agentB.agent.id] });
  expect(!group.ok && group.fieldErrors?.agentIds).toBeTruthy();
  // And B's data is exactly as it was.
  expect(await fingerprint(b.id)).toEqual({ ...before, members: expect.anything(), logs: expect.anything() });
});
