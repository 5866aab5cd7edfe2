import { and, asc, eq, sql } from 'drizzle-orm';
import { groupMembers, groups, members, serviceMembers } from '@/db/schema';
import type { Queryable } from '@/db';
import { isUuid } from '@/lib/ids';

export type AssignableAgent = { agentId: string; memberId: string; name: string; loginId: string };

/**
 * The agents of a group who may be given a ticket, in the order they were added to the
 * group (round-robin follows it). Skipped: 티켓 할당 OFF, no ticket permission (상담권한),
 * and members who cannot log in (invited or deactivated). A group of another service
 * yields []. Used by triggers, transfer and manual assignment.
 */
export async function listAssignableAgents(
  db: Queryable,
  serviceId: string,
  groupId: string,
): Promise<AssignableAgent[]> {
  if (!isUuid(groupId)) return [];
  return db
    .select({ agentId: serviceMembers.id, memberId: members.id, name: members.name, loginId: members.loginId })
    .from(groupMembers)
    .innerJoin(groups, and(eq(groups.id, groupMembers.groupId), eq(groups.serviceId, serviceId)))
    .innerJoin(
      serviceMembers,
      and(eq(serviceMembers.id, groupMembers.agentId), eq(serviceMembers.serviceId, serviceId)),
    )
    .innerJoin(members, eq(members.id, serviceMembers.memberId))
    .where(
      and(
        eq(groupMembers.groupId, groupId),
        eq(groupMembers.serviceId, serviceId),
        eq(serviceMembers.assignable, true),
        sql`'ticket' = any(${serviceMembers.channels})`,
        eq(members.status, 'active'),
      ),
    )
    .orderBy(asc(groupMembers.seq));
}
