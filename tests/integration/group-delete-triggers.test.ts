import { eq } from 'drizzle-orm';
import { groupMembers, groups } from '@/db/schema';
import { deleteGroupAction } from '@/app/[serviceId]/(desk)/settings/agents/groups/actions';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

// Triggers arrive in a later issue; until then this stands in for the triggers that name a group.
const usedBy = new Map<string, { id: string; title: string }[]>();
jest.mock('@/lib/groups/group-references', () => {
  const actual = jest.requireActual('@/lib/groups/group-references');
  return {
    ...actual,
    groupReferences: async (db: unknown, serviceId: string, groupId: string) => ({
      ...(await actual.groupReferences(db, serviceId, groupId)),
      triggers: usedBy.get(groupId) ?? [],
    }),
  };
});

const db = setupTestDb();

it('refuses to delete a group a trigger uses, naming the triggers, and deletes nothing', async () => {
  const service = await makeService(db());
  const { member } = await makeAgent(db(), service.id, 'admin');
  const { agent } = await makeAgent(db(), service.id);
  signInAs(asSessionMember(member));
  const g = await makeGroup(db(), service.id, '결제', [agent.id]);
  usedBy.set(g.id, [
    { id: 't1', title: 'VIP 배정' },
    { id: 't2', title: '야간 알림' },
  ]);

  expect(await deleteGroupAction(null, { serviceId: service.id, groupId: g.id })).toEqual({
    ok: false,
    error:
      '그룹 결제은(는) 트리거 VIP 배정, 야간 알림에서 쓰고 있어 삭제할 수 없습니다. 트리거에서 그룹을 먼저 바꾸세요.',
  });
  expect(await db().select().from(groups).where(eq(groups.id, g.id))).toHaveLength(1);
  expect(await db().select().from(groupMembers).where(eq(groupMembers.groupId, g.id))).toHaveLength(1);

  usedBy.delete(g.id);
  expect((await deleteGroupAction(null, { serviceId: service.id, groupId: g.id })).ok).toBe(true);
});
