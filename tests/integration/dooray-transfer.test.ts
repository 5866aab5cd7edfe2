import { and, eq } from 'drizzle-orm';
import { doorayEvents, doorayProjects, doorayTasks, ticketHistory, tickets, triggerDeliveries } from '@/db/schema';
import {
  deleteDoorayProjectAction,
  regenerateHookTokenAction,
  setDoorayStateAction,
} from '@/app/[serviceId]/(desk)/settings/channels/actions';
import { doorayCommentAction, transferToDoorayAction } from '@/app/[serviceId]/(desk)/tickets/dooray-actions';
import { doorayState } from '@/lib/dooray/config';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { asSessionMember, makeGroup } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { doorayHook, startDoorayMock, type DoorayMock } from '../helpers/dooray-server';
import { doorayHelpers } from '../helpers/dooray-fixture';
import { signInAs } from '../helpers/session';
import { makeTicket } from '../helpers/tickets';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
process.env.OUTBOUND_ALLOW_HTTP = '1';
process.env.OUTBOUND_ALLOW_CIDRS = '127.0.0.1/32';

let dooray: DoorayMock;
beforeAll(async () => {
  dooray = await startDoorayMock();
});
afterAll(() => dooray.close());

const { idOf, registered, deliverAll, hook, statusOf } = doorayHelpers(db, () => dooray);

