import { randomBytes } from 'node:crypto';
import { groupMembers, groups, members, serviceMembers, type AgentRole, type Member } from '@/db/schema';
import { insertService } from '@/lib/services/insert-service';
import type { Db } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import type { SessionMember } from '@/lib/auth/sessions';

const suffix = () => randomBytes(4).toString('hex');

export async function makeMember(
  db: Db,
  over: Partial<typeof members.$inferInsert> & { password?: string } = {},
): Promise<Member> {
  const s = suffix();
  const { password, ...rest } = over;
  const [m] = await db
    .insert(members)
    .values({
      name: `회원 ${s}`,
      loginId: `user${s}`,
      email: `user${s}@example.com`,
      status: 'active',
      passwordHash: password ? await hashPassword(password) : null,
      ...rest,
    })
    .returning();
  return m;
}

export async function makeService(db: Db, id = `svc${suffix()}`, languages = ['ko', 'en']) {
  return insertService(db, { id, name: `서비스 ${id}`, languages });
}

export async function addAgent(
  db: Db,
  serviceId: string,
  memberId: string,
  role: AgentRole = 'agent',
  over: Partial<typeof serviceMembers.$inferInsert> = {},
) {
  const [a] = await db
    .insert(serviceMembers)
    .values({ serviceId, memberId, role, ...over })
    .returning();
  return a;
}

export function asSessionMember(m: Member): SessionMember {
  return { id: m.id, name: m.name, loginId: m.loginId, email: m.email, isOrgAdmin: m.isOrgAdmin, locale: m.locale };
}

export async function makeGroup(db: Db, serviceId: string, name = `그룹 ${suffix()}`, agentIds: string[] = []) {
  const [g] = await db.insert(groups).values({ serviceId, name }).returning();
  for (const agentId of agentIds) await db.insert(groupMembers).values({ groupId: g.id, agentId, serviceId });
  return g;
}

/** A member who is an agent of `serviceId`, with the agent row. */
export async function makeAgent(
  db: Db,
  serviceId: string,
  role: AgentRole = 'agent',
  over: Partial<typeof serviceMembers.$inferInsert> = {},
  memberOver: Partial<typeof members.$inferInsert> = {},
) {
  const member = await makeMember(db, memberOver);
  const agent = await addAgent(db, serviceId, member.id, role, over);
  return { member, agent };
}
