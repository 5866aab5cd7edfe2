import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { categories, ticketAttachments, tickets } from '@/db/schema';
import { inquiryRefusalText, submitInquiry } from '@/lib/helpcenter/submit-inquiry';
import { helpcenterTranslator } from '@/lib/i18n/helpcenter';
import { issueFormToken } from '@/lib/helpcenter/tokens';
import { makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-hc-empty-'));
process.env.MAIL_DIR = path.join(tmp, 'mail');
process.env.ATTACHMENTS_DIR = path.join(tmp, 'files');
delete process.env.SMTP_URL;

const db = setupTestDb();
const BOUNDARY = '----WebKitFormBoundaryq7b3K9xZ2LmN4pTe';
let ip = 0;

/**
 * The multipart body Chromium sends for the inquiry form: text parts, and for the 첨부파일
 * input left empty a part with `filename=""`, `application/octet-stream` and no bytes.
 * `prefix` is what React's server-action client puts before each field name (JavaScript on).
 */
function browserBody(fields: Record<string, string>, prefix = '', extra: string[] = []): Buffer {
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${prefix}${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${prefix}f.attachment"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`,
  );
  return Buffer.from(parts.join('') + extra.join('') + `--${BOUNDARY}--\r\n`, 'utf8');
}

/** JavaScript off: the route's own `request.formData()` (undici). */
async function decodePlainPost(body: Buffer): Promise<FormData> {
  return new Request('http://localhost/', {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  }).formData();
}

/** JavaScript on: React's encoding (`_1_` prefixes and the `$K1` reference), decoded as Next does it. */
function decodeActionPost(body: Buffer): FormData {
  const script = path.join(__dirname, '../helpers/decode-action-body.cjs');
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', script, `multipart/form-data; boundary=${BOUNDARY}`],
    { input: body, cwd: path.join(__dirname, '../..') },
  );
  const fd = new FormData();
  for (const [k, v] of JSON.parse(out.toString()) as [
    string,
    string | { name: string; type: string; base64: string },
  ][]) {
    if (typeof v === 'string') fd.append(k, v);
    else fd.append(k, new File([Buffer.from(v.base64, 'base64')], v.name, { type: v.type }));
  }
  return fd;
}

async function setup() {
  const s = await makeService(db());
  const id = randomUUID();
  const [type] = await db()
    .insert(categories)
    .values({ id, serviceId: s.id, kind: 'intake', name: '배송', names: { ko: '배송' }, path: `/${id}/`, depth: 1 })
    .returning();
  return { s, type };
}

const fields = (serviceId: string, typeId: string) => ({
  _token: issueFormToken(serviceId),
  'f.category': typeId,
  'f.subject': '배송이 늦어요',
  'f.content': '주문한 상품이 아직 오지 않았습니다.',
  'f.name': '홍길동',
  'f.mail': '',
  'f.personalAgree': 'true',
});

const submit = async (serviceId: string, form: FormData) => {
  const r = await submitInquiry(
    { db: db(), client: { ip: `203.0.113.${++ip}`, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0' } },
    { serviceId, lang: 'ko', form },
  );
  return r.ok ? r : inquiryRefusalText(helpcenterTranslator('ko'), r);
};

async function counts(serviceId: string) {
  const [t] = await db().select({ n: count() }).from(tickets).where(eq(tickets.serviceId, serviceId));
  const [a] = await db()
    .select({ n: count() })
    .from(ticketAttachments)
    .where(eq(ticketAttachments.serviceId, serviceId));
  return { tickets: t.n, attachments: a.n };
}

describe('an inquiry whose 첨부파일 input was left empty', () => {
  it('is filed without an attachment when the browser posts the plain form (JavaScript off)', async () => {
    const { s, type } = await setup();
    const form = await decodePlainPost(browserBody(fields(s.id, type.id)));
    const r = await submit(s.id, form);
    expect(r).toMatchObject({ ok: true });
    expect(await counts(s.id)).toEqual({ tickets: 1, attachments: 0 });
  });

  it('is filed without an attachment when the server action receives it (JavaScript on)', async () => {
    const { s, type } = await setup();
    const form = decodeActionPost(
      browserBody(fields(s.id, type.id), '_1_', [
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]\r\n`,
      ]),
    );
    // What Next really hands the action: an empty File called "undefined" (the bug's "undefined: 빈 파일…").
    expect(form.getAll('f.attachment').map((f) => (f as File).name)).toEqual(['undefined']);
    const r = await submit(s.id, form);
    expect(r).toMatchObject({ ok: true });
    expect(await counts(s.id)).toEqual({ tickets: 1, attachments: 0 });
  });

  it('still refuses an empty file the customer did choose, naming it', async () => {
    const { s, type } = await setup();
    const form = await decodePlainPost(browserBody(fields(s.id, type.id)));
    form.delete('f.attachment');
    form.append('f.attachment', new File([], '빈문서.pdf', { type: 'application/pdf' }));
    const r = await submit(s.id, form);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.fieldErrors.attachment).toEqual(['빈문서.pdf: 빈 파일은 첨부할 수 없습니다.']);
    expect(await counts(s.id)).toEqual({ tickets: 0, attachments: 0 });
  });
});
