import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { ticketMessages, tickets } from '@/db/schema';
import { asSessionMember, makeAgent, makeService } from './factories';
import { signInAs } from './session';

/** Mail addressed to `<serviceId>@desk.test` for the inbound mail tests, in the db `db` gives. */
export function mailInboundDesk(db: () => Db) {
  process.env.MAIL_DOMAIN = 'desk.test';
  afterAll(() => {
    delete process.env.MAIL_DOMAIN;
  });

  /** A new service whose admin 김상담 is signed in. */
  async function setup() {
    const s = await makeService(db());
    const { member } = await makeAgent(db(), s.id, 'admin', {}, { name: '김상담' });
    signInAs(asSessionMember(member));
    return { s, member };
  }
  const ticketsOf = (serviceId: string) => db().select().from(tickets).where(eq(tickets.serviceId, serviceId));
  const messagesOf = (ticketId: string) =>
    db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.createdAt);
  let seq = 0;
  const mid = () => `<m${Date.now()}.${++seq}@customer.test>`;
  return { setup, ticketsOf, messagesOf, mid };
}
