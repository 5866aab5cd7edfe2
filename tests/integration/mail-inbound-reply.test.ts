import { and, eq } from 'drizzle-orm';
import { ticketHistory, tickets, triggerFirings } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { importMail } from '@/lib/mail/inbound/import-mail';
import { setupTestDb } from '../helpers/db';
import { mailInboundDesk } from '../helpers/mail-inbound';
import { rawMail } from '../helpers/raw-mail';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { setup, ticketsOf, messagesOf, mid } = mailInboundDesk(db);

describe('a reply', () => {
  it('by In-Reply-To to our reply is added to the same ticket, re-opens it and fires 고객 답변 triggers', async () => {
    const { s } = await setup();
    const r = await createTriggerAction(null, {
      serviceId: s.id,
      title: '고객 답변 알림',
      conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'customer_reply' }],
      results: [{ type: 'callback', url: 'https://hooks.example.com/reply' }],
    });
    expect(r).toMatchObject({ ok: true });
    await importMail(
      db(),
      s.id,
      await rawMail({
        from: '홍길동 <hong@customer.test>',
        to: `${s.id}@desk.test`,
        subject: '환불',
        text: '환불해 주세요',
        messageId: mid(),
      }),
    );
    const [t] = await ticketsOf(s.id);
    await processTicketAction(null, {
      serviceId: s.id,
      ticketId: t.id,
      version: t.version,
      action: 'solve',
      body: '환불 처리했습니다.',
    });
    const [ours] = (await messagesOf(t.id)).filter((m) => m.kind === 'agent_reply');
    expect((await ticketsOf(s.id))[0].status).toBe('solved');
    const again = await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'hong@customer.test',
        to: `${s.id}@desk.test`,
        subject: `Re: [#${t.number}] Re: 환불`,
        text: '아직 안 들어왔어요',
        messageId: mid(),
        inReplyTo: ours.mailMessageId!,
        references: [t.mailThreadId!, ours.mailMessageId!],
      }),
    );
    expect(again).toEqual({ outcome: 'appended', ticketId: t.id, number: t.number });
    const [after] = await ticketsOf(s.id);
    expect(after.status).toBe('open');
    const msgs = await messagesOf(t.id);
    expect(msgs.map((m) => m.kind)).toEqual(['inquiry', 'agent_reply', 'customer_reply']);
    expect(msgs[2].body).toBe('아직 안 들어왔어요');
    const h = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, t.id), eq(ticketHistory.action, 'customer_reply')));
    expect(h).toHaveLength(1);
    expect(await db().select().from(triggerFirings).where(eq(triggerFirings.ticketId, t.id))).toHaveLength(1);
  });

  it('by the [#ticketNo] subject tag alone is added when it comes from the requester, and starts a new ticket otherwise', async () => {
    const { s } = await setup();
    await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'kim@customer.test',
        to: `${s.id}@desk.test`,
        subject: '교환',
        text: '교환 원해요',
        messageId: mid(),
      }),
    );
    const [t] = await ticketsOf(s.id);
    await db().update(tickets).set({ status: 'pending' }).where(eq(tickets.id, t.id));
    const own = await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'KIM@customer.test',
        to: `${s.id}@desk.test`,
        subject: `[#${t.number}] 추가 문의`,
        text: '사이즈는 M입니다',
        messageId: mid(),
      }),
    );
    expect(own).toMatchObject({ outcome: 'appended', ticketId: t.id });
    expect((await db().select().from(tickets).where(eq(tickets.id, t.id)))[0].status).toBe('open');
    const stranger = await importMail(
      db(),
      s.id,
      await rawMail({
        from: 'other@customer.test',
        to: `${s.id}@desk.test`,
        subject: `[#${t.number}] 끼어들기`,
        text: '남의 티켓',
        messageId: mid(),
      }),
    );
    expect(stranger).toMatchObject({ outcome: 'created' });
    expect((await messagesOf(t.id)).map((m) => m.kind)).toEqual(['inquiry', 'customer_reply']);
  });

  it('to a ticket of another service is a new ticket there, never added across services', async () => {
    const a = await setup();
    const b = await setup();
    await importMail(
      db(),
      a.s.id,
      await rawMail({
        from: 'x@customer.test',
        to: `${a.s.id}@desk.test`,
        subject: 'A',
        text: 'a',
        messageId: '<root-a@customer.test>',
      }),
    );
    const r = await importMail(
      db(),
      b.s.id,
      await rawMail({
        from: 'x@customer.test',
        to: `${b.s.id}@desk.test`,
        subject: 'Re: A [#1]',
        text: 'b',
        messageId: mid(),
        inReplyTo: '<root-a@customer.test>',
      }),
    );
    expect(r).toMatchObject({ outcome: 'created' });
    expect(await ticketsOf(b.s.id)).toHaveLength(1);
    expect((await ticketsOf(a.s.id)).length).toBe(1);
    expect(await messagesOf((await ticketsOf(a.s.id))[0].id)).toHaveLength(1);
  });
});
