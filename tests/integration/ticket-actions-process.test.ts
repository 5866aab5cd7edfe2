import { eq } from 'drizzle-orm';
import { ticketMessages } from '@/db/schema';
import {
  completeTicketAction,
  previewReplyAction,
  processTicketAction,
  restoreSpamAction,
  takeTicketAction,
} from '@/app/[serviceId]/(desk)/tickets/actions';
import { asSessionMember } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { drainOutbox, readOutbox } from '../helpers/mail';
import { ticketDesk, mailDirPerTest } from '../helpers/ticket-desk';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const mailDir = mailDirPerTest(db);
const { ticketIn, row, history, desk } = ticketDesk(db);

describe('processing actions', () => {
  it('해결 replies, solves, assigns an unassigned ticket to the solver, and mails the customer threaded', async () => {
    const { service, a } = await desk();
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    const r = await processTicketAction(null, {
      serviceId: service.id,
      ticketId: t.id,
      version: 1,
      action: 'solve',
      body: '오늘 출고되었습니다.',
    });
    expect(r).toMatchObject({ ok: true, data: { status: 'solved', mailed: 1 } });
    const after = await row(t.id);
    expect(after).toMatchObject({ status: 'solved', assigneeId: a.member.id, solvedById: a.member.id });
    expect(after.firstRepliedAt).not.toBeNull();
    const mails = await (await drainOutbox(db()), await readOutbox(mailDir()));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`[#${t.number}] Re: 배송이 안 와요`);
    expect(mails[0].text).toContain('오늘 출고되었습니다.');
    expect(mails[0].inReplyTo).toBe(`<ticket-${t.id}@contactdesk.local>`);
    expect(mails[0].references).toContain(`<ticket-${t.id}@contactdesk.local>`);
    const msgs = await db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, t.id));
    expect(msgs.find((m) => m.kind === 'agent_reply')?.mailMessageId).toBe(mails[0].messageId);
    const h = await history(t.id);
    expect(h.map((x) => x.action)).toEqual(expect.arrayContaining(['created', 'change', 'agent_reply']));
    expect(h.filter((x) => x.action === 'change').map((x) => x.field)).toEqual(
      expect.arrayContaining(['status', 'assigneeId']),
    );
  });

  it('보류 sets pending; 코멘트 추가 keeps the status and sends nothing; 내부해결 needs a reason and 스팸 moves it to the spam box', async () => {
    const { service, a } = await desk();
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 1,
        action: 'pend',
        body: '확인 중입니다.',
      }),
    ).toMatchObject({ ok: true, data: { status: 'pending' } });
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 2,
        action: 'comment',
        body: '창고 확인 필요',
      }),
    ).toMatchObject({ ok: true, data: { status: 'pending', mailed: 0 } });
    expect((await (await drainOutbox(db()), await readOutbox(mailDir()))).length).toBe(1);
    const noReason = await processTicketAction(null, {
      serviceId: service.id,
      ticketId: t.id,
      version: 3,
      action: 'internal',
      body: '',
    });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 3,
        action: 'internal',
        body: '',
        reason: 'spam',
      }),
    ).toMatchObject({ ok: true });
    expect(await row(t.id)).toMatchObject({ status: 'solved', spam: true, internalReason: 'spam' });
    expect((await (await drainOutbox(db()), await readOutbox(mailDir()))).length).toBe(1);
  });

  it('refuses a stale version with a conflict and changes nothing', async () => {
    const { service, a } = await desk();
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    await processTicketAction(null, {
      serviceId: service.id,
      ticketId: t.id,
      version: 1,
      action: 'comment',
      body: '메모',
    });
    const before = await row(t.id);
    const stale = await processTicketAction(null, {
      serviceId: service.id,
      ticketId: t.id,
      version: 1,
      action: 'solve',
      body: '답변',
    });
    expect(stale).toMatchObject({
      ok: false,
      error: '다른 사람이 이 티켓을 먼저 변경했습니다. 새로고침 후 다시 시도하세요.',
    });
    expect(await row(t.id)).toEqual(before);
  });

  it('lets only the assignee or an admin answer an assigned ticket; anyone may comment', async () => {
    const { service, a, b, admin } = await desk();
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    await takeTicketAction(null, { serviceId: service.id, ticketId: t.id });
    signInAs(asSessionMember(b.member));
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 2,
        action: 'solve',
        body: '답변',
      }),
    ).toMatchObject({ ok: false, error: '다른 상담원이 담당하는 티켓입니다.' });
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 2,
        action: 'comment',
        body: '참고',
      }),
    ).toMatchObject({ ok: true });
    signInAs(asSessionMember(admin.member));
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 3,
        action: 'solve',
        body: '관리자 답변',
      }),
    ).toMatchObject({ ok: true, data: { status: 'solved' } });
  });

  it('완료 only from solved, only by an admin, and it schedules nothing else', async () => {
    const { service, a, admin } = await desk();
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(admin.member));
    expect(await completeTicketAction(null, { serviceId: service.id, ticketId: t.id, version: 1 })).toMatchObject({
      ok: false,
      error: '해결 상태인 티켓만 완료할 수 있습니다.',
    });
    signInAs(asSessionMember(a.member));
    await processTicketAction(null, {
      serviceId: service.id,
      ticketId: t.id,
      version: 1,
      action: 'solve',
      body: '해결',
    });
    const v = (await row(t.id)).version;
    expect(await completeTicketAction(null, { serviceId: service.id, ticketId: t.id, version: v })).toMatchObject({
      ok: false,
    });
    signInAs(asSessionMember(admin.member));
    expect(await completeTicketAction(null, { serviceId: service.id, ticketId: t.id, version: v })).toMatchObject({
      ok: true,
    });
    const done = await row(t.id);
    expect(done).toMatchObject({ status: 'closed', closedById: admin.member.id });
    expect(done.closedAt).not.toBeNull();
    signInAs(asSessionMember(a.member));
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: done.version,
        action: 'solve',
        body: '또 답변',
      }),
    ).toMatchObject({ ok: false, error: '현재 상태에서는 할 수 없는 처리입니다.' });
  });

  it('restores a spam ticket (admins only)', async () => {
    const { service, a, admin } = await desk();
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    await processTicketAction(null, {
      serviceId: service.id,
      ticketId: t.id,
      version: 1,
      action: 'internal',
      body: '',
      reason: 'spam',
    });
    expect(await restoreSpamAction(null, { serviceId: service.id, ticketId: t.id })).toMatchObject({ ok: false });
    signInAs(asSessionMember(admin.member));
    expect(await restoreSpamAction(null, { serviceId: service.id, ticketId: t.id })).toMatchObject({ ok: true });
    expect(await row(t.id)).toMatchObject({ spam: false, status: 'open', internalReason: null });
  });

  it('미리보기 shows the mail without sending or saving anything', async () => {
    const { service, a } = await desk();
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    const r = await previewReplyAction(null, { serviceId: service.id, ticketId: t.id, body: '<b>안녕하세요</b>' });
    expect(r).toMatchObject({
      ok: true,
      data: { to: 'customer@example.com', subject: `[#${t.number}] Re: 배송이 안 와요` },
    });
    expect(r.ok && r.data.text).toContain('<b>안녕하세요</b>');
    expect(await (await drainOutbox(db()), await readOutbox(mailDir()))).toEqual([]);
    expect(await row(t.id)).toMatchObject({ version: 1 });
  });
});
