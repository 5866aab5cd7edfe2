import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { fields, triggerDeliveries } from '@/db/schema';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from './factories';
import { signInAs } from './session';
import { smtpSink, type SmtpSink } from './smtp-sink';
import { inProcessWorker } from './worker';

/**
 * Mail sent by SMTP to a local sink for the outbox tests: starts the sink before the file,
 * stops the worker and the sink after it.
 */
export function mailOutbox(db: () => Db) {
  process.env.MAIL_DOMAIN = 'desk.test';
  process.env.SMTP_RECEIVER_PORT = '0';
  let sink: SmtpSink;
  const { runWorker, stopWorker } = inProcessWorker();
  beforeAll(async () => {
    sink = await smtpSink();
    process.env.SMTP_URL = sink.url;
  });
  afterAll(async () => {
    await stopWorker();
    await sink.close();
    delete process.env.SMTP_URL;
    delete process.env.MAIL_DOMAIN;
  });

  /** A worker without schedules for the tests of the enclosing describe. */
  function workerPerDescribe() {
    beforeAll(async () => {
      await runWorker({ schedule: false, supervise: false });
    });
    afterAll(stopWorker);
  }

  /** A new service whose admin 김상담 is signed in. */
  async function setup() {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id, 'admin', {}, { name: '김상담' });
    signInAs(asSessionMember(member));
    return { s, member };
  }

  /** A help-center ticket from 홍길동 at `email`, through the real creation path. */
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

  return { sink: () => sink, runWorker, stopWorker, workerPerDescribe, setup, ticketFrom, replyDelivery, mailsTo };
}
