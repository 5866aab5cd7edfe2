import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { fields, serviceMembers, ticketHistory, ticketMessages, tickets } from '@/db/schema';
import {
  bulkProcessAction,
  completeTicketAction,
  previewReplyAction,
  processTicketAction,
  restoreSpamAction,
  takeTicketAction,
  transferTicketAction,
  updateTicketAction,
} from '@/app/[serviceId]/(desk)/tickets/actions';
import { createTicket } from '@/lib/tickets/create-ticket';
import { takeTicket } from '@/lib/tickets/take-ticket';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { drainOutbox, readOutbox } from '../helpers/mail';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
let mailDir: string;
beforeEach(async () => {
  // Mails an earlier test left in the outbox go to that test's folder, not this one's.
  await drainOutbox(db());
  mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-mail-'));
  process.env.MAIL_DIR = mailDir;
  delete process.env.SMTP_URL;
});

async function field(serviceId: string, code: string) {
  const [f] = await db()
    .select()
    .from(fields)
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, code)));
  return f;
}

async function ticketIn(serviceId: string, over: { email?: string | null } = {}) {
  const entries = [{ field: await field(serviceId, 'name'), value: '홍길동' }];
  if (over.email !== null)
    entries.push({ field: await field(serviceId, 'mail'), value: over.email ?? 'customer@example.com' });
  const { snapshot } = await db().transaction((tx) =>
    createTicket(tx, {
      serviceId,
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '배송이 안 와요',
      content: '주문한 상품이 아직 안 왔습니다.',
      intakeTypeId: null,
      entries,
      actor: { type: 'customer', name: '홍길동' },
    }),
  );
  return snapshot;
}

const row = async (id: string) => (await db().select().from(tickets).where(eq(tickets.id, id)))[0];
const history = async (id: string) =>
  db().select().from(ticketHistory).where(eq(ticketHistory.ticketId, id)).orderBy(asc(ticketHistory.createdAt));

async function desk() {
  const service = await makeService(db());
  const a = await makeAgent(db(), service.id, 'agent', {}, { name: '김상담' });
  const b = await makeAgent(db(), service.id, 'agent', {}, { name: '이상담' });
  const admin = await makeAgent(db(), service.id, 'admin', {}, { name: '박관리' });
  return { service, a, b, admin };
}

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
    const mails = await (await drainOutbox(db()), await readOutbox(mailDir));
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
    expect((await (await drainOutbox(db()), await readOutbox(mailDir))).length).toBe(1);
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
    expect((await (await drainOutbox(db()), await readOutbox(mailDir))).length).toBe(1);
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

  it('makes a new ticket open when it is assigned (take), with the group when the agent is in one', async () => {
    const { service, a } = await desk();
    const g = await makeGroup(db(), service.id, '배송', [a.agent.id]);
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    expect(await takeTicketAction(null, { serviceId: service.id, ticketId: t.id })).toMatchObject({ ok: true });
    expect(await row(t.id)).toMatchObject({ status: 'open', assigneeId: a.member.id, groupId: g.id });
  });

  it('asks for the group when the agent is in several', async () => {
    const { service, a } = await desk();
    const g1 = await makeGroup(db(), service.id, '배송', [a.agent.id]);
    await makeGroup(db(), service.id, '결제', [a.agent.id]);
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    expect(await takeTicketAction(null, { serviceId: service.id, ticketId: t.id })).toMatchObject({
      ok: false,
      fieldErrors: { groupId: ['그룹을 선택하세요.'] },
    });
    expect(await takeTicketAction(null, { serviceId: service.id, ticketId: t.id, groupId: g1.id })).toMatchObject({
      ok: true,
    });
    expect((await row(t.id)).groupId).toBe(g1.id);
  });

  it('gives a ticket taken by two agents at once to exactly one of them', async () => {
    const { service, a, b } = await desk();
    for (let i = 0; i < 5; i++) {
      const t = await ticketIn(service.id);
      // The verb directly, one context per agent: the mocked session is one global.
      const results = await Promise.allSettled(
        [a, b].map((who) =>
          takeTicket(
            {
              db: db(),
              member: asSessionMember(who.member),
              locale: 'ko',
              client: { ip: null, userAgent: null },
              service,
              agent: who.agent,
              role: 'agent',
            },
            { ticketId: t.id },
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([
        expect.objectContaining({ reason: expect.objectContaining({ key: 'errors.ticketTaken' }) }),
      ]);
      const taken = (await history(t.id)).filter((h) => h.field === 'assigneeId');
      expect(taken).toHaveLength(1);
    }
  });

  it('전달 needs the permission and an assignable target', async () => {
    const { service, a, b, admin } = await desk();
    const off = await makeAgent(db(), service.id, 'agent', { assignable: false });
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(a.member));
    expect(
      await transferTicketAction(null, { serviceId: service.id, ticketId: t.id, version: 1, assigneeId: b.member.id }),
    ).toMatchObject({ ok: false, error: '티켓 전달 권한이 없습니다.' });
    // 티켓 전달 권한 binds admins too (issue 13): this admin holds it.
    await db().update(serviceMembers).set({ canTransfer: true }).where(eq(serviceMembers.id, admin.agent.id));
    signInAs(asSessionMember(admin.member));
    expect(
      await transferTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 1,
        assigneeId: off.member.id,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { assigneeId: ['티켓을 할당할 수 없는 상담원입니다.'] } });
    const other = await makeService(db());
    const stranger = await makeAgent(db(), other.id);
    expect(
      await transferTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 1,
        assigneeId: stranger.member.id,
      }),
    ).toMatchObject({ ok: false });
    expect(
      await transferTicketAction(null, {
        serviceId: service.id,
        ticketId: t.id,
        version: 1,
        assigneeId: b.member.id,
        note: '결제 건이라 넘깁니다',
      }),
    ).toMatchObject({ ok: true });
    expect(await row(t.id)).toMatchObject({ assigneeId: b.member.id, status: 'open' });
  });

  it('lets an agent with 티켓 전달 권한 transfer', async () => {
    const { service, b } = await desk();
    const mover = await makeAgent(db(), service.id, 'agent', { canTransfer: true });
    const t = await ticketIn(service.id);
    signInAs(asSessionMember(mover.member));
    expect(
      await transferTicketAction(null, { serviceId: service.id, ticketId: t.id, version: 1, assigneeId: b.member.id }),
    ).toMatchObject({ ok: true });
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
    expect(await (await drainOutbox(db()), await readOutbox(mailDir))).toEqual([]);
    expect(await row(t.id)).toMatchObject({ version: 1 });
  });
});

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
    expect(await (await drainOutbox(db()), await readOutbox(mailDir))).toEqual([]);
    const ok = await bulkProcessAction(null, {
      serviceId: service.id,
      ticketIds: [t1.id, t2.id],
      action: 'solve',
      body: '일괄 답변',
    });
    expect(ok).toMatchObject({ ok: true, data: { count: 2, mailed: 2 } });
    // Both replies are queued; only the customer with an address gets one.
    expect((await (await drainOutbox(db()), await readOutbox(mailDir))).length).toBe(1);
    expect((await row(t2.id)).status).toBe('solved');
  });
});

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
