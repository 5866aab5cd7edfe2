/**
 * PII destruction of every copy: a ticket is filed through the real help-center intake (with
 * a confirmation mail, an attachment and a trigger delivery), then destroyed — by the timed
 * 파기 rule, and by deleting it from the spam box — and every table, the mail folder and the
 * attachment store are scanned for the canary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { createTriggerAction } from '@/app/[serviceId]/(desk)/settings/triggers/actions';
import { deleteSpamAction } from '@/app/[serviceId]/(desk)/tickets/actions';
import { categories, fieldLayouts, fields, tickets } from '@/db/schema';
import { submitInquiry } from '@/lib/helpcenter/submit-inquiry';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { destroyDueValues } from '@/lib/pii/destroy-due';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { readOutbox } from '../helpers/mail';
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
  const { rows } = await db().execute<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
  const hits: string[] = [];
  for (const { table_name } of rows) {
    const r = await db().execute(sql`SELECT 1 FROM ${sql.identifier(table_name)} t WHERE t::text LIKE ${`%${needle}%`} LIMIT 1`);
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
  for (const m of await readOutbox(dir)) if (`${m.subject}\n${m.text}\n${[m.to].flat().map((a) => a?.text).join()}`.includes(needle)) out.push(`decoded mail ${m.messageId}`);
  return out;
}

async function intake(canary: string, destroy: boolean) {
  const s = await makeService(db());
  const [cat] = await db().insert(categories).values({ serviceId: s.id, kind: 'intake', path: '/c/', depth: 1, name: '문의', names: { ko: '문의' }, active: true }).returning();
  const rule = destroy ? { destroyAfterDays: 30, destroyBasis: 'created' as const } : {};
  for (const code of ['name', 'mail', 'phone']) await db().update(fields).set({ updatedAt: new Date(), ...rule, ...(code === 'phone' ? { encrypted: true } : {}) }).where(and(eq(fields.serviceId, s.id), eq(fields.code, code)));
  const all = await db().select().from(fields).where(eq(fields.serviceId, s.id));
  const id = (code: string) => all.find((f) => f.code === code)!.id;
  await db().insert(fieldLayouts).values({ serviceId: s.id, audience: 'customer', intakeTypeId: cat.id, fieldIds: ['category', 'subject', 'content', 'name', 'mail', 'phone', 'attachment', 'personalAgree'].map(id) });
  const admin = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(admin.member));
  const hook = await createTriggerAction(null, { serviceId: s.id, title: '콜백', conditions: [{ mode: 'all', target: 'event', operator: 'is', value: 'created' }], results: [{ type: 'callback', url: 'https://hooks.example.com/cb' }] });
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
    'f.attachment': new File([Buffer.from(`%PDF-1.7\n${canary}\n`)], `${canary}.pdf`, { type: 'application/pdf' }),
  };
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  const r = await submitInquiry({ db: db(), client: { ip: '198.51.100.77', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0' } }, { serviceId: s.id, lang: 'ko', form: fd });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { s, ticketId: r.ticketId };
}

const everywhere = async (canary: string) => ({
  tables: await tablesContaining(canary),
  files: [...(await filesContaining(process.env.MAIL_DIR!, canary)), ...(await filesContaining(process.env.ATTACHMENTS_DIR!, canary))],
});

it('the canary really is copied around by the intake (the scan would see it)', async () => {
  const canary = `CANARY${Date.now()}A`;
  await intake(canary, false);
  const seen = await everywhere(canary);
  expect(seen.tables).toEqual(expect.arrayContaining(['tickets', 'ticket_field_values', 'ticket_history', 'ticket_attachments', 'trigger_deliveries']));
  expect(seen.files.length).toBeGreaterThan(0);
});

it('deleting the ticket from the spam box leaves the canary in no table, mail or file', async () => {
  const canary = `CANARY${Date.now()}B`;
  const { s, ticketId } = await intake(canary, false);
  await db().update(tickets).set({ spam: true }).where(eq(tickets.id, ticketId));
  expect(await deleteSpamAction(null, { serviceId: s.id, ticketIds: [ticketId] })).toMatchObject({ ok: true });
  expect(await everywhere(canary)).toEqual({ tables: [], files: [] });
});

it('timed destruction of the requester fields leaves the canary in no table and no mail', async () => {
  const canary = `CANARY${Date.now()}C`;
  const { ticketId } = await intake(canary, true);
  const destroyed = await destroyDueValues(db(), new Date(Date.now() + 31 * 86400_000));
  expect(destroyed).toBe(3);
  const seen = await everywhere(canary);
  // The attachment is the customer's own file, not a field value with a 파기 rule.
  expect(seen).toEqual({ tables: ['ticket_attachments'], files: [expect.stringContaining(path.join('files'))] });
  const [t] = await db().select().from(tickets).where(eq(tickets.id, ticketId));
  expect([t.requesterName, t.requesterEmail, t.requesterPhone]).toEqual([null, null, null]);
});
