import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { fields, templates, triggerDeliveries, triggers } from '@/db/schema';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { createTemplateAction } from '@/app/[serviceId]/(desk)/settings/templates/actions';
import { renderTicketTemplateAction } from '@/app/[serviceId]/(desk)/tickets/template-actions';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { createTicket } from '@/lib/tickets/create-ticket';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';
import { readOutbox } from '../helpers/mail';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);

const db = setupTestDb();
let mailDir: string;
beforeAll(async () => {
  mailDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cd-html-mail-'));
  process.env.MAIL_DIR = mailDir;
  delete process.env.SMTP_URL;
});

describe('HTML editor type', () => {
  it('stores a notification mail body sanitized and mails it as HTML with a clean text part', async () => {
    const s = await makeService(db());
    const admin = await makeAgent(db(), s.id, 'admin', {}, { name: '박관리', email: 'boss@example.com' });
    signInAs(asSessionMember(admin.member));
    const body =
      '<p><strong>새 문의</strong>: #{subject} <a href="https://desk.example.com/guide">안내서</a></p><script>alert(1)</script><p onclick="x()">끝</p>';
    const r = await createTriggerAction(null, {
      serviceId: s.id,
      title: '알림',
      conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
      results: [
        {
          type: 'notify_mail',
          to: 'agent',
          agentId: admin.member.id,
          messages: { ko: { subject: '[#{ticketNo}] 새 문의', body } },
        },
      ],
    });
    expect(r.ok).toBe(true);
    const [stored] = await db().select().from(triggers).where(eq(triggers.serviceId, s.id));
    expect((stored.results[0] as { messages: { ko: { body: string } } }).messages.ko.body).toBe(
      '<p><strong>새 문의</strong>: #{subject} <a href="https://desk.example.com/guide" target="_blank" rel="noopener noreferrer">안내서</a></p><p>끝</p>',
    );

    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const { snapshot } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'manual',
        language: 'ko',
        subject: '결제 <오류>',
        content: 'x',
        intakeTypeId: null,
        entries: [{ field: name, value: '홍길동' }],
        actor: { type: 'system' },
      }),
    );
    const [d] = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.ticketId, snapshot.id));
    expect(await attemptDelivery(db(), d.id)).toBe(true);
    const [mail] = await readOutbox(mailDir);
    expect(mail.html).toContain('<strong>새 문의</strong>: 결제 &lt;오류&gt; <a href="https://desk.example.com/guide"');
    expect(mail.text?.trim()).toBe('새 문의: 결제 <오류> 안내서 [https://desk.example.com/guide]\n\n끝');
  });

  it('stores an HTML template sanitized and inserts it into the plain reply box as its text', async () => {
    const s = await makeService(db());
    const admin = await makeAgent(db(), s.id, 'admin');
    signInAs(asSessionMember(admin.member));
    const t = await createTemplateAction(null, {
      serviceId: s.id,
      scope: 'service',
      title: '안내',
      content:
        '<p><strong>#{name}</strong>님, <a href="https://example.com/faq">FAQ</a><img src=x onerror=alert(1)></p>',
      searchCode: '',
      categoryIds: [],
    });
    if (!t.ok) throw new Error(t.error);
    const [row] = await db().select().from(templates).where(eq(templates.id, t.data.id));
    expect(row.content).toBe(
      '<p><strong>#{name}</strong>님, <a href="https://example.com/faq" target="_blank" rel="noopener noreferrer">FAQ</a></p>',
    );
    const [name] = await db()
      .select()
      .from(fields)
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, 'name')));
    const { snapshot } = await db().transaction((tx) =>
      createTicket(tx, {
        serviceId: s.id,
        channel: 'manual',
        language: 'ko',
        subject: 'x',
        content: 'y',
        intakeTypeId: null,
        entries: [{ field: name, value: '<홍길동>' }],
        actor: { type: 'system' },
      }),
    );
    const out = await renderTicketTemplateAction(null, {
      serviceId: s.id,
      ticketId: snapshot.id,
      templateId: t.data.id,
    });
    // The rich reply box takes the sanitized HTML (values escaped); a plain box the text.
    expect(out).toEqual({
      ok: true,
      data: {
        text: '<홍길동>님, FAQ [https://example.com/faq]',
        html: '<p><strong>&lt;홍길동&gt;</strong>님, <a href="https://example.com/faq" target="_blank" rel="noopener noreferrer">FAQ</a></p>',
      },
    });
  });
});
