/**
 * PII destruction of every copy: a ticket is filed through the real help-center intake (with
 * a confirmation mail, an attachment and a trigger delivery), then destroyed — by the timed
 * 파기 rule, and by deleting it from the spam box — and every table, the mail folder and the
 * attachment store are scanned for the canary. The file copies go in a pg-boss job enqueued by
 * the destroying transaction, run by the real worker.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { deleteSpamAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { categories, fieldLayouts, fields, tickets, triggerDeliveries } from '@/db/schema';
import { submitInquiry } from '@/lib/helpcenter/submit-inquiry';
import { importMail } from '@/lib/mail/inbound/import-mail';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { destroyDueValues } from '@/lib/pii/destroy-due';
import { QUEUES } from '@/lib/jobs/queues';
import { startWorker, type Worker } from '@/lib/jobs/worker';
import { attemptDelivery } from '@/lib/triggers/deliveries/attempt';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { readOutbox } from '../helpers/mail';
import { rawMail } from '../helpers/raw-mail';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-canary-'));
process.env.MAIL_DIR = path.join(tmp, 'mail');
process.env.ATTACHMENTS_DIR = path.join(tmp, 'files');
delete process.env.SMTP_URL;
jest.setTimeout(60_000);

const db = setupTestDb();
afterEach(() => signOut());

/** Every table holding the canary anywhere in a row, as text. */
async function tablesContaining(needle: string): Promise<string[]> {
  const { rows } = await db().execute<{ table_name: string }>(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hits: string[] = [];
  for (const { table_name } of rows) {
    const r = await db().execute(
      sql`SELECT 1 FROM ${sql.identifier(table_name)} t WHERE t::text ILIKE ${`%${needle}%`} LIMIT 1`,
    );
    if (r.rows.length) hits.push(table_name);
  }
  return hits;
}

/** Files under `dir` whose bytes, or whose decoded mail, hold the canary. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (fs.readFileSync(p).includes(needle)) out.push(p);
    }
  };
  await walk(dir);
  for (const m of await readOutbox(dir))
    if (
      `${m.subject}\n${m.text}\n${[m.to]
        .flat()
        .map((a) => a?.text)
        .join()}`
        .toLowerCase()
        .includes(needle.toLowerCase())
    )
      out.push(`decoded mail ${m.messageId}`);
  return out;
}

async function intake(canary: string, destroy: boolean) {
  const s = await makeService(db());
  const [cat] = await db()
    .insert(categories)
    .values({
      serviceId: s.id,
      kind: 'intake',
      path: '/c/',
      depth: 1,
      name: '문의',
      names: { ko: '문의' },
      active: true,
    })
    .returning();
  const rule = destroy ? { destroyAfterDays: 30, destroyBasis: 'created' as const } : {};
  for (const code of ['name', 'mail', 'phone'])
    await db()
      .update(fields)
      .set({ updatedAt: new Date(), ...rule, ...(code === 'phone' ? { encrypted: true } : {}) })
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, code)));
  const all = await db().select().from(fields).where(eq(fields.serviceId, s.id));
  const id = (code: string) => all.find((f) => f.code === code)!.id;
  await db()
    .insert(fieldLayouts)
    .values({
      serviceId: s.id,
      audience: 'customer',
      intakeTypeId: cat.id,
      fieldIds: ['category', 'subject', 'content', 'name', 'mail', 'phone', 'attachment', 'personalAgree'].map(id),
    });
  const admin = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin.member));
  const hook = await createTriggerAction(null, {
    serviceId: s.id,
    title: '콜백',
    conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }],
    results: [{ type: 'callback', url: 'https://hooks.example.com/cb' }],
  });
  expect(hook.ok).toBe(true);
  const fd = new FormData();
  const entries: Record<string, string | File> = {
    _token: issueFormToken(s.id),
    'f.category': cat.id,
    'f.subject': '환불 문의',
    'f.content': '환불해 주세요.',
    'f.name': `홍길동${canary}`,
    'f.mail': `${canary.toLowerCase()}@example.com`,
    'f.phone': `010-${canary}`,
    'f.personalAgree': 'true',
    // A customer's scan named after them, with their name inside.
    'f.attachment': new File([Buffer.from(`%PDF-1.7\n이름: 홍길동${canary}\n`)], `홍길동${canary}-신분증.pdf`, {
      type: 'application/pdf',
    }),
  };
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  const r = await submitInquiry(
    { db: db(), client: { ip: '198.51.100.77', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0' } },
    { serviceId: s.id, lang: 'ko', form: fd },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  // The confirmation mail to the customer, sent from the outbox as the worker would.
  const mails = await db()
    .select({ id: triggerDeliveries.id })
    .from(triggerDeliveries)
    .where(and(eq(triggerDeliveries.ticketId, r.ticketId), eq(triggerDeliveries.kind, 'confirmation_mail')));
  expect(mails).toHaveLength(1);
  for (const m of mails) expect(await attemptDelivery(db(), m.id)).toBe(true);
  return { s, ticketId: r.ticketId };
}

const everywhere = async (canary: string) => ({
  tables: await tablesContaining(canary),
  files: [
    ...(await filesContaining(process.env.MAIL_DIR!, canary)),
    ...(await filesContaining(process.env.ATTACHMENTS_DIR!, canary)),
  ],
});

it('the canary really is copied around by the intake (the scan would see it)', async () => {
  const canary = `CANARY${Date.now()}A`;
  const { s } = await intake(canary, false);
  const seen = await everywhere(canary);
  expect(seen.tables).toEqual(
    expect.arrayContaining([
      'tickets',
      'ticket_field_values',
      'ticket_history',
      'ticket_attachments',
      'trigger_deliveries',
    ]),
  );
  expect(seen.files).toEqual(
    expect.arrayContaining([
      expect.stringContaining('decoded mail'),
      expect.stringContaining(path.join(process.env.ATTACHMENTS_DIR!, s.id)),
    ]),
  );
});

it('deleting the ticket from the spam box leaves the canary in no table, mail or file', async () => {
  const canary = `CANARY${Date.now()}B`;
  const { s, ticketId } = await intake(canary, false);
  await db().update(tickets).set({ spam: true }).where(eq(tickets.id, ticketId));
  expect(await deleteSpamAction(null, { serviceId: s.id, ticketIds: [ticketId] })).toMatchObject({ ok: true });
  expect(await everywhere(canary)).toEqual({ tables: [], files: [] });
});

it('timed destruction of the requester fields leaves the canary in no table, mail or file', async () => {
  const canary = `CANARY${Date.now()}C`;
  const { ticketId } = await intake(canary, true);
  const destroyed = await destroyDueValues(db(), new Date(Date.now() + 31 * 86400_000));
  expect(destroyed).toBe(3);
  // The attachment named after the customer (and holding their name) goes with the values.
  expect(await everywhere(canary)).toEqual({ tables: [], files: [] });
  const [t] = await db().select().from(tickets).where(eq(tickets.id, ticketId));
  expect([t.requesterName, t.requesterEmail, t.requesterPhone]).toEqual([null, null, null]);
});

it('timed destruction of a ticket that came in by mail (signature and attachment included) leaves the canary nowhere', async () => {
  const canary = `CANARY${Date.now()}E`;
  const s = await makeService(db());
  for (const code of ['name', 'mail'])
    await db()
      .update(fields)
      .set({ updatedAt: new Date(), destroyAfterDays: 30, destroyBasis: 'created' })
      .where(and(eq(fields.serviceId, s.id), eq(fields.code, code)));
  process.env.MAIL_DOMAIN = 'desk.test';
  try {
    const raw = await rawMail({
      from: `홍길동${canary} <${canary.toLowerCase()}@customer.test>`,
      to: `${s.id}@desk.test`,
      subject: '환불 문의',
      text: `환불해 주세요.\n\n--\n홍길동${canary}\n${canary.toLowerCase()}@customer.test`,
      attachments: [{ filename: `홍길동${canary}-영수증.txt`, content: `성명: 홍길동${canary}\n` }],
      messageId: `<m${Date.now()}@customer.test>`,
    });
    expect(await importMail(db(), s.id, raw)).toMatchObject({ outcome: 'created' });
  } finally {
    delete process.env.MAIL_DOMAIN;
  }
  expect((await everywhere(canary)).tables).toEqual(
    expect.arrayContaining(['tickets', 'ticket_messages', 'ticket_attachments']),
  );
  expect(await destroyDueValues(db(), new Date(Date.now() + 31 * 86400_000))).toBe(2);
  expect(await everywhere(canary)).toEqual({ tables: [], files: [] });
});

const scrubJobs = async () =>
  (
    await db().execute<{ state: string; retry_count: number; data: string }>(
      sql`SELECT state, retry_count, data::text AS data FROM pgboss.job WHERE name = ${QUEUES.piiFileScrub.name}`,
    )
  ).rows;

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    const v = await probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Last in this file: once a worker has created the queue, destruction here enqueues its file scrub.
it('the file scrub is a pg-boss job: enqueued by the timed destruction, retried after a failed attempt and a worker restart', async () => {
  const canary = `CANARY${Date.now()}D`;
  await intake(canary, true);
  let worker: Worker | null = await startWorker({ schedule: false, supervise: false, smtpReceiver: false });
  const mailDir = process.env.MAIL_DIR!;
  try {
    // The first attempt cannot list the mail folder (a file stands where the folder was).
    fs.renameSync(mailDir, `${mailDir}.held`);
    fs.writeFileSync(mailDir, '');
    expect(await destroyDueValues(db(), new Date(Date.now() + 31 * 86400_000))).toBe(3);
    // Committed: the rows are clean at once, the payload holds no value in clear.
    expect(await tablesContaining(canary)).toEqual([]);
    const [queued] = await scrubJobs();
    expect(queued.data).not.toContain(canary);
    expect(queued.data).not.toContain(canary.toLowerCase());
    await until('a failed first attempt', async () =>
      (await scrubJobs()).find((j) => j.state === 'retry') ? true : undefined,
    );
    await worker.stop();
    worker = null;
    fs.rmSync(mailDir);
    fs.renameSync(`${mailDir}.held`, mailDir);
    expect((await everywhere(canary)).files).toEqual([expect.stringContaining('decoded mail')]);
    // A new worker (the old one is gone) picks the job up when its backoff ends.
    worker = await startWorker({ schedule: false, supervise: false, smtpReceiver: false });
    await until('the retried scrub', async () =>
      (await scrubJobs()).every((j) => j.state === 'completed') ? true : undefined,
    );
    expect(await everywhere(canary)).toEqual({ tables: [], files: [] });
    expect((await scrubJobs()).map((j) => j.retry_count)).toEqual([1]);
  } finally {
    if (fs.existsSync(`${mailDir}.held`)) {
      fs.rmSync(mailDir, { force: true });
      fs.renameSync(`${mailDir}.held`, mailDir);
    }
    await worker?.stop();
  }
});
