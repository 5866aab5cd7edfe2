import { and, eq } from 'drizzle-orm';
import { fields, triggerDeliveries } from '@/db/schema';
import { processTicketAction, resendReplyMailAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { ticketConversation } from '@/db/queries/ticket-detail';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { enqueueConfirmation } from '@/lib/helpcenter/confirmation-mail';
import { createTicket } from '@/lib/tickets/create-ticket';
import { setupTestDb } from '../helpers/db';
import { mailOutbox } from '../helpers/mail-outbox';
import { until } from '../helpers/until';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const { sink, runWorker, stopWorker, workerPerDescribe, setup, ticketFrom, replyDelivery, mailsTo } = mailOutbox(db);

describe('reply mails through the outbox', () => {
  workerPerDescribe();

  it('shows a failing mail as 실패 and 재발송 sends it again under the same Message-ID', async () => {
    const { s } = await setup();
    const t = await ticketFrom(s.id, 'retry@example.com');
    await stopWorker();
    sink().mode = 'reject';
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
      sink().mode = 'accept';
    }
    await runWorker({ schedule: false, supervise: false });
    const d = await replyDelivery(t.id);
    expect(await resendReplyMailAction(null, { serviceId: s.id, deliveryId: d.id })).toMatchObject({ ok: true });
    await until(async () => (await replyDelivery(t.id))?.status === 'delivered');
    expect(mailsTo('retry@example.com').map((m) => m.messageId)).toEqual([`<${d.id}@desk.test>`]);
    expect(sink().received.filter((id) => id === `<${d.id}@desk.test>`)).toHaveLength(2);
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
    await stopWorker();
    sink().mode = 'reject';
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
      sink().mode = 'accept';
    }
    await runWorker({ schedule: false, supervise: false });
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
});
