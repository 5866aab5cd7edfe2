/**
 * Issue 17 item 5 for the reply form: where the service's editor type is HTML the reply is rich
 * text, sanitized when stored and when mailed (with a text part made from it); the checks read the
 * text a customer sees; a TEXT service keeps replies as plain text whatever the client says.
 */
import { eq } from 'drizzle-orm';
import { addBannedWordsAction } from '@/app/[serviceId]/(desk)/settings/banned-words/actions';
import { previewReplyAction, processTicketAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { services, ticketMessages } from '@/db/schema';
import { replyMailOf } from '@/lib/tickets/reply-mail';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { makeTicket } from '../helpers/tickets';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();

async function desk(editorType: 'html' | 'text' = 'html') {
  const service = await makeService(db());
  await db().update(services).set({ editorType }).where(eq(services.id, service.id));
  const admin = await makeAgent(db(), service.id, 'admin');
  signInAs(asSessionMember(admin.member));
  const ticket = await makeTicket(db(), service.id, {
    requesterEmail: 'customer@example.com',
    requesterName: '홍길동',
  });
  return { service, ticket };
}

const messagesOf = (ticketId: string) =>
  db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId));

describe('the reply form in HTML mode', () => {
  it('stores a rich reply sanitized and mails it as HTML with a clean text part', async () => {
    const { service, ticket } = await desk();
    const body =
      '<p><strong>환불</strong>을 마쳤습니다. <a href="https://help.example.com/refund">환불 안내</a></p><script>alert(1)</script><p onclick="steal()">감사합니다.</p><img src=x onerror="steal()">';
    const r = await processTicketAction(null, {
      serviceId: service.id,
      ticketId: ticket.id,
      version: ticket.version,
      action: 'solve',
      body,
      format: 'html',
    });
    expect(r).toMatchObject({ ok: true });
    const [m] = await messagesOf(ticket.id);
    expect(m).toMatchObject({ kind: 'agent_reply', format: 'html' });
    expect(m.body).toBe(
      '<p><strong>환불</strong>을 마쳤습니다. <a href="https://help.example.com/refund" target="_blank" rel="noopener noreferrer">환불 안내</a></p><p>감사합니다.</p>',
    );
    const mail = await replyMailOf(db(), service.id, ticket.id, m.id, '<reply-1@desk.test>', 'solved');
    expect(mail!.html).toContain('<strong>환불</strong>을 마쳤습니다.');
    expect(mail!.html).toContain('href="https://help.example.com/refund"');
    expect(mail!.html).not.toMatch(/script|onclick|onerror/);
    expect(mail!.text).toContain('환불을 마쳤습니다. 환불 안내 [https://help.example.com/refund]');
    expect(mail!.text).toContain('감사합니다.');
    expect(mail!.text).not.toMatch(/<[a-z/]/i);
  });

  it('refuses markup without text as an empty reply, and a banned word hidden in formatting', async () => {
    const { service, ticket } = await desk();
    const empty = await processTicketAction(null, {
      serviceId: service.id,
      ticketId: ticket.id,
      version: ticket.version,
      action: 'solve',
      body: '<p></p><p><br></p>',
      format: 'html',
    });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { body: [expect.any(String)] } });
    expect(await addBannedWordsAction(null, { serviceId: service.id, words: '바보' })).toMatchObject({ ok: true });
    const banned = await processTicketAction(null, {
      serviceId: service.id,
      ticketId: ticket.id,
      version: ticket.version,
      action: 'solve',
      body: '<p>이런 <strong>바보</strong> 같은</p>',
      format: 'html',
    });
    expect(banned).toMatchObject({ ok: false });
    const preview = await previewReplyAction(null, {
      serviceId: service.id,
      ticketId: ticket.id,
      body: '<p>이런 <em>바</em>보</p>',
      format: 'html',
    });
    expect(preview).toMatchObject({ ok: false });
    expect(await messagesOf(ticket.id)).toEqual([]);
  });

  it('keeps a reply as plain text in a TEXT service even when the client sends format html', async () => {
    const { service, ticket } = await desk('text');
    const body = '<b>굵게</b> 보이지 않아야 합니다';
    expect(
      await processTicketAction(null, {
        serviceId: service.id,
        ticketId: ticket.id,
        version: ticket.version,
        action: 'comment',
        body,
        format: 'html',
      }),
    ).toMatchObject({ ok: true });
    const [m] = await messagesOf(ticket.id);
    expect(m).toMatchObject({ format: 'text', body });
  });
});
