import { saveDraftAction } from '@/app/[serviceId]/(desk)/tickets/draft-actions';
import { getDraft } from '@/db/queries/reply-drafts';
import { DRAFT_MAX } from '@/lib/drafts/schemas';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { makeTicket } from '../helpers/tickets';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

describe('reply drafts', () => {
  it('keeps each agent’s unsent reply per ticket on the server, replaces it as they type, and drops it when emptied', async () => {
    const service = await makeService(db());
    const a = await makeAgent(db(), service.id);
    const b = await makeAgent(db(), service.id);
    const ticket = await makeTicket(db(), service.id);
    signInAs(asSessionMember(a.member));
    expect(
      await saveDraftAction(null, { serviceId: service.id, ticketId: ticket.id, body: '안녕하세요, 환불은' }),
    ).toMatchObject({ ok: true, data: { saved: true } });
    expect(
      await saveDraftAction(null, {
        serviceId: service.id,
        ticketId: ticket.id,
        body: '안녕하세요, 환불은 내일 처리됩니다.',
      }),
    ).toMatchObject({ ok: true });
    signInAs(asSessionMember(b.member));
    await saveDraftAction(null, { serviceId: service.id, ticketId: ticket.id, body: '다른 상담원의 초안' });
    const draftOf = (memberId: string) => getDraft(db(), { serviceId: service.id, ticketId: ticket.id, memberId });
    expect((await draftOf(a.member.id))?.body).toBe('안녕하세요, 환불은 내일 처리됩니다.');
    expect((await draftOf(b.member.id))?.body).toBe('다른 상담원의 초안');
    expect(await saveDraftAction(null, { serviceId: service.id, ticketId: ticket.id, body: '  ' })).toMatchObject({
      ok: true,
      data: { saved: false },
    });
    expect(await draftOf(b.member.id)).toBeNull();
    expect(await draftOf(a.member.id)).not.toBeNull();
  });

  it('refuses a ticket of another service and an oversized draft with a field message', async () => {
    const service = await makeService(db());
    const other = await makeService(db());
    const a = await makeAgent(db(), service.id);
    const foreign = await makeTicket(db(), other.id);
    const own = await makeTicket(db(), service.id);
    signInAs(asSessionMember(a.member));
    expect(await saveDraftAction(null, { serviceId: service.id, ticketId: foreign.id, body: '몰래' })).toMatchObject({
      ok: false,
    });
    expect(await getDraft(db(), { serviceId: other.id, ticketId: foreign.id, memberId: a.member.id })).toBeNull();
    const r = await saveDraftAction(null, { serviceId: service.id, ticketId: own.id, body: 'x'.repeat(DRAFT_MAX + 1) });
    expect(r).toMatchObject({ ok: false, fieldErrors: { body: [expect.any(String)] } });
    expect(await saveDraftAction(null, { serviceId: service.id, ticketId: 'not-a-uuid', body: 'x' })).toMatchObject({
      ok: false,
      fieldErrors: { ticketId: [expect.any(String)] },
    });
  });
});
