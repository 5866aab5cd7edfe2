import { and, eq } from 'drizzle-orm';
import { fields } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { ticketHistoryRows } from '@/db/queries/ticket-detail';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const always = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;

describe('ticket history', () => {
  it('lists the lines of one change in the order they happened, each credited to whoever caused it', async () => {
    const s = await makeService(db());
    const { member: admin } = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin));
    const a = await makeAgent(db(), s.id, 'agent', {}, { name: '김첫째' });
    const b = await makeAgent(db(), s.id, 'agent', {}, { name: '이둘째' });
    const ga = await makeGroup(db(), s.id, '1차', [a.agent.id]);
    const gb = await makeGroup(db(), s.id, '2차', [b.agent.id]);
    for (const [title, g] of [
      ['먼저 배정', ga],
      ['나중 배정', gb],
    ] as const) {
      const r = await createTriggerAction(null, {
        serviceId: s.id,
        title,
        conditions: [always],
        results: [{ type: 'assign', groupId: g.id, method: 'round_robin' }],
      });
      expect(r.ok).toBe(true);
    }
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    // Many lines share one timestamp; repeat so a random tie-break would show up.
    for (let i = 0; i < 5; i++) {
      const { snapshot } = await db().transaction((tx) =>
        createTicket(tx, {
          serviceId: s.id,
          channel: 'helpcenter_web',
          language: 'ko',
          subject: '문의',
          content: '내용',
          intakeTypeId: null,
          entries: [{ field: name, value: '홍길동' }],
          actor: { type: 'customer', name: '홍길동' },
        }),
      );
      expect(snapshot.assigneeId).toBe(b.member.id);
      const rows = (await ticketHistoryRows(db(), s.id, snapshot.id)).reverse();
      expect(
        rows.map((r) => [
          r.actorType,
          r.actorName,
          r.action,
          r.field,
          (r.after as { name?: string } | null)?.name ?? r.after,
        ]),
      ).toEqual([
        ['customer', '홍길동', 'created', null, null],
        ['system', null, 'trigger_pass', null, null],
        ['trigger', '먼저 배정', 'change', 'groupId', '1차'],
        ['trigger', '먼저 배정', 'change', 'assigneeId', '김첫째'],
        ['trigger', '나중 배정', 'change', 'groupId', '2차'],
        ['trigger', '나중 배정', 'change', 'assigneeId', '이둘째'],
        ['trigger', '나중 배정', 'change', 'status', 'open'],
      ]);
    }
  });
});
