import { and, eq } from 'drizzle-orm';
import { fields, triggerDeliveries } from '@/db/schema';
import { createTriggerAction, testCallbackAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { editorOptions } from '@/lib/triggers/editor-options';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeGroup, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
const always = { mode: 'all', target: 'event', operator: 'is', value: 'created' } as const;
const mail = (to: string) => ({
  type: 'notify_mail',
  to,
  messages: { ko: { subject: '[#{ticketNo}] 배정: #{assignee}', body: '#{group} 그룹의 #{assignee}님, #{inquiry}' } },
});

async function setup() {
  const s = await makeService(db());
  const { member: admin } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin));
  return s;
}

describe('trigger mails addressed by role', () => {
  it('go to the assignee and group the ticket has at the end of the pass, and the delivery log names the real recipient', async () => {
    const s = await setup();
    const a = await makeAgent(db(), s.id, 'agent', {}, { name: '김임시', email: 'temp@example.com' });
    const b = await makeAgent(db(), s.id, 'agent', {}, { name: '이최종', email: 'final@example.com' });
    const c = await makeAgent(db(), s.id, 'agent', {}, { name: '박동료', email: 'mate@example.com' });
    const ga = await makeGroup(db(), s.id, '1차', [a.agent.id]);
    const gb = await makeGroup(db(), s.id, '2차', [b.agent.id, c.agent.id]);
    expect(
      (
        await createTriggerAction(null, {
          serviceId: s.id,
          title: '임시 배정',
          conditions: [always],
          results: [{ type: 'assign', groupId: ga.id, method: 'round_robin' }, mail('assignee'), mail('group')],
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await createTriggerAction(null, {
          serviceId: s.id,
          title: '최종 배정',
          conditions: [always],
          results: [{ type: 'assign', groupId: gb.id, method: 'agent', agentId: b.member.id }],
        })
      ).ok,
    ).toBe(true);

    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const { snapshot } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'helpcenter_web',
        language: 'ko',
        subject: '문의',
        content: '환불해 주세요',
        intakeTypeId: null,
        entries: [{ field: name, value: '홍길동' }],
        actor: { type: 'customer', name: '홍길동' },
      }),
    );
    expect(snapshot.assigneeId).toBe(b.member.id);
    const rows = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, snapshot.id));
    const sent = rows
      .map((r) => [
        r.target,
        (r.request as { to: string; subject: string }).to,
        (r.request as { subject: string }).subject,
      ])
      .sort();
    expect(sent).toEqual([
      ['final@example.com', 'final@example.com', `[${snapshot.number}] 배정: 이최종`],
      ['final@example.com', 'final@example.com', `[${snapshot.number}] 배정: 이최종`],
      ['mate@example.com', 'mate@example.com', `[${snapshot.number}] 배정: 이최종`],
    ]);
    expect((rows[0].request as { text: string }).text).toContain('2차 그룹의 이최종님, 환불해 주세요');
  });
});

describe('the trigger editor', () => {
  it('offers each substitution code once, labelled, with #{content} marked as reply-only and the inquiry as #{inquiry}', async () => {
    const s = await setup();
    const o = await editorOptions(db(), s.id, 'ko');
    const all = [...o.codes.basic, ...o.codes.customer];
    const values = all.map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
    expect(all.find((c) => c.value === 'content')).toEqual({ value: 'content', label: '답변 내용', replyOnly: true });
    expect(all.find((c) => c.value === 'inquiry')).toEqual({ value: 'inquiry', label: '문의 내용' });
    expect(all.find((c) => c.value === 'ticketNo')?.label).toBe('티켓 번호');
    expect(all.filter((c) => c.replyOnly).map((c) => c.value)).toEqual(['content']);
  });

  it('explains why the callback 테스트 refused a private address instead of a generic message', async () => {
    const s = await setup();
    delete process.env.OUTBOUND_ALLOW_CIDRS;
    const r = await testCallbackAction(null, { serviceId: s.id, url: 'https://10.1.2.3/hook' });
    expect(r).toMatchObject({ ok: false, fieldErrors: { url: [expect.stringContaining('내부망·루프백')] } });
  });
});
