import { and, eq, sql } from 'drizzle-orm';
import { groupMembers, members, serviceMembers } from '@/db/schema';
import type { Queryable } from '@/db';
import { isUuid } from '@/lib/ids';

/**
 * The agent row of `memberId` when a ticket of this service may be given to them: an active
 * member with ticket permission and 티켓 할당 ON. Null otherwise (another service included).
 */
export async function assignableAgent(
  db: Queryable,
  serviceId: string,
  memberId: string,
): Promise<{ agentId: string; name: string } | null> {
  if (!isUuid(memberId)) return null;
  const [row] = await db
    .select({ agentId: serviceMembers.id, name: members.name })
    .from(serviceMembers)
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(
      and(
        eq(serviceMembers.serviceId, serviceId),
        eq(serviceMembers.memberId, memberId),
        eq(serviceMembers.assignable, true),
        sql`'ticket' = any(${serviceMembers.channels})`,
        eq(members.status, 'active'),
      ),
    );
  return row ?? null;
}

/** The groups an agent belongs to in this service. */
export async function agentGroups(db: Queryable, serviceId: string, agentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: groupMembers.groupId })
    .from(groupMembers)
    .where(and(eq(groupMembers.serviceId, serviceId), eq(groupMembers.agentId, agentId)));
  return rows.map((r) => r.id);
}
