import { and, eq } from 'drizzle-orm';
import { revealFieldAction } from '@/app/[serviceId]/(desk)/tickets/reveal-actions';
import { previewReplyAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { renderTicketTemplateAction } from '@/app/[serviceId]/(desk)/tickets/template-actions';
import { accessLogs, fields, templates, tickets, type Field } from '@/db/schema';
import { writeFieldValues } from '@/lib/pii/write-field-values';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs, signOut } from '../helpers/session';
import { makeTicket } from '../helpers/tickets';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
const db = setupTestDb();
afterEach(() => signOut());

async function field(serviceId: string, code: string, set: Partial<Field>) {
  const [f] = await db()
    .update(fields)
    .set({ updatedAt: new Date(), ...set })
    .where(and(eq(fields.serviceId, serviceId), eq(fields.code, code)))
    .returning();
  return f;
}

/** A ticket whose phone and e-mail are encrypted fields (no plain requester columns). */
async function encryptedTicket() {
  const s = await makeService(db());
  const phone = await field(s.id, 'phone', { encrypted: true });
  const mail = await field(s.id, 'mail', { encrypted: true });
  const assignee = await makeAgent(db(), s.id, 'agent');
  const other = await makeAgent(db(), s.id, 'agent');
  const admin = await makeAgent(db(), s.id, 'admin');
  const t = await makeTicket(db(), s.id, { assigneeId: assignee.member.id, status: 'open' });
  await db().transaction((tx) =>
    writeFieldValues(tx, t, [
      { field: phone, value: '010-9876-5432' },
      { field: mail, value: 'secret.customer@example.com' },
    ]),
  );
  return { s, t, assignee, other, admin };
}

const unmaskRows = async (serviceId: string) =>
  db()
    .select()
    .from(accessLogs)
    .where(and(eq(accessLogs.serviceId, serviceId), eq(accessLogs.event, 'pii_unmasked')));

it('reveals an encrypted value to the assignee and to admins only, with a pii_unmasked row each time', async () => {
  const { s, t, assignee, other, admin } = await encryptedTicket();
  signInAs(asSessionMember(other.member));
  expect(await revealFieldAction(null, { serviceId: s.id, ticketId: t.id, code: 'phone' })).toMatchObject({
    ok: false,
  });
  expect(await unmaskRows(s.id)).toEqual([]);
  signInAs(asSessionMember(assignee.member));
  expect(await revealFieldAction(null, { serviceId: s.id, ticketId: t.id, code: 'phone' })).toEqual({
    ok: true,
    data: { code: 'phone', value: '010-9876-5432' },
  });
  signInAs(asSessionMember(admin.member));
  expect(await revealFieldAction(null, { serviceId: s.id, ticketId: t.id, code: 'mail' })).toMatchObject({
    ok: true,
    data: { value: 'secret.customer@example.com' },
  });
  const rows = await unmaskRows(s.id);
  expect(rows.map((r) => [r.memberId, r.detail])).toEqual([
    [assignee.member.id, { ticketId: t.id, ticketNumber: t.number, field: 'phone' }],
    [admin.member.id, { ticketId: t.id, ticketNumber: t.number, field: 'mail' }],
  ]);
  expect(JSON.stringify(rows)).not.toContain('010-9876-5432');
});

it('renders templates and the reply preview for agents with masked values', async () => {
  const { s, t, assignee } = await encryptedTicket();
  const [tpl] = await db()
    .insert(templates)
    .values({ serviceId: s.id, title: '연락처 확인', content: '연락처 #{phone} 로 연락드리겠습니다.' })
    .returning();
  signInAs(asSessionMember(assignee.member));
  const rendered = await renderTicketTemplateAction(null, { serviceId: s.id, ticketId: t.id, templateId: tpl.id });
  expect(rendered).toEqual({
    ok: true,
    data: { text: '연락처 ●●●● 로 연락드리겠습니다.', html: '연락처 ●●●● 로 연락드리겠습니다.' },
  });
  const preview = await previewReplyAction(null, { serviceId: s.id, ticketId: t.id, body: '안녕하세요' });
  expect(preview).toMatchObject({ ok: true, data: { to: '●●●●' } });
  expect(JSON.stringify(preview)).not.toContain('secret.customer');
  expect((await db().select().from(tickets).where(eq(tickets.id, t.id)))[0].requesterEmail).toBeNull();
});
