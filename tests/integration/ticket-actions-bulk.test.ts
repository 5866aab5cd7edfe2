import { bulkProcessAction, takeTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { asSessionMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { drainOutbox, readOutbox } from '../helpers/mail';
import { ticketDesk, mailDirPerTest } from '../helpers/ticket-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const mailDir = mailDirPerTest(db);
const { ticketIn, row, desk } = ticketDesk(db);

describe('bulk processing', () => {
  it('processes every checked ticket, or none with a message naming the one that cannot', async () => {
    const { service, a, b } = await desk();
    const t1 = await ticketIn(service.id);
    const t2 = await ticketIn(service.id, { email: null });
    const t3 = await ticketIn(service.id);
    signInAs(asSessionMember(b.member));
    await takeTicketAction(null, { serviceId: service.id, ticketId: t3.id });
    signInAs(asSessionMember(a.member));
    const refused = await bulkProcessAction(null, {
      serviceId: service.id,
      ticketIds: [t1.id, t2.id, t3.id],
      action: 'solve',
      body: '일괄 답변',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: `티켓 #${t3.number}은(는) 이 처리를 할 수 없어 아무 티켓도 처리하지 않았습니다.`,
    });
    expect((await row(t1.id)).status).toBe('new');
    expect(await (await drainOutbox(db()), await readOutbox(mailDir()))).toEqual([]);
    const ok = await bulkProcessAction(null, {
      serviceId: service.id,
      ticketIds: [t1.id, t2.id],
      action: 'solve',
      body: '일괄 답변',
    });
    expect(ok).toMatchObject({ ok: true, data: { count: 2, mailed: 2 } });
    // Both replies are queued; only the customer with an address gets one.
    expect((await (await drainOutbox(db()), await readOutbox(mailDir()))).length).toBe(1);
    expect((await row(t2.id)).status).toBe('solved');
  });
});
