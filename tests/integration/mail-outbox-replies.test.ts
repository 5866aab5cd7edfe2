import { and, eq } from 'drizzle-orm';
import { fields, mailLayouts, mailSettings, ticketMessages } from '@/db/schema';
import { processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { ticketConversation } from '@/db/queries/ticket-detail';
import { listDeliveries } from '@/db/queries/triggers';
import { applyPlan } from '@/lib/tickets/change';
import { loadTicket } from '@/lib/tickets/snapshot';
import { createTicket } from '@/lib/tickets/create-ticket';
import { setupTestDb } from '../helpers/db';
import { mailOutbox } from '../helpers/mail-outbox';
import { until } from '../helpers/until';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { workerPerDescribe, setup, ticketFrom, replyDelivery, mailsTo } = mailOutbox(db);

describe('reply mails through the outbox', () => {
  workerPerDescribe();

  it('queues the reply with the change and the worker sends it in the 해결 layout, as 발신 정보, threaded, with the stable Message-ID', async () => {
    const { s } = await setup();
    await db()
      .insert(mailSettings)
      .values({ serviceId: s.id, senderName: '고객센터', senderAddress: 'help@shop.test' });
    await db().insert(mailLayouts).values({
      serviceId: s.id,
      event: 'solved',
      lang: 'ko',
      body: '<p>#{name}님, 답변 드립니다.</p><div>#{content}</div><p>— 쇼핑 고객센터</p>',
    });
    const t = await ticketFrom(s.id, 'layout@example.com');
    const r = await processTicketAction(null, {
      serviceId: s.id,
      ticketId: t.id,
      version: 1,
      action: 'solve',
      body: '환불 <처리> 완료했습니다.',
    });
    expect(r).toMatchObject({ ok: true, data: { status: 'solved' } });
    const d = await until(async () => {
      const x = await replyDelivery(t.id);
      return x?.status === 'delivered' && x;
    });
    const [m] = mailsTo('layout@example.com');
    expect(m.messageId).toBe(`<${d.id}@desk.test>`);
    expect(m.subject).toBe(`[#${t.number}] Re: 환불 문의`);
    expect(m.from?.value[0]).toMatchObject({ name: '고객센터', address: 'help@shop.test' });
    expect(m.replyTo?.text).toBe(`${s.id}@desk.test`);
    expect(m.inReplyTo).toBe(`<ticket-${t.id}@desk.test>`);
    expect(m.html).toContain('홍길동님, 답변 드립니다.');
    expect(m.html).toContain('환불 &lt;처리&gt; 완료했습니다.');
    expect(m.text).toContain('환불 <처리> 완료했습니다.');
    const [reply] = await db()
      .select()
      .from(ticketMessages)
      .where(and(eq(ticketMessages.ticketId, t.id), eq(ticketMessages.kind, 'agent_reply')));
    expect(reply.mailMessageId).toBe(m.messageId);
    const conv = await ticketConversation(db(), s.id, t.id);
    expect(conv.find((x) => x.kind === 'agent_reply')?.mail).toMatchObject({ state: 'sent' });
    // The history tab's trigger-delivery list keeps to trigger effects.
    expect(await listDeliveries(db(), { serviceId: s.id, ticketId: t.id })).toEqual([]);
  });

  it('answers a ticket an agent created in the 수동 생성 티켓 처리 layout of its language, 보류 in the 보류 layout', async () => {
    const { s } = await setup();
    await db()
      .insert(mailLayouts)
      .values([
        { serviceId: s.id, event: 'manual', lang: 'ko', body: '<p>전화 문의 답변</p>#{content}' },
        { serviceId: s.id, event: 'pending', lang: 'ko', body: '<p>확인 중 안내</p>#{content}' },
      ]);
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const [mail] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'mail')));
    const { snapshot: manual } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'manual',
        language: 'ko',
        subject: '전화 문의',
        content: '통화 내용',
        intakeTypeId: null,
        entries: [
          { field: name, value: '이순신' },
          { field: mail, value: 'manual@example.com' },
        ],
        actor: { type: 'system' },
      }),
    );
    const pend = await ticketFrom(s.id, 'pend@example.com');
    await processTicketAction(null, {
      serviceId: s.id,
      ticketId: manual.id,
      version: 1,
      action: 'solve',
      body: '처리했습니다.',
    });
    await processTicketAction(null, {
      serviceId: s.id,
      ticketId: pend.id,
      version: 1,
      action: 'pend',
      body: '조금만 기다려 주세요.',
    });
    await until(async () => mailsTo('manual@example.com').length && mailsTo('pend@example.com').length);
    expect(mailsTo('manual@example.com')[0].text).toContain('전화 문의 답변');
    expect(mailsTo('pend@example.com')[0].text).toContain('확인 중 안내');
  });

  it('a rolled-back reply sends nothing', async () => {
    const { s, member } = await setup();
    const t = await ticketFrom(s.id, 'rollback@example.com');
    await expect(
      db().transaction(async (tx) => {
        const current = await loadTicket(tx, s.id, t.id, { forUpdate: true });
        await applyPlan(tx, s.id, { type: 'member', id: member.id, name: member.name }, current, {
          event: 'agent_reply',
          set: { status: 'solved' },
          message: { kind: 'agent_reply', body: '보내지 말 것' },
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await replyDelivery(t.id)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo('rollback@example.com')).toEqual([]);
  });

  it('without a representative account the footer does not promise that a reply by mail arrives', async () => {
    const { s } = await setup();
    const t = await ticketFrom(s.id, 'footer@example.com');
    delete process.env.MAIL_DOMAIN;
    try {
      await processTicketAction(null, {
        serviceId: s.id,
        ticketId: t.id,
        version: 1,
        action: 'solve',
        body: '답변입니다.',
      });
      await until(async () => (await replyDelivery(t.id))?.status === 'delivered');
    } finally {
      process.env.MAIL_DOMAIN = 'desk.test';
    }
    const [m] = mailsTo('footer@example.com');
    expect(m.text).toContain('이 메일은 발신 전용입니다');
    expect(m.text).not.toContain('회신하시면');
    expect(m.replyTo).toBeUndefined();
  });
});
