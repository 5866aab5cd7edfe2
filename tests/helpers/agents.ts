import { asc, eq, sql } from 'drizzle-orm';
import { accessLogs, serviceMembers } from '@/db/schema';
import type { Db } from '@/db';
import { asSessionMember, makeAgent, makeService } from './factories';
import { signInAs } from './session';

/** Shared by the agent-settings test files: counts, access-log rows, and a service with a signed-in admin. */
export function agentHelpers(db: () => Db) {
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
  return { agentCount, logsOf, serviceWithAdmin };
}
