import { sql } from 'drizzle-orm';
import {
  previewReplyAction,
  processTicketAction,
  takeTicketAction,
  updateTicketAction,
} from '@/app/[serviceId]/(desk)/tickets/actions';
import { asSessionMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { ticketDesk, mailDirPerTest } from '../helpers/ticket-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
mailDirPerTest(db);
const { ticketIn, desk } = ticketDesk(db);

describe('tenancy', () => {
  it('an agent of service A cannot read or change a ticket of service B by id', async () => {
    const { service: a, a: agentA } = await desk();
    const { service: b } = await desk();
    const tb = await ticketIn(b.id);
    signInAs(asSessionMember(agentA.member));
    for (const r of [
      await processTicketAction(null, {
        serviceId: a.id,
        ticketId: tb.id,
        version: 1,
        action: 'comment',
        body: '엿보기',
      }),
      await takeTicketAction(null, { serviceId: a.id, ticketId: tb.id }),
      await previewReplyAction(null, { serviceId: a.id, ticketId: tb.id, body: 'x' }),
      await updateTicketAction(null, { serviceId: a.id, ticketId: tb.id, version: 1, values: {} }),
      await processTicketAction(null, {
        serviceId: b.id,
        ticketId: tb.id,
        version: 1,
        action: 'comment',
        body: '엿보기',
      }),
    ]) {
      expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/찾을 수 없|없습니다/) });
    }
    const [{ n }] = (
      await db().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ticket_messages WHERE ticket_id = ${tb.id}`)
    ).rows;
    expect(n).toBe(1);
  });
});
