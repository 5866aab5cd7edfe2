import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { categories, serviceMembers, tickets } from '@/db/schema';
import type { Db } from '@/db';
import { agentGroups } from '@/lib/tickets/assignable';
import type { SeedWorld } from '../bench-data/world';
import { SERVICE } from './cases';

/** A busy agent (the one with most tickets), their groups and login, and the busiest level-2 intake category. */
export async function busyTarget(db: Db, world: SeedWorld) {
  const [busy] = await db
    .select({ memberId: tickets.assigneeId, n: count() })
    .from(tickets)
    .where(and(eq(tickets.serviceId, SERVICE), isNotNull(tickets.assigneeId)))
    .groupBy(tickets.assigneeId)
    .orderBy(desc(count()))
    .limit(1);
  const mids = await db
    .select({ id: categories.id, path: categories.path, name: categories.name })
    .from(categories)
    .where(and(eq(categories.serviceId, SERVICE), eq(categories.kind, 'intake'), eq(categories.depth, 2)));
  const perMid = await db.execute<{ path: string; n: number }>(
    sql`SELECT substr(intake_type_path, 1, 75) AS path, count(*)::int AS n FROM tickets WHERE service_id = ${SERVICE} AND intake_type_path IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  const mid = mids.find((m) => m.path === perMid.rows[0].path)!;
  const [agentRow] = await db
    .select({ id: serviceMembers.id })
    .from(serviceMembers)
    .where(and(eq(serviceMembers.serviceId, SERVICE), eq(serviceMembers.memberId, busy.memberId!)));
  const groupIds = await agentGroups(db, SERVICE, agentRow.id);
  const login = world.agents.find((a) => a.memberId === busy.memberId)!;
  const [{ subtree }] = await db
    .select({ subtree: count() })
    .from(tickets)
    .where(and(eq(tickets.serviceId, SERVICE), sql`${tickets.intakeTypePath} LIKE ${mid.path + '%'}`));
  return { busy, mid, groupIds, login, subtree };
}