describe('Dooray 이관, 코멘트 and the inbound hook', () => {
  it('creates the task as the acting agent when they are a project member, else as the representative registrant', async () => {
    const x = await registered();
    const t1 = await makeTicket(db(), x.s.id, {
      status: 'open',
      subject: '환불 요청',
      content: '카드 환불이 안 됩니다',
    });
    const r1 = await transferToDoorayAction(null, {
      serviceId: x.s.id,
      ticketId: t1.id,
      version: t1.version,
      projectId: x.project.id,
      subject: '[#{ticketNo}] #{subject}',
      body: '#{inquiry}',
    });
    expect(r1).toMatchObject({ ok: true, data: { status: 'dooray_transferred' } });
    expect(await statusOf(t1.id)).toBe('dooray_transferred');
    await deliverAll(t1.id);
    const post1 = dooray.posts.at(-1)!;
    expect(post1.body).toMatchObject({
      subject: `[${t1.number}] 환불 요청`,
      body: { content: '카드 환불이 안 됩니다' },
      users: { from: { member: { organizationMemberId: idOf(x.admin.member.email) } } },
    });
    const [task1] = await db().select().from(doorayTasks).where(eq(doorayTasks.ticketId, t1.id));
    expect(task1).toMatchObject({
      postId: post1.id,
      createdAs: 'agent',
      taskUrl: `https://nhn.dooray.com/project/tasks/${post1.id}`,
    });
    // The history credits the agent with the status change.
    const h = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, t1.id), eq(ticketHistory.field, 'status')));
    expect(h[0]).toMatchObject({ actorType: 'member', after: 'dooray_transferred' });

    // The agent has a user key but is not a member of the project: the registrant's identity.
    signInAs(asSessionMember(x.agent.member));
    const t2 = await makeTicket(db(), x.s.id, { status: 'open' });
    expect(
      (
        await transferToDoorayAction(null, {
          serviceId: x.s.id,
          ticketId: t2.id,
          version: t2.version,
          projectId: x.project.id,
          subject: 'S',
          body: 'B',
        })
      ).ok,
    ).toBe(true);
    await deliverAll(t2.id);
    expect(dooray.posts.at(-1)!.body).toMatchObject({
      users: { from: { member: { organizationMemberId: idOf(x.admin.member.email) } } },
    });
    expect((await db().select().from(doorayTasks).where(eq(doorayTasks.ticketId, t2.id)))[0].createdAs).toBe(
      'registrant',
    );
    // A second transfer while the first is open is refused.
    const again = await transferToDoorayAction(null, {
      serviceId: x.s.id,
      ticketId: t2.id,
      version: t2.version + 1,
      projectId: x.project.id,
      subject: 'S',
      body: 'B',
    });
    expect(again.ok).toBe(false);
  });

  it('sends one Dooray task per transfer even when the first attempt fails and is retried', async () => {
    const x = await registered();
    const t = await makeTicket(db(), x.s.id, { status: 'open' });
    await transferToDoorayAction(null, {
      serviceId: x.s.id,
      ticketId: t.id,
      version: t.version,
      projectId: x.project.id,
      subject: 'S',
      body: 'B',
    });
    const before = dooray.posts.length;
    dooray.failWrites = 1;
    await deliverAll(t.id);
    const [d] = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, t.id));
    expect(d).toMatchObject({ status: 'pending', attempts: 1 });
    await deliverAll(t.id);
    await deliverAll(t.id);
    expect(dooray.posts.length - before).toBe(1);
    expect((await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.id, d.id)))[0].status).toBe(
      'delivered',
    );
  });

  it('moves the ticket working → done from both payload variants, ignores replays, echoes and forged calls, and reopens transfer after done', async () => {
    const x = await registered();
    const { hookToken } = await doorayState(db(), x.s.id);
    // Triggers see Dooray's status changes like any other (they go through recordTicketChange).
    const g = await makeGroup(db(), x.s.id, 'Dooray 진행');
    expect(
      (
        await createTriggerAction(null, {
          serviceId: x.s.id,
          title: 'Dooray 진행 → 그룹',
          conditions: [{ mode: 'all', target: 'status', operator: 'changed_to', value: 'dooray_working' }],
          results: [{ type: 'set_group', groupId: g.id }],
        })
      ).ok,
    ).toBe(true);
    const t = await makeTicket(db(), x.s.id, { status: 'open' });
    await transferToDoorayAction(null, {
      serviceId: x.s.id,
      ticketId: t.id,
      version: t.version,
      projectId: x.project.id,
      subject: 'S',
      body: 'B',
    });
    await deliverAll(t.id);
    const [task] = await db().select().from(doorayTasks).where(eq(doorayTasks.ticketId, t.id));
    const ids = { orgId: dooray.orgId, projectId: x.projectId, postId: task.postId! };
    const events = async () => db().select().from(doorayEvents).where(eq(doorayEvents.ticketId, t.id));

    // Forged: wrong token, unknown post, another organization, a 5 MB body, garbage.
    await hook(x.s.id, 'forged', doorayHook('documented', 'postWorkflowChanged', ids, { workflowClass: 'working' }));
    await hook(
      x.s.id,
      hookToken,
      doorayHook('documented', 'postWorkflowChanged', { ...ids, postId: '1' }, { workflowClass: 'working' }),
    );
    await hook(
      x.s.id,
      hookToken,
      doorayHook('documented', 'postWorkflowChanged', { ...ids, orgId: '999' }, { workflowClass: 'working' }),
    );
    await hook(
      x.s.id,
      hookToken,
      null,
      JSON.stringify({
        ...doorayHook('documented', 'postWorkflowChanged', ids, { workflowClass: 'working' }),
        pad: 'x'.repeat(5 * 1024 * 1024),
      }),
    );
    await hook(x.s.id, hookToken, null, '{not json');
    await hook(
      'nosuchservice',
      hookToken,
      doorayHook('documented', 'postWorkflowChanged', ids, { workflowClass: 'working' }),
    );
    expect(await statusOf(t.id)).toBe('dooray_transferred');

    await hook(x.s.id, hookToken, doorayHook('documented', 'postWorkflowChanged', ids, { workflowClass: 'working' }));
    expect(await statusOf(t.id)).toBe('dooray_working');
    expect((await db().select({ g: tickets.groupId }).from(tickets).where(eq(tickets.id, t.id)))[0].g).toBe(g.id);
    await hook(x.s.id, hookToken, doorayHook('observed', 'postWorkflowChanged', ids, { workflowClass: 'working' }));
    expect((await events()).filter((e) => e.kind === 'status')).toHaveLength(1);

    // Comments: theirs appears once (replays ignored); the echo of ours does not.
    await hook(
      x.s.id,
      hookToken,
      doorayHook('observed', 'postCommentCreated', ids, { commentId: 'c-1', text: '확인 중입니다' }),
    );
    await hook(
      x.s.id,
      hookToken,
      doorayHook('documented', 'postCommentCreated', ids, { commentId: 'c-1', text: '확인 중입니다' }),
    );
    expect(
      (await doorayCommentAction(null, { serviceId: x.s.id, ticketId: t.id, body: '고객이 재문의했습니다' })).ok,
    ).toBe(true);
    await deliverAll(t.id);
    const ours = dooray.comments.at(-1)!;
    expect(ours).toMatchObject({ postId: task.postId, body: { body: { content: '고객이 재문의했습니다' } } });
    await hook(
      x.s.id,
      hookToken,
      doorayHook('observed', 'postCommentCreated', ids, {
        commentId: ours.id,
        text: '고객이 재문의했습니다',
        origin: 'open-api',
      }),
    );
    await hook(
      x.s.id,
      hookToken,
      doorayHook('documented', 'postCommentCreated', ids, { commentId: ours.id, text: '고객이 재문의했습니다' }),
    );
    const all = await events();
    expect(all.filter((e) => e.kind === 'comment_in').map((e) => e.body)).toEqual(['확인 중입니다']);
    expect(all.filter((e) => e.kind === 'comment_out').map((e) => e.doorayId)).toEqual([ours.id]);

    await hook(x.s.id, hookToken, doorayHook('observed', 'postWorkflowChanged', ids, { workflowClass: 'closed' }));
    expect(await statusOf(t.id)).toBe('dooray_done');
    // A late `working` after `closed` changes nothing; comments are blocked; a new transfer is allowed.
    await hook(x.s.id, hookToken, doorayHook('documented', 'postWorkflowChanged', ids, { workflowClass: 'working' }));
    expect(await statusOf(t.id)).toBe('dooray_done');
    expect((await doorayCommentAction(null, { serviceId: x.s.id, ticketId: t.id, body: 'late' })).ok).toBe(false);
    const history = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, t.id), eq(ticketHistory.field, 'status')));
    expect(history.map((h) => [h.actorType, h.after])).toEqual([
      ['member', 'dooray_transferred'],
      ['system', 'dooray_working'],
      ['system', 'dooray_done'],
    ]);
    const [row] = await db().select().from(tickets).where(eq(tickets.id, t.id));
    expect(
      (
        await transferToDoorayAction(null, {
          serviceId: x.s.id,
          ticketId: t.id,
          version: row.version,
          projectId: x.project.id,
          subject: 'S2',
          body: 'B2',
        })
      ).ok,
    ).toBe(true);

    // A regenerated token retires the old URL.
    await regenerateHookTokenAction(null, { serviceId: x.s.id });
    const before = (await events()).length;
    await hook(
      x.s.id,
      hookToken,
      doorayHook('documented', 'postCommentCreated', ids, { commentId: 'c-9', text: 'old url' }),
    );
    expect((await events()).length).toBe(before);
  });

  it('hides nothing but refuses new transfers while paused, and keeps the data', async () => {
    const x = await registered();
    await setDoorayStateAction(null, { serviceId: x.s.id, enabled: true, paused: true });
    const t = await makeTicket(db(), x.s.id, { status: 'open' });
    const r = await transferToDoorayAction(null, {
      serviceId: x.s.id,
      ticketId: t.id,
      version: t.version,
      projectId: x.project.id,
      subject: 'S',
      body: 'B',
    });
    expect(r.ok).toBe(false);
    expect(await statusOf(t.id)).toBe('open');
    expect(await db().select().from(doorayProjects).where(eq(doorayProjects.serviceId, x.s.id))).toHaveLength(1);
    expect((await deleteDoorayProjectAction(null, { serviceId: x.s.id, projectId: x.project.id })).ok).toBe(true);
  });
});
