import { randomBytes } from 'node:crypto';
import { members, serviceMembers, type AgentRole, type Member } from '@/db/schema';
import { insertService } from '@/lib/services/insert-service';
import type { Db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import type { SessionMember } from '@/lib/auth/sessions';

const suffix = () => randomBytes(4).toString('hex');

export async function makeMember(db: Db, over: Partial<typeof members.$inferInsert> & { password?: string } = {}): Promise<Member> {
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

export async function addAgent(db: Db, serviceId: string, memberId: string, role: AgentRole = 'agent', over: Partial<typeof serviceMembers.$inferInsert> = {}) {
  const [a] = await db.insert(serviceMembers).values({ serviceId, memberId, role, ...over }).returning();
  return a;
}

export function asSessionMember(m: Member): SessionMember {
  return { id: m.id, name: m.name, loginId: m.loginId, email: m.email, isOrgAdmin: m.isOrgAdmin, locale: m.locale };
}
