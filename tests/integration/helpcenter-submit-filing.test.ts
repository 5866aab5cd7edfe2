import { and, count, eq } from 'drizzle-orm';
import { ticketAttachments, ticketFieldValues, tickets, triggerDeliveries } from '@/db/schema';
import { senderAddress, serviceSender } from '@/lib/mail/sender';
import { setupTestDb } from '../helpers/db';
import { form, helpcenterForm, helpcenterTmpDirs, IPHONE, pdf } from '../helpers/helpcenter-form';
import { drainOutbox, readOutbox, recipients } from '../helpers/mail';

helpcenterTmpDirs();

const db = setupTestDb();
const { setup, submit, rows } = helpcenterForm(db);

describe('submitInquiry', () => {
  it('files a Korean inquiry with an attachment as a helpcenter_web ticket in the page language, and mails the number', async () => {
    const { s, pay } = await setup();
    const r = await submit(
      s.id,
      form(s.id, pay.id, {
        'f.payMethod': 'card',
        'f.paidOn': '2026-02-28',
        'f.mail': 'hong@example.com',
        'f.attachment': pdf(),
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.number).toBe(1);
    expect(r.mail).toBe('sent');
    const [t] = await db().select().from(tickets).where(eq(tickets.id, r.ticketId));
    expect(t).toMatchObject({
      channel: 'helpcenter_web',
      language: 'ko',
      subject: '결제 취소 문의',
      intakeTypeId: pay.id,
      requesterName: '홍길동',
      requesterEmail: 'hong@example.com',
      status: 'new',
    });
    const files = await db().select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, r.ticketId));
    expect(files.map((f) => [f.fileName, f.contentType])).toEqual([['영수증.pdf', 'application/pdf']]);
    const values = await db().select().from(ticketFieldValues).where(eq(ticketFieldValues.ticketId, r.ticketId));
    expect(values.length).toBeGreaterThanOrEqual(3);
    const mails = (await (await drainOutbox(db()), await readOutbox(process.env.MAIL_DIR!))).filter((m) =>
      recipients(m).includes('hong@example.com'),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('1');
    expect(mails[0].text).toContain('결제 취소 문의');
    // The same sender as the service's replies: the service's name, not "Contact Desk".
    expect(mails[0].from?.value).toEqual([{ name: s.name, address: senderAddress() }]);
    expect((await serviceSender(db(), s.id)).from).toEqual({ name: s.name, address: senderAddress() });
  });

  it('gives phones and tablets the helpcenter_mobile channel', async () => {
    const { s, refund } = await setup();
    const r = await submit(s.id, form(s.id, refund.id, { 'f.payMethod': 'bank' }), { userAgent: IPHONE });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const [t] = await db().select().from(tickets).where(eq(tickets.id, r.ticketId));
    expect(t.channel).toBe('helpcenter_mobile');
  });

  it('stores HTML and script as the text that was typed', async () => {
    const { s, pay } = await setup();
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = await submit(
      s.id,
      form(s.id, pay.id, { 'f.payMethod': 'card', 'f.subject': evil, 'f.content': `${evil}\n"'&`, 'f.name': evil }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r));
    const [t] = await db().select().from(tickets).where(eq(tickets.id, r.ticketId));
    expect([t.subject, t.content, t.requesterName]).toEqual([evil, `${evil}\n"'&`, evil]);
  });

  it('keeps the ticket when the confirmation mail cannot be sent, and keeps the mail for a retry', async () => {
    const { s, pay } = await setup();
    process.env.SMTP_URL = 'smtp://127.0.0.1:1';
    try {
      const r = await submit(s.id, form(s.id, pay.id, { 'f.payMethod': 'card', 'f.mail': 'someone@example.com' }));
      expect(r.ok && r.mail).toBe('sent');
      expect(await drainOutbox(db())).toBe(1);
    } finally {
      delete process.env.SMTP_URL;
    }
    expect((await rows(s.id)).tickets).toBe(1);
    const [d] = await db().select().from(triggerDeliveries).where(eq(triggerDeliveries.serviceId, s.id));
    expect(d).toMatchObject({ kind: 'confirmation_mail', status: 'pending', attempts: 1 });
  });

  it('keeps tickets of two services apart in their own counters', async () => {
    const a = await setup();
    const b = await setup();
    const ra = await submit(a.s.id, form(a.s.id, a.pay.id, { 'f.payMethod': 'card' }));
    const rb = await submit(b.s.id, form(b.s.id, b.pay.id, { 'f.payMethod': 'card' }));
    expect([ra.ok && ra.number, rb.ok && rb.number]).toEqual([1, 1]);
    expect(
      await db()
        .select({ n: count() })
        .from(tickets)
        .where(and(eq(tickets.serviceId, a.s.id), eq(tickets.intakeTypeId, a.pay.id))),
    ).toEqual([{ n: 1 }]);
  });
});
