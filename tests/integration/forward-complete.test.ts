import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { fields, ticketHistory, tickets, triggerDeliveries } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { attemptDelivery, MAX_ATTEMPTS } from '@/lib/triggers/deliveries/attempt';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const received: ParsedMail[] = [];
let server: SMTPServer;

// A local SMTP server: accepts mail, except to refuse@… (550, a permanent refusal).
beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(addr, _s, cb) {
      cb(
        addr.address.startsWith('refuse@')
          ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 })
          : undefined,
      );
    },
    onData(stream, _s, cb) {
      simpleParser(stream).then((m) => {
        received.push(m);
        cb();
      }, cb);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  delete process.env.SMTP_URL;
});

async function setup(to: string) {
  const s = await makeService(db());
  const { member: admin } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin));
  const r = await createTriggerAction(null, {
    serviceId: s.id,
    title: '외부 업체 이관',
    conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
    results: [{ type: 'forward', to, complete: true }],
  });
  expect(r.ok).toBe(true);
  const [name] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
  const [mail] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'mail')));
  const { snapshot } = await db().transaction((tx) =>
    createTicket(tx, {
      serviceId: s.id,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: 'A/S 요청',
      content: '제품이 켜지지 않습니다.\n확인 부탁드립니다.',
      intakeTypeId: null,
      entries: [
        { field: name, value: '홍길동' },
        { field: mail, value: 'hong@example.com' },
      ],
      actor: { type: 'customer', name: '홍길동' },
    }),
  );
  const [d] = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, snapshot.id));
  return { s, snapshot, d };
}
const statusOf = async (id: string) =>
  (
    await db().select({ status: tickets.status, closedAt: tickets.closedAt }).from(tickets).where(eq(tickets.id, id))
  )[0];

describe('전달: 외부 전달 후 티켓 완료', () => {
  it('closes the ticket only after the mail server accepted the forward, credited to the trigger, and the mail carries the ticket', async () => {
    const { snapshot, d } = await setup('partner@example.com');
    expect(snapshot.status).not.toBe('closed');
    expect((await statusOf(snapshot.id)).status).toBe('new');

    expect(await attemptDelivery(db(), d.id)).toBe(true);
    expect(await statusOf(snapshot.id)).toMatchObject({ status: 'closed', closedAt: expect.any(Date) });
    const closing = await db()
      .select()
      .from(ticketHistory)
      .where(and(eq(ticketHistory.ticketId, snapshot.id), eq(ticketHistory.field, 'status')));
    expect(closing.map((h) => [h.actorType, h.actorName, h.triggerId, h.before, h.after])).toEqual([
      ['trigger', '외부 업체 이관', d.triggerId, 'new', 'closed'],
    ]);

    const mail = received.find((m) => [m.to].flat().some((a) => a?.text === 'partner@example.com'))!;
    expect(mail.subject).toBe(`[티켓 #${snapshot.number}] A/S 요청`);
    expect(mail.text).toContain(`티켓: #${snapshot.number}`);
    expect(mail.text).toContain('고객: 홍길동 hong@example.com');
    expect(mail.text).toContain('제품이 켜지지 않습니다.\n확인 부탁드립니다.');
    expect(mail.text).toMatch(new RegExp(`티켓 보기: https?://\\S+/${snapshot.serviceId}/tickets/${snapshot.number}`));
  });

  it('leaves the ticket open while the forward is refused, and when delivery finally fails', async () => {
    const { snapshot, d } = await setup('refuse@example.com');
    expect(await attemptDelivery(db(), d.id)).toBe(true);
    expect((await statusOf(snapshot.id)).status).toBe('new');
    await db()
      .update(triggerDeliveries)
      .set({ attempts: MAX_ATTEMPTS - 1, nextAttemptAt: new Date() })
      .where(eq(triggerDeliveries.id, d.id));
    expect(await attemptDelivery(db(), d.id)).toBe(true);
    expect((await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.id, d.id)))[0].status).toBe('dead');
    expect((await statusOf(snapshot.id)).status).toBe('new');
  });
});
