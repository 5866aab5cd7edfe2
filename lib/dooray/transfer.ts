import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { doorayEvents, doorayProjects, doorayTasks } from '@/db/schema';
import type { ServiceCtx } from '@/lib/context';
import { enqueueChannelDelivery, hostOf } from '@/lib/channels/outbox';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { renderCodes } from '@/lib/substitution/render';
import { substitutionValues } from '@/lib/substitution/values';
import { changeTicket } from '@/lib/tickets/change';
import { doorayOrg, doorayState } from './config';
import type { transferInput } from './schemas';

export const ACTIVE_DOORAY = ['dooray_transferred', 'dooray_working'] as const;

/**
 * Dooray 이관: records the task to create (the worker creates it as the acting agent when they
 * have a user key and are a member of the project, else as the representative registrant),
 * queues that call, and sets the ticket `dooray_transferred` through recordTicketChange —
 * one transaction. Subject and body may use substitution codes.
 */
export async function transferToDooray(ctx: ServiceCtx, input: z.output<typeof transferInput>) {
  const serviceId = ctx.service.id;
  const state = await doorayState(ctx.db, serviceId);
  if (!state.enabled || state.paused) throw new ForbiddenError('channels.dooray.errors.disabled');
  const org = await doorayOrg(ctx.db, serviceId);
  if (!org) throw new ForbiddenError('channels.dooray.errors.noOrg');
  const [project] = await ctx.db
    .select()
    .from(doorayProjects)
    .where(and(eq(doorayProjects.serviceId, serviceId), eq(doorayProjects.id, input.projectId)));
  if (!project) throw ValidationError.field('projectId', 'channels.dooray.errors.projectNotFound');
  let taskId = '';
  const r = await changeTicket(ctx, input.ticketId, input.version, async ({ row, snapshot }, tx) => {
    if (row.spam) throw new ConflictError('channels.dooray.errors.spam');
    if (row.status === 'closed') throw new ConflictError('channels.dooray.errors.closed');
    if ((ACTIVE_DOORAY as readonly string[]).includes(row.status))
      throw new ConflictError('channels.dooray.errors.alreadyTransferred');
    const values = await substitutionValues(tx, snapshot, { audience: 'agent' });
    const subject = renderCodes(input.subject, values, { html: false }).slice(0, 500);
    const body = renderCodes(input.body, values, { html: false });
    const [task] = await tx
      .insert(doorayTasks)
      .values({
        serviceId,
        ticketId: row.id,
        projectId: project.id,
        doorayProjectId: project.doorayProjectId,
        subject,
        body,
        actingMemberId: ctx.member.id,
      })
      .returning({ id: doorayTasks.id });
    taskId = task.id;
    const deliveryId = await enqueueChannelDelivery(tx, {
      serviceId,
      ticketId: row.id,
      kind: 'dooray_task',
      label: 'Dooray 이관',
      target: hostOf(org.apiBaseUrl),
      request: { taskId: task.id },
    });
    await tx.insert(doorayEvents).values({
      serviceId,
      ticketId: row.id,
      taskId: task.id,
      kind: 'transfer',
      authorId: ctx.member.id,
      authorName: ctx.member.name,
      body: subject,
      deliveryId,
    });
    return { event: 'updated', set: { status: 'dooray_transferred' } };
  });
  return { taskId, status: r.after.status };
}

/** The ticket's newest Dooray task, if any. */
export async function latestTask(db: ServiceCtx['db'], serviceId: string, ticketId: string) {
  const [t] = await db
    .select()
    .from(doorayTasks)
    .where(and(eq(doorayTasks.serviceId, serviceId), eq(doorayTasks.ticketId, ticketId)))
    .orderBy(desc(doorayTasks.createdAt))
    .limit(1);
  return t ?? null;
}
