import { and, eq } from 'drizzle-orm';
import { fields, groupMembers, ticketHistory, triggers } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const always = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;

async function newTicket(serviceId: string) {
  const [name] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'name')));
  const { snapshot } = await db().transaction((tx) =>
    createTicket(tx, {
      serviceId,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '문의',
      content: '내용',
      intakeTypeId: null,
      entries: [{ field: name, value: '홍길동' }],
      actor: { type: 'customer', name: '홍길동' },
    }),
  );
  return snapshot;
}

describe('티켓 할당 among chosen agents (선택한 상담원 중)', () => {
  it('round-robins only through the chosen agents of the group, in the order they were added, and drops one who leaves the group', async () => {
    const s = await makeService(db());
    const { member: admin } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin));
    const [a, b, c] = [await makeAgent(db(), s.id), await makeAgent(db(), s.id), await makeAgent(db(), s.id)];
    const g = await makeGroup(db(), s.id, '결제팀', [a.agent.id, b.agent.id, c.agent.id]);
    // Chosen in reverse order: the group's order is what round-robin follows.
    const made = await createTriggerAction(null, {
      serviceId: s.id,
      title: '결제 순차',
      conditions: [always],
      results: [
        { type: 'assign', groupId: g.id, method: 'round_robin', agentIds: [c.member.id, a.member.id, c.member.id] },
      ],
    });
    expect(made.ok).toBe(true);
    const [stored] = await db().select().from(triggers).where(eq(triggers.serviceId, s.id));
    expect(stored.results).toEqual([expect.objectContaining({ agentIds: [c.member.id, a.member.id] })]);

    const seq: (string | null)[] = [];
    for (let i = 0; i < 4; i++) seq.push((await newTicket(s.id)).assigneeId);
    expect(seq).toEqual([a.member.id, c.member.id, a.member.id, c.member.id]);

    await db().delete(groupMembers).where(eq(groupMembers.agentId, c.agent.id));
    const after = [(await newTicket(s.id)).assigneeId, (await newTicket(s.id)).assigneeId];
    expect(after).toEqual([a.member.id, a.member.id]);

    await db().delete(groupMembers).where(eq(groupMembers.agentId, a.agent.id));
    const none = await newTicket(s.id);
    expect(none).toMatchObject({ assigneeId: null, groupId: g.id });
    const [note] = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, none.id), eq(ticketHistory.actorType, 'trigger')));
    expect(note.detail).toEqual({ note: 'no_assignable_agent' });
  });

  it('picks at random only among the chosen agents', async () => {
    const s = await makeService(db());
    const { member: admin } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin));
    const [a, b, c] = [await makeAgent(db(), s.id), await makeAgent(db(), s.id), await makeAgent(db(), s.id)];
    const g = await makeGroup(db(), s.id, 'VIP', [a.agent.id, b.agent.id, c.agent.id]);
    await createTriggerAction(null, {
      serviceId: s.id,
      title: 'VIP 임의',
      conditions: [always],
      results: [{ type: 'assign', groupId: g.id, method: 'random', agentIds: [b.member.id] }],
    });
    for (let i = 0; i < 5; i++) expect((await newTicket(s.id)).assigneeId).toBe(b.member.id);
  });
});
