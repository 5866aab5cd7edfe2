import { eq } from 'drizzle-orm';
import { serviceMembers } from '@/db/schema';
import { takeTicketAction, transferTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { takeTicket } from '@/lib/tickets/take-ticket';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { ticketDesk, mailDirPerTest } from '../helpers/ticket-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
mailDirPerTest(db);
const { ticketIn, row, history, desk } = ticketDesk(db);

describe('processing actions', () => {
  it('makes a new ticket open when it is assigned (take), with the group when the agent is in one', async () => {
    const { service, a } = await desk();
    const g = await makeGroup(db(), service.id, '배송', [a.agent.id]);
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    expect(await takeTicketAction(null, { serviceId: service.id, ticketId: t.id })).toMatchObject({ ok: true });
    expect(await row(t.id)).toMatchObject({ status: 'open', assigneeId: a.member.id, groupId: g.id });
  });

  it('asks for the group when the agent is in several', async () => {
    const { service, a } = await desk();
    const g1 = await makeGroup(db(), service.id, '배송', [a.agent.id]);
    await makeGroup(db(), service.id, '결제', [a.agent.id]);
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    expect(await takeTicketAction(null, { serviceId: service.id, ticketId: t.id })).toMatchObject({
      ok: false,
      fieldErrors: { groupId: ['그룹을 선택하세요.'] },
    });
    expect(await takeTicketAction(null, { serviceId: service.id, ticketId: t.id, groupId: g1.id })).toMatchObject({
      ok: true,
    });
    expect((await row(t.id)).groupId).toBe(g1.id);
  });

  it('gives a ticket taken by two agents at once to exactly one of them', async () => {
    const { service, a, b } = await desk();
    for (let i = 0; i < 5; i++) {
      const t = await ticketIn(service.id);
      // The verb directly, one context per agent: the mocked session is one global.
      const results = await Promise.allSettled(
        [a, b].map((who) =>
          takeTicket(
            {
              db: db(),
              member: asSessionMember(who.member),
              locale: 'ko',
              client: { ip: null, userAgent: null },
              service,
              agent: who.agent,
              role: 'agent',
            },
            { ticketId: t.id },
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([
        expect.objectContaining({ reason: expect.objectContaining({ key: 'errors.ticketTaken' }) }),
      ]);
      const taken = (await history(t.id)).filter((h) => h.field === 'assigneeId');
      expect(taken).toHaveLength(1);
    }
  });

  it('전달 needs the permission and an assignable target', async () => {
    const { service, a, b, admin } = await desk();
    const off = await makeAgent(db(), service.id, 'agent', { assignable: false });
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    expect(
      await transferTicketAction(null, { serviceId: service.id, ticketId: t.id, version: 1, assigneeId: b.member.id }),
    ).toMatchObject({ ok: false, error: '티켓 전달 권한이 없습니다.' });
    // 티켓 전달 권한 binds admins too (issue 13): this admin holds it.
    await db().update(serviceMembers).set({ canTransfer: true }).where(eq(serviceMembers.id, admin.agent.id));
    signInAs(asSessionMember(admin.member));
    expect(
      await transferTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 1,
        assigneeId: off.member.id,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { assigneeId: ['티켓을 할당할 수 없는 상담원입니다.'] } });
    const other = await makeService(db());
    const stranger = await makeAgent(db(), other.id);
    expect(
      await transferTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 1,
        assigneeId: stranger.member.id,
      }),
    ).toMatchObject({ ok: false });
    expect(
      await transferTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 1,
        assigneeId: b.member.id,
        note: '결제 건이라 넘깁니다',
      }),
    ).toMatchObject({ ok: true });
    expect(await row(t.id)).toMatchObject({ assigneeId: b.member.id, status: 'open' });
  });

  it('lets an agent with 티켓 전달 권한 transfer', async () => {
    const { service, b } = await desk();
    const mover = await makeAgent(db(), service.id, 'agent', { canTransfer: true });
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(mover.member));
    expect(
      await transferTicketAction(null, { serviceId: service.id, ticketId: t.id, version: 1, assigneeId: b.member.id }),
    ).toMatchObject({ ok: true });
  });
});
