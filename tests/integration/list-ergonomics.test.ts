/**
 * Issue 18 item 5: saved personal filters and remembered columns (per agent, per service, on the
 * server), the ids behind "이 조건의 티켓 모두 선택", and the reply box's last-moment draft route.
 */
import {
  deleteFilterAction,
  matchingTicketIdsAction,
  saveFilterAction,
  setListColumnsAction,
} from '@/app/[serviceId]/(desk)/tickets/list-actions';
import { POST as postDraft } from '@/app/[serviceId]/drafts/route';
import { listColumnsOf, listSavedFilters } from '@/db/queries/desk-preferences';
import { getDraft } from '@/db/queries/reply-drafts';
import { DEFAULT_LIST_COLUMNS } from '@/lib/desk-preferences/schemas';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { makeTicket } from '../helpers/tickets';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
jest.mock('next/cache', () => ({ revalidatePath: () => undefined }));

const db = setupTestDb();

describe('saved filters and columns', () => {
  it('keeps each agent’s named filters per service, normalized, replaced by name, deleted only by their owner', async () => {
    const s = await makeService(db());
    const other = await makeService(db());
    const a = await makeAgent(db(), s.id);
    const b = await makeAgent(db(), s.id);
    signInAs(asSessionMember(a.member));
    const saved = await saveFilterAction(null, {
      serviceId: s.id,
      name: '긴급 미할당',
      query: '?menu=unassigned&priority=urgent&cursor=abc&bogus=1&status=nope',
    });
    expect(saved).toMatchObject({ ok: true, data: { name: '긴급 미할당', query: 'menu=unassigned&priority=urgent' } });
    expect(
      await saveFilterAction(null, { serviceId: s.id, name: '긴급 미할당', query: 'menu=all&priority=high' }),
    ).toMatchObject({ ok: true });
    expect(await saveFilterAction(null, { serviceId: s.id, name: '  ', query: 'menu=all' })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)] },
    });
    const mine = await listSavedFilters(db(), { serviceId: s.id, memberId: a.member.id });
    expect(mine.map((f) => [f.name, f.query])).toEqual([['긴급 미할당', 'menu=all&priority=high']]);
    expect(await listSavedFilters(db(), { serviceId: s.id, memberId: b.member.id })).toEqual([]);
    expect(await listSavedFilters(db(), { serviceId: other.id, memberId: a.member.id })).toEqual([]);

    signInAs(asSessionMember(b.member));
    expect(await deleteFilterAction(null, { serviceId: s.id, filterId: mine[0].id })).toMatchObject({
      ok: true,
      data: { deleted: false },
    });
    expect(await listSavedFilters(db(), { serviceId: s.id, memberId: a.member.id })).toHaveLength(1);
    signInAs(asSessionMember(a.member));
    expect(await deleteFilterAction(null, { serviceId: s.id, filterId: mine[0].id })).toMatchObject({
      ok: true,
      data: { deleted: true },
    });
    expect(await listSavedFilters(db(), { serviceId: s.id, memberId: a.member.id })).toEqual([]);
  });

  it('remembers the columns an agent shows, in the list’s order, and refuses unknown ones', async () => {
    const s = await makeService(db());
    const a = await makeAgent(db(), s.id);
    const b = await makeAgent(db(), s.id);
    signInAs(asSessionMember(a.member));
    expect(await listColumnsOf(db(), { serviceId: s.id, memberId: a.member.id })).toEqual(DEFAULT_LIST_COLUMNS);
    expect(
      await setListColumnsAction(null, { serviceId: s.id, columns: ['createdAt', 'channel', 'status', 'channel'] }),
    ).toMatchObject({ ok: true, data: { columns: ['status', 'channel', 'createdAt'] } });
    expect(await listColumnsOf(db(), { serviceId: s.id, memberId: a.member.id })).toEqual([
      'status',
      'channel',
      'createdAt',
    ]);
    expect(await listColumnsOf(db(), { serviceId: s.id, memberId: b.member.id })).toEqual(DEFAULT_LIST_COLUMNS);
    expect(await setListColumnsAction(null, { serviceId: s.id, columns: ['status', 'password'] })).toMatchObject({
      ok: false,
    });
    expect(await listColumnsOf(db(), { serviceId: s.id, memberId: a.member.id })).toEqual([
      'status',
      'channel',
      'createdAt',
    ]);
  });

  it('gives the ids of every ticket of the filter (beyond one page) for a bulk run, and only those', async () => {
    const s = await makeService(db());
    const a = await makeAgent(db(), s.id);
    signInAs(asSessionMember(a.member));
    const urgent: string[] = [];
    for (let i = 0; i < 60; i++) urgent.push((await makeTicket(db(), s.id, { priority: 'urgent' })).id);
    await makeTicket(db(), s.id, { priority: 'low' });
    const r = await matchingTicketIdsAction(null, { serviceId: s.id, query: 'menu=all&priority=urgent' });
    expect(r.ok && [...r.data.ids].sort()).toEqual([...urgent].sort());
    expect(r).toMatchObject({ ok: true, data: { more: false } });
  });
});

describe('the last-moment draft route', () => {
  const post = (serviceId: string, body: unknown, type = 'application/json') =>
    postDraft(
      new Request(`http://localhost/${serviceId}/drafts`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve({ serviceId }) },
    );

  it('saves my draft from a keepalive request, and refuses a form post, bad input, strangers and other services', async () => {
    const s = await makeService(db());
    const other = await makeService(db());
    const a = await makeAgent(db(), s.id);
    const ticket = await makeTicket(db(), s.id);
    const foreign = await makeTicket(db(), other.id);
    signInAs(asSessionMember(a.member));
    expect((await post(s.id, { ticketId: ticket.id, body: '새로고침 직전의 답변' })).status).toBe(204);
    expect((await getDraft(db(), { serviceId: s.id, ticketId: ticket.id, memberId: a.member.id }))?.body).toBe(
      '새로고침 직전의 답변',
    );
    // A cross-site form can send text/plain without a preflight: refused.
    expect((await post(s.id, { ticketId: ticket.id, body: '위조' }, 'text/plain')).status).toBe(415);
    const bad = await post(s.id, { ticketId: 'x', body: 1 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      fieldErrors: { ticketId: [expect.any(String)], body: [expect.any(String)] },
    });
    expect((await post(s.id, '{not json')).status).toBe(400);
    expect((await post(s.id, { ticketId: foreign.id, body: '남의 티켓' })).status).toBe(404);
    expect((await post(other.id, { ticketId: foreign.id, body: '남의 서비스' })).status).toBe(404);
    signOut();
    expect((await post(s.id, { ticketId: ticket.id, body: '익명' })).status).toBe(401);
    expect((await getDraft(db(), { serviceId: s.id, ticketId: ticket.id, memberId: a.member.id }))?.body).toBe(
      '새로고침 직전의 답변',
    );
  });
});
