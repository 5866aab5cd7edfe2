import { and, eq, isNull } from 'drizzle-orm';
import { doorayEvents, doorayProjects, doorayTasks, serviceMembers, type ServiceDelivery } from '@/db/schema';
import type { Db } from '@/db';
import { createComment, createPost, isProjectMember } from './api';
import { doorayOrg, orgAuth } from './config';

/** What one attempt of a channel delivery tells the outbox: done, or why not (and whether to retry). */
export type ChannelOutcome =
  | { ok: true; response?: string }
  | { ok: false; errorClass: string; permanent: boolean; status?: number | null; response?: string };

/** The web link of a task, from the project's address (https://{org}.dooray.com/project/…). */
function taskLink(address: string | null | undefined, postId: string): string | null {
  if (!address) return null;
  try {
    return `${new URL(address).origin}/project/tasks/${encodeURIComponent(postId)}`;
  } catch {
    return null;
  }
}

/**
 * Creates the Dooray task of a 이관. A retry after the task was recorded does nothing, so one
 * transfer never makes two tasks once Dooray's answer is stored. Identity: the acting agent's
 * user key when they are a member of the project, else the representative registrant's.
 */
export async function sendDoorayTask(db: Db, d: ServiceDelivery): Promise<ChannelOutcome> {
  const taskId = String((d.request as { taskId?: string }).taskId ?? '');
  const [task] = await db
    .select()
    .from(doorayTasks)
    .where(and(eq(doorayTasks.serviceId, d.serviceId), eq(doorayTasks.id, taskId)));
  if (!task) return { ok: false, errorClass: 'task_gone', permanent: true };
  if (task.postId) return { ok: true, response: `post ${task.postId}` };
  const org = await doorayOrg(db, d.serviceId);
  if (!org) return { ok: false, errorClass: 'no_org', permanent: true };
  const auth = orgAuth(org);
  const [project] = task.projectId
    ? await db.select().from(doorayProjects).where(eq(doorayProjects.id, task.projectId))
    : [];
  const keyOf = async (memberId: string | null | undefined) => {
    if (!memberId) return null;
    const [a] = await db
      .select({ key: serviceMembers.doorayUserKey })
      .from(serviceMembers)
      .where(and(eq(serviceMembers.serviceId, d.serviceId), eq(serviceMembers.memberId, memberId)));
    return a?.key ?? null;
  };
  const agentKey = await keyOf(task.actingMemberId);
  let from: string | null = null;
  let createdAs = 'registrant';
  if (agentKey && (await isProjectMember(auth, task.doorayProjectId, agentKey))) {
    from = agentKey;
    createdAs = 'agent';
  } else {
    from = await keyOf(project?.registrantId);
  }
  const postId = await createPost(auth, task.doorayProjectId, { subject: task.subject, body: task.body, from });
  await db
    .update(doorayTasks)
    .set({ postId, taskUrl: taskLink(project?.address, postId), createdAs, updatedAt: new Date() })
    .where(and(eq(doorayTasks.id, task.id), isNull(doorayTasks.postId)));
  return { ok: true, response: `post ${postId} (${createdAs})` };
}

/** Sends a Dooray 코멘트 once its task exists; Dooray's comment id is kept to recognise the echo. */
export async function sendDoorayComment(db: Db, d: ServiceDelivery): Promise<ChannelOutcome> {
  const eventId = String((d.request as { eventId?: string }).eventId ?? '');
  const [ev] = await db
    .select()
    .from(doorayEvents)
    .where(and(eq(doorayEvents.serviceId, d.serviceId), eq(doorayEvents.id, eventId)));
  if (!ev) return { ok: false, errorClass: 'comment_gone', permanent: true };
  if (ev.doorayId) return { ok: true, response: `comment ${ev.doorayId}` };
  const [task] = await db.select().from(doorayTasks).where(eq(doorayTasks.id, ev.taskId));
  if (!task) return { ok: false, errorClass: 'task_gone', permanent: true };
  // The task is still being created: try again later (the outbox backs off).
  if (!task.postId) return { ok: false, errorClass: 'task_pending', permanent: false };
  const org = await doorayOrg(db, d.serviceId);
  if (!org) return { ok: false, errorClass: 'no_org', permanent: true };
  const commentId = await createComment(orgAuth(org), task.doorayProjectId, task.postId, ev.body ?? '');
  await db.transaction(async (tx) => {
    // If Dooray's echo of this comment arrived first and was stored, ours replaces it.
    await tx
      .delete(doorayEvents)
      .where(
        and(
          eq(doorayEvents.taskId, task.id),
          eq(doorayEvents.doorayId, commentId),
          eq(doorayEvents.kind, 'comment_in'),
        ),
      );
    await tx.update(doorayEvents).set({ doorayId: commentId }).where(eq(doorayEvents.id, ev.id));
  });
  return { ok: true, response: `comment ${commentId}` };
}
