import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { doorayEvents, doorayProjects, doorayTasks, members, triggerDeliveries } from '@/db/schema';
import type { Queryable } from '@/db';

/** The service's Dooray projects with their registrant's name (a service has a handful). */
export async function listDoorayProjects(db: Queryable, params: { serviceId: string }) {
  return db
    .select({
      id: doorayProjects.id,
      name: doorayProjects.name,
      address: doorayProjects.address,
      doorayProjectId: doorayProjects.doorayProjectId,
      registrantName: members.name,
    })
    .from(doorayProjects)
    .leftJoin(members, eq(members.id, doorayProjects.registrantId))
    .where(eq(doorayProjects.serviceId, params.serviceId))
    .orderBy(asc(doorayProjects.name))
    .limit(200);
}

export const DOORAY_EVENT_LIMIT = 500;

/**
 * The Dooray tab of a ticket, from stored data only: its tasks (newest first) and every event,
 * oldest first, each with the state of the delivery that sends it (ours) — two queries.
 */
export async function doorayConversation(db: Queryable, params: { serviceId: string; ticketId: string }) {
  const tasks = await db
    .select({
      id: doorayTasks.id,
      postId: doorayTasks.postId,
      taskUrl: doorayTasks.taskUrl,
      subject: doorayTasks.subject,
      state: doorayTasks.state,
      createdAs: doorayTasks.createdAs,
      createdAt: doorayTasks.createdAt,
      projectName: doorayProjects.name,
    })
    .from(doorayTasks)
    .leftJoin(doorayProjects, eq(doorayProjects.id, doorayTasks.projectId))
    .where(and(eq(doorayTasks.serviceId, params.serviceId), eq(doorayTasks.ticketId, params.ticketId)))
    .orderBy(desc(doorayTasks.createdAt))
    .limit(50);
  if (!tasks.length) return { tasks, events: [] };
  const events = await db
    .select({
      id: doorayEvents.id,
      taskId: doorayEvents.taskId,
      kind: doorayEvents.kind,
      authorName: doorayEvents.authorName,
      body: doorayEvents.body,
      workflowClass: doorayEvents.workflowClass,
      createdAt: doorayEvents.createdAt,
      delivery: triggerDeliveries.status,
    })
    .from(doorayEvents)
    .leftJoin(triggerDeliveries, eq(triggerDeliveries.id, doorayEvents.deliveryId))
    .where(
      and(
        eq(doorayEvents.serviceId, params.serviceId),
        eq(doorayEvents.ticketId, params.ticketId),
        inArray(
          doorayEvents.taskId,
          tasks.map((t) => t.id),
        ),
      ),
    )
    .orderBy(asc(doorayEvents.createdAt))
    .limit(DOORAY_EVENT_LIMIT);
  return { tasks, events };
}
