import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { doorayEvents, doorayTasks, type DoorayTaskState } from '@/db/schema';
import type { Db } from '@/db';
import { applyPlan } from '@/lib/tickets/change';
import { writeHistory } from '@/lib/tickets/history';
import { loadTicket } from '@/lib/tickets/snapshot';
import type { TicketStatus } from '@/db/schema';
import { doorayOrg, readDoorayState, tokenMatches } from './config';

const id = z.union([z.string(), z.number()]).transform(String);
const named = z
  .object({
    name: z.string().optional(),
    emailAddress: z.string().optional(),
    organizationMemberId: id.optional(),
    id: id.optional(),
  })
  .partial();

/**
 * Both payload variants Dooray sends (integrations.md §2.2): the documented one (`hookEventType`,
 * `hookVersion`) and the observed one (`webhookType` + `hookEventType`, `version`). Unknown keys pass.
 */
const hookPayload = z.object({
  hookEventType: z.string().optional(),
  webhookType: z.string().optional(),
  workflow: z.object({ class: z.string().optional() }).partial().optional(),
  post: z.object({ id }),
  project: z.object({ id }),
  organization: z.object({ id: id.optional() }).partial().optional(),
  tenant: z.object({ id: id.optional() }).partial().optional(),
  comment: z
    .object({
      id,
      body: z.object({ content: z.string().optional() }).partial().optional(),
      creator: z.object({ member: named.optional(), emailUser: named.optional() }).partial().optional(),
    })
    .optional(),
  source: z.object({ member: named.optional(), emailUser: named.optional() }).partial().optional(),
  requestOrigin: z.object({ type: z.string().optional() }).partial().optional(),
});
export type DoorayHookPayload = z.input<typeof hookPayload>;

/** What a hook did; the route answers 200 without detail whatever it is. */
export type HookOutcome = 'applied' | 'ignored';

// The task state a workflow class moves to, and the states it may come from (forward only).
const MOVES: Record<string, { to: DoorayTaskState; from: DoorayTaskState[]; status: TicketStatus }> = {
  working: { to: 'working', from: ['transferred'], status: 'dooray_working' },
  closed: { to: 'done', from: ['transferred', 'working'], status: 'dooray_done' },
};

/**
 * Applies one Dooray project hook to the service. Ignored (nothing written): a bad token, Dooray
 * switched off, an unknown organization/project/post, an event the task has already seen (state
 * only moves forward; a comment id is stored once), and echoes of our own API writes.
 */
export async function handleDoorayHook(db: Db, serviceId: string, token: string, raw: unknown): Promise<HookOutcome> {
  const state = await readDoorayState(db, serviceId);
  if (!state || !token || !tokenMatches(token, state.hookToken) || !state.enabled) return 'ignored';
  const parsed = hookPayload.safeParse(raw);
  if (!parsed.success) return 'ignored';
  const p = parsed.data;
  const org = await doorayOrg(db, serviceId);
  const orgIds = [p.tenant?.id, p.organization?.id].filter(Boolean);
  if (!org || !orgIds.includes(org.doorayOrgId)) return 'ignored';
  const [task] = await db
    .select()
    .from(doorayTasks)
    .where(
      and(
        eq(doorayTasks.serviceId, serviceId),
        eq(doorayTasks.doorayProjectId, p.project.id),
        eq(doorayTasks.postId, p.post.id),
      ),
    );
  if (!task) return 'ignored';
  const type = p.hookEventType ?? p.webhookType;
  if (type === 'postWorkflowChanged') return workflowChanged(db, task, p.workflow?.class ?? '', p);
  if (type === 'postCommentCreated' && p.comment) return commentCreated(db, task, p);
  return 'ignored';
}

function whoFrom(p: z.output<typeof hookPayload>): string | null {
  const c = p.comment?.creator;
  return c?.member?.name ?? c?.emailUser?.name ?? p.source?.member?.name ?? p.source?.emailUser?.name ?? null;
}

async function workflowChanged(
  db: Db,
  task: typeof doorayTasks.$inferSelect,
  cls: string,
  p: z.output<typeof hookPayload>,
): Promise<HookOutcome> {
  const move = MOVES[cls];
  if (!move) return 'ignored';
  return db.transaction(async (tx) => {
    // The conditional update is the replay guard: a second `working` or a late one after `closed` matches nothing.
    const [moved] = await tx
      .update(doorayTasks)
      .set({ state: move.to, updatedAt: new Date() })
      .where(and(eq(doorayTasks.id, task.id), inArray(doorayTasks.state, move.from)))
      .returning({ id: doorayTasks.id });
    if (!moved) return 'ignored';
    await tx.insert(doorayEvents).values({
      serviceId: task.serviceId,
      ticketId: task.ticketId,
      taskId: task.id,
      kind: 'status',
      workflowClass: cls,
      authorName: whoFrom(p),
    });
    const current = await loadTicket(tx, task.serviceId, task.ticketId, { forUpdate: true });
    // An agent may have moved the ticket on meanwhile (solved, spam): Dooray then only adds to the tab.
    if (['dooray_transferred', 'dooray_working'].includes(current.row.status) && !current.row.spam) {
      await applyPlan(tx, task.serviceId, { type: 'system' }, current, {
        event: 'updated',
        set: { status: move.status },
      });
    }
    return 'applied';
  });
}

async function commentCreated(
  db: Db,
  task: typeof doorayTasks.$inferSelect,
  p: z.output<typeof hookPayload>,
): Promise<HookOutcome> {
  const c = p.comment!;
  // Our own comments come back through the hook: marked as API-made, or carrying an id we stored.
  if (p.requestOrigin?.type === 'open-api') return 'ignored';
  return db.transaction(async (tx) => {
    const [ev] = await tx
      .insert(doorayEvents)
      .values({
        serviceId: task.serviceId,
        ticketId: task.ticketId,
        taskId: task.id,
        kind: 'comment_in',
        authorName: whoFrom(p),
        body: (c.body?.content ?? '').slice(0, 20000),
        doorayId: c.id,
      })
      .onConflictDoNothing()
      .returning({ id: doorayEvents.id });
    if (!ev) return 'ignored';
    await writeHistory(tx, task.serviceId, task.ticketId, { type: 'system' }, [
      { action: 'dooray_comment_in', detail: { eventId: ev.id } },
    ]);
    return 'applied';
  });
}
