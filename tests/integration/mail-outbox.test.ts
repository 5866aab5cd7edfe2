import { spawn, type ChildProcess } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { fields, mailLayouts, mailSettings, ticketMessages, triggerDeliveries } from '@/db/schema';
import { processTicketAction, resendReplyMailAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { ticketConversation } from '@/db/queries/ticket-detail';
import { listDeliveries } from '@/db/queries/triggers';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { applyPlan } from '@/lib/tickets/change';
import { createTicket } from '@/lib/tickets/create-ticket';
import { enqueueConfirmation } from '@/lib/helpcenter/confirmation-mail';
import { loadTicket } from '@/lib/tickets/snapshot';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { smtpSink, type SmtpSink } from '../helpers/smtp-sink';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
process.env.MAIL_DOMAIN = 'desk.test';
process.env.SMTP_RECEIVER_PORT = '0';
let sink: SmtpSink;
let worker: Worker | null = null;
beforeAll(async () => {
  sink = await smtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  await worker?.stop();
  await sink.close();
  delete process.env.SMTP_URL;
  delete process.env.MAIL_DOMAIN;
});

async function until<T>(what: () => Promise<T | undefined | null | false>, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function setup() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin', {}, { name: '김상담' });
  signInAs(asSessionMember(member));
  return { s, member };
}

async function ticketFrom(serviceId: string, email = 'hong@example.com') {
  const [name] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'name')));
  const [mail] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, 'mail')));
  const { snapshot } = await db().transaction((tx) =>
    createTicket(tx, {
      serviceId,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '환불 문의',
      content: '환불해 주세요',
      intakeTypeId: null,
      entries: [
        { field: name, value: '홍길동' },
        { field: mail, value: email },
      ],
      actor: { type: 'customer', name: '홍길동' },
    }),
  );
  return snapshot;
}

const replyDelivery = async (ticketId: string) =>
  (
    await db()
      .select()
      .from(triggerDeliveries)
      .where(and(eq(triggerDeliveries.ticketId, ticketId), eq(triggerDeliveries.kind, 'reply_mail')))
  )[0];
const mailsTo = (to: string) => sink.mails.filter((m) => [m.to].flat().some((a) => a?.text.includes(to)));

