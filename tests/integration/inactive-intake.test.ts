import { and, eq } from 'drizzle-orm';
import { categories, fields, tickets } from '@/db/schema';
import { createTicketAction, updateTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

async function setup() {
  const s = await makeService(db());
  const { member: admin } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin));
  const id = crypto.randomUUID();
  const [off] = await db()
    .insert(categories)
    .values({
      id,
      serviceId: s.id,
      kind: 'intake',
      name: '전화 접수',
      names: { ko: '전화 접수' },
      path: `/${id}/`,
      depth: 1,
      position: 0,
      active: false,
    } as typeof categories.$inferInsert)
    .returning();
  return { s, off };
}

describe('an inactive intake type (티켓 관리 화면에서만 사용 가능)', () => {
  it('is accepted by 티켓 생성 and stored on the ticket', async () => {
    const { s, off } = await setup();
    const r = await createTicketAction(null, {
      serviceId: s.id,
      intakeTypeId: off.id,
      values: { subject: '전화 문의', content: '전화로 받은 문의', name: '홍길동', personalAgree: true },
    });
    expect(r).toMatchObject({ ok: true });
    const [t] = await db().select().from(tickets).where(eq(tickets.serviceId, s.id));
    expect(t).toMatchObject({ intakeTypeId: off.id, channel: 'manual' });
  });

  it('can be set by an agent on the ticket screen', async () => {
    const { s, off } = await setup();
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const { snapshot } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'email',
        language: 'ko',
        subject: 'x',
        content: 'y',
        intakeTypeId: null,
        entries: [{ field: name, value: 'a' }],
        actor: { type: 'system' },
      }),
    );
    const r = await updateTicketAction(null, {
      serviceId: s.id,
      ticketId: snapshot.id,
      version: 1,
      intakeTypeId: off.id,
      values: {},
    });
    expect(r).toMatchObject({ ok: true });
    expect((await db().select().from(tickets).where(eq(tickets.id, snapshot.id)))[0].intakeTypeId).toBe(off.id);
  });

  it('is set by the trigger result 접수유형 할당 instead of being skipped', async () => {
    const { s, off } = await setup();
    const made = await createTriggerAction(null, {
      serviceId: s.id,
      title: '전화 분류',
      conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
      results: [{ type: 'set_intake_type', categoryId: off.id }],
    });
    expect(made.ok).toBe(true);
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const { snapshot } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'email',
        language: 'ko',
        subject: 'x',
        content: 'y',
        intakeTypeId: null,
        entries: [{ field: name, value: 'a' }],
        actor: { type: 'system' },
      }),
    );
    expect(snapshot.intakeTypeId).toBe(off.id);
  });

  it('is still refused from the help center channels', async () => {
    const { s, off } = await setup();
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    await expect(
      db().transaction((tx) =>
        createTicket(tx, {
          serviceId: s.id,
          channel: 'helpcenter_mobile',
          language: 'ko',
          subject: 'x',
          content: 'y',
          intakeTypeId: off.id,
          entries: [{ field: name, value: 'a' }],
          actor: { type: 'customer', name: 'a' },
        }),
      ),
    ).rejects.toMatchObject({ fieldErrors: { category: [{ key: 'validation.categoryUnknown' }] } });
  });
});
