import { and, eq, sql } from 'drizzle-orm';
import { groupMembers, groups, members, serviceMembers, services } from '@/db/schema';
import type { Db } from '@/db';
import { hashPassword } from '@/lib/auth/password';

const AGENTS = [
  { name: '김민지', loginId: 'minji', role: 'admin' as const, groups: ['결제', '배송'] },
  { name: '이준호', loginId: 'junho', role: 'agent' as const, groups: ['결제'] },
  { name: '박서연', loginId: 'seoyeon', role: 'agent' as const, groups: ['배송'] },
  { name: '최도윤', loginId: 'doyun', role: 'agent' as const, groups: ['배송', '회원'] },
];

/**
 * Adds Korean demo agents and groups to the `demo` service; running it again changes
 * nothing. Later features extend this with their own demo data.
 */
export async function seedDemo(db: Db, password: string) {
  const [demo] = await db.select().from(services).where(eq(services.id, 'demo'));
  if (!demo) throw new Error('The demo service does not exist: start the app once first.');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const groupIds = new Map<string, string>();
    for (const name of new Set(AGENTS.flatMap((a) => a.groups))) {
      await tx.insert(groups).values({ serviceId: demo.id, name }).onConflictDoNothing();
      const [g] = await tx
        .select()
        .from(groups)
        .where(and(eq(groups.serviceId, demo.id), eq(sql`lower(${groups.name})`, name.toLowerCase())));
      groupIds.set(name, g.id);
    }
    const added: string[] = [];
    for (const a of AGENTS) {
      const [existing] = await tx
        .select()
        .from(members)
        .where(eq(sql`lower(${members.loginId})`, a.loginId));
      const m =
        existing ??
        (
          await tx
            .insert(members)
            .values({
              name: a.name,
              loginId: a.loginId,
              email: `${a.loginId}@example.com`,
              passwordHash,
              status: 'active',
            })
            .returning()
        )[0];
      if (!existing) added.push(a.loginId);
      await tx
        .insert(serviceMembers)
        .values({
          serviceId: demo.id,
          memberId: m.id,
          role: a.role,
          canTransfer: true,
          canViewLogs: a.role === 'admin',
        })
        .onConflictDoNothing();
      const [agent] = await tx
        .select()
        .from(serviceMembers)
        .where(and(eq(serviceMembers.serviceId, demo.id), eq(serviceMembers.memberId, m.id)));
      for (const g of a.groups) {
        await tx
          .insert(groupMembers)
          .values({ groupId: groupIds.get(g)!, agentId: agent.id, serviceId: demo.id })
          .onConflictDoNothing();
      }
    }
    return { added };
  });
}