describe('reply mails through the outbox', () => {
  beforeAll(async () => {
    worker = await startWorker({ schedule: false, supervise: false });
  });
  afterAll(async () => {
    await worker?.stop();
    worker = null;
  });

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

  it('shows a failing mail as 실패 and 재발송 sends it again under the same Message-ID', async () => {
    const { s } = await setup();
    const t = await ticketFrom(s.id, 'retry@example.com');
    await worker?.stop();
    worker = null;
    sink.mode = 'reject';
    try {
      await processTicketAction(null, {
        serviceId: s.id,
        ticketId: t.id,
        version: 1,
        action: 'pend',
        body: '확인 중입니다.',
      });
      const d = await replyDelivery(t.id);
      expect((await ticketConversation(db(), s.id, t.id)).find((x) => x.kind === 'agent_reply')?.mail).toMatchObject({
        state: 'queued',
      });
      expect(await attemptDelivery(db(), d.id)).toBe(true);
      expect(await replyDelivery(t.id)).toMatchObject({ status: 'pending', attempts: 1 });
      expect((await ticketConversation(db(), s.id, t.id)).find((x) => x.kind === 'agent_reply')?.mail).toMatchObject({
        state: 'failed',
      });
    } finally {
      sink.mode = 'accept';
    }
    worker = await startWorker({ schedule: false, supervise: false });
    const d = await replyDelivery(t.id);
    expect(await resendReplyMailAction(null, { serviceId: s.id, deliveryId: d.id })).toMatchObject({ ok: true });
    await until(async () => (await replyDelivery(t.id))?.status === 'delivered');
    expect(mailsTo('retry@example.com').map((m) => m.messageId)).toEqual([`<${d.id}@desk.test>`]);
    expect(sink.received.filter((id) => id === `<${d.id}@desk.test>`)).toHaveLength(2);
    // Nothing left to resend once it is sent.
    expect(await resendReplyMailAction(null, { serviceId: s.id, deliveryId: d.id })).toMatchObject({
      ok: false,
      error: '실패한 메일만 다시 보낼 수 있습니다.',
    });
  });

  it('shows the help-center confirmation on the inquiry as 대기, 실패 and 발송, and 재발송 sends it again', async () => {
    const { s } = await setup();
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const [mail] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'mail')));
    await worker?.stop();
    worker = null;
    sink.mode = 'reject';
    let ticketId = '';
    try {
      ticketId = await db().transaction(async (tx) => {
        const { snapshot } = await createTicket(tx, {
          serviceId: s.id,
          channel: 'helpcenter_web',
          language: 'ko',
          subject: '배송 문의',
          content: '언제 오나요',
          intakeTypeId: null,
          entries: [
            { field: name, value: '이확인' },
            { field: mail, value: 'confirm@example.com' },
          ],
          actor: { type: 'customer', name: '이확인' },
        });
        await enqueueConfirmation(tx, {
          serviceId: s.id,
          ticketId: snapshot.id,
          to: 'confirm@example.com',
          locale: 'ko',
          serviceName: s.name,
          number: snapshot.number,
          subject: '배송 문의',
          link: 'https://desk.test/x',
        });
        return snapshot.id;
      });
      const inquiryMail = async () =>
        (await ticketConversation(db(), s.id, ticketId)).find((x) => x.kind === 'inquiry')?.mail;
      expect(await inquiryMail()).toMatchObject({ state: 'queued', kind: 'confirmation' });
      const [d] = await db()
        .select()
        .from(triggerDeliveries)
        .where(and(eq(triggerDeliveries.ticketId, ticketId), eq(triggerDeliveries.kind, 'confirmation_mail')));
      expect(await attemptDelivery(db(), d.id)).toBe(true);
      expect(await inquiryMail()).toMatchObject({ state: 'failed', kind: 'confirmation', deliveryId: d.id });
    } finally {
      sink.mode = 'accept';
    }
    worker = await startWorker({ schedule: false, supervise: false });
    const [d] = await db()
      .select()
      .from(triggerDeliveries)
      .where(and(eq(triggerDeliveries.ticketId, ticketId), eq(triggerDeliveries.kind, 'confirmation_mail')));
    expect(await resendReplyMailAction(null, { serviceId: s.id, deliveryId: d.id })).toMatchObject({ ok: true });
    await until(
      async () =>
        (await ticketConversation(db(), s.id, ticketId)).find((x) => x.kind === 'inquiry')?.mail?.state === 'sent',
    );
    expect(mailsTo('confirm@example.com').map((m) => m.messageId)).toEqual([`<${d.id}@desk.test>`]);
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

describe('a killed worker', () => {
  it('loses no mail: another worker sends it within 2 minutes, at most once more, with the same Message-ID', async () => {
    const { s } = await setup();
    const t = await ticketFrom(s.id, 'killed@example.com');
    sink.mode = 'hang';
    const child: ChildProcess = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/worker.ts'], {
      env: { ...process.env, WORKER_LOG: '0' },
      stdio: 'ignore',
      detached: true,
    });
    // tsx runs the worker in a child process: kill the whole group, or the real worker outlives the test.
    const killWorker = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    try {
      await processTicketAction(null, {
        serviceId: s.id,
        ticketId: t.id,
        version: 1,
        action: 'solve',
        body: '발송 중 종료',
      });
      const d = await replyDelivery(t.id);
      const id = `<${d.id}@desk.test>`;
      await until(async () => sink.received.includes(id), 60000);
      killWorker();
      sink.mode = 'accept';
      const started = Date.now();
      worker = await startWorker({ schedule: true, supervise: true });
      await until(async () => (await replyDelivery(t.id))?.status === 'delivered', 150000);
      expect(Date.now() - started).toBeLessThan(120000);
      expect(mailsTo('killed@example.com').map((m) => m.messageId)).toEqual([id]);
      expect(sink.received.filter((x) => x === id).length).toBeLessThanOrEqual(2);
    } finally {
      killWorker();
      sink.mode = 'accept';
      await worker?.stop();
      worker = null;
    }
  }, 200000);
});
