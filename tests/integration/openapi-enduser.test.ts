import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { POST as create } from '@/app/[serviceId]/openapi/v1/ticket.json/route';
import { GET as list } from '@/app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/list.json/route';
import { GET as detail } from '@/app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/[ticketId]/detail.json/route';
import { POST as comment } from '@/app/[serviceId]/openapi/v1/ticket/enduser/[usercode]/[ticketId]/comment.json/route';
import { POST as upload } from '@/app/[serviceId]/openapi/v1/ticket/attachments/upload.json/route';
import { GET as categoriesRoute } from '@/app/[serviceId]/api/v2/ticket/categories.json/route';
import { GET as fieldsRoute } from '@/app/[serviceId]/api/v2/ticket/field/user/[categoryId]/route';
import { ticketAttachments, ticketHistory, ticketMessages, tickets } from '@/db/schema';
import { asSessionMember, makeAgent, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { intakeType, layoutWith, orgId, serviceKey, signRequest } from '../helpers/openapi';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
process.env.ATTACHMENTS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-api-'));

const db = setupTestDb();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = { header: { resultCode: number; resultMessage: string; isSuccessful: boolean }; result: any };
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let seq = 0;

async function signed(
  handler: Handler,
  key: string,
  uri: string,
  params: Record<string, string>,
  opts: { method?: string; body?: string; route: Record<string, string> },
) {
  const ts = String(Date.now() + seq++); // distinct timestamps: identical requests would be replays
  const qs = new URLSearchParams(params).toString();
  const auth = signRequest(key, await orgId(db()), uri, params, opts.body ?? '', ts);
  const res = await handler(
    new Request(`http://localhost${uri}${qs ? `?${qs}` : ''}`, {
      method: opts.method ?? 'GET',
      headers: { authorization: auth, 'x-tc-timestamp': ts, 'content-type': 'application/json' },
      body: opts.body,
    }),
    { params: Promise.resolve(opts.route) },
  );
  return { status: res.status, json: (await res.json()) as Json };
}

async function setup() {
  const s = await makeService(db());
  const { member } = await makeAgent(db(), s.id, 'admin');
  signInAs(asSessionMember(member));
  const cat = await intakeType(db(), s.id, '배송');
  await layoutWith(db(), s.id, cat.id, [{ code: 'orderNo', type: 'text', maxLength: 20, required: true }]);
  const { key } = await serviceKey(db(), s.id);
  const make = async (usercode: string, extra: Record<string, unknown> = {}) => {
    const body = JSON.stringify({
      categoryId: cat.id,
      subject: `${usercode} 문의`,
      content: '배송이 늦어요',
      endUser: { usercode, username: '고객' },
      userFields: [
        { code: 'orderNo', value: 'A-1' },
        { code: 'personalAgree', value: true },
      ],
      ...extra,
    });
    return signed(
      create as Handler,
      key,
      `/${s.id}/openapi/v1/ticket.json`,
      {},
      { method: 'POST', body, route: { serviceId: s.id } },
    );
  };
  return { s, cat, key, make };
}

describe('end-user endpoints', () => {
  it('lists an end user’s tickets newest first, paged, and only theirs; refuses pageSize over 200', async () => {
    const { s, key, make } = await setup();
    for (let i = 0; i < 25; i++) expect((await make('alice')).json.header.resultCode).toBe(200);
    for (let i = 0; i < 3; i++) await make('bob');
    const uri = `/${s.id}/openapi/v1/ticket/enduser/alice/list.json`;
    const route = { serviceId: s.id, usercode: 'alice' };
    const p1 = await signed(list as Handler, key, uri, { page: '1', pageSize: '10' }, { route });
    expect(p1.json.header.resultCode).toBe(200);
    expect(p1.json.result.totalCount).toBe(25);
    expect(p1.json.result.contents).toHaveLength(10);
    expect(p1.json.result.contents[0].subject).toBe('alice 문의');
    const numbers = p1.json.result.contents.map((c: { ticketId: string }) => Number(c.ticketId));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const p3 = await signed(list as Handler, key, uri, { page: '3', pageSize: '10' }, { route });
    expect(p3.json.result.contents).toHaveLength(5);
    const all = new Set([
      ...numbers,
      ...(await signed(list as Handler, key, uri, { page: '2', pageSize: '10' }, { route })).json.result.contents.map(
        (c: { ticketId: string }) => Number(c.ticketId),
      ),
      ...p3.json.result.contents.map((c: { ticketId: string }) => Number(c.ticketId)),
    ]);
    expect(all.size).toBe(25);
    const tooBig = await signed(list as Handler, key, uri, { pageSize: '201' }, { route });
    expect(tooBig.json.header).toMatchObject({ resultCode: 400, isSuccessful: false });
    // A list signed with different parameters than sent is refused.
    const ts = String(Date.now());
    const forged = await (list as Handler)(
      new Request(`http://localhost${uri}?page=2`, {
        headers: {
          authorization: signRequest(key, await orgId(db()), uri, { page: '1' }, '', ts),
          'x-tc-timestamp': ts,
        },
      }),
      { params: Promise.resolve(route) },
    );
    expect(((await forged.json()) as Json).header.resultMessage).toBe('Authorization incorrect');
  });

  it('reads one ticket with its conversation but no internal comment; another user’s ticket is 9005', async () => {
    const { s, key, make } = await setup();
    const made = await make('alice');
    const no = made.json.result.content.ticketId;
    const [t] = await db()
      .select()
      .from(tickets)
      .where(and(eq(tickets.serviceId, s.id), eq(tickets.number, Number(no))));
    await db()
      .insert(ticketMessages)
      .values([
        { serviceId: s.id, ticketId: t.id, kind: 'internal_comment', body: '내부 메모' },
        { serviceId: s.id, ticketId: t.id, kind: 'agent_reply', body: '확인해 보겠습니다' },
      ]);
    const r = await signed(
      detail as Handler,
      key,
      `/${s.id}/openapi/v1/ticket/enduser/alice/${no}/detail.json`,
      {},
      { route: { serviceId: s.id, usercode: 'alice', ticketId: no } },
    );
    expect(r.json.header.resultCode).toBe(200);
    expect(r.json.result.content.contents.map((c: { type: string; content: string }) => [c.type, c.content])).toEqual([
      ['enduser', '배송이 늦어요'],
      ['csuser', '확인해 보겠습니다'],
    ]);
    const other = await signed(
      detail as Handler,
      key,
      `/${s.id}/openapi/v1/ticket/enduser/bob/${no}/detail.json`,
      {},
      { route: { serviceId: s.id, usercode: 'bob', ticketId: no } },
    );
    expect(other.json.header).toMatchObject({ resultCode: 9005, isSuccessful: false });
  });

  it('adds an end-user comment as a customer reply through recordTicketChange, reopening a solved ticket; refuses empty ones', async () => {
    const { s, key, make } = await setup();
    const no = (await make('alice')).json.result.content.ticketId;
    await db()
      .update(tickets)
      .set({ status: 'solved' })
      .where(and(eq(tickets.serviceId, s.id), eq(tickets.number, Number(no))));
    const uri = `/${s.id}/openapi/v1/ticket/enduser/alice/${no}/comment.json`;
    const route = { serviceId: s.id, usercode: 'alice', ticketId: no };
    const r = await signed(
      comment as Handler,
      key,
      uri,
      {},
      { method: 'POST', body: JSON.stringify({ content: '아직 안 왔어요' }), route },
    );
    expect(r.json.header.resultCode).toBe(200);
    expect(r.json.result.content.status).toBe('new');
    const [t] = await db()
      .select()
      .from(tickets)
      .where(and(eq(tickets.serviceId, s.id), eq(tickets.number, Number(no))));
    const msgs = await db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, t.id));
    expect(msgs.map((m) => m.kind).sort()).toEqual(['customer_reply', 'inquiry']);
    const hist = await db().select().from(ticketHistory).where(eq(ticketHistory.ticketId, t.id));
    expect(hist.map((h) => h.action)).toContain('customer_reply');
    const empty = await signed(
      comment as Handler,
      key,
      uri,
      {},
      { method: 'POST', body: JSON.stringify({ content: '  ' }), route },
    );
    expect(empty.json.header.resultCode).toBe(400);
    expect(await db().select().from(ticketMessages).where(eq(ticketMessages.ticketId, t.id))).toHaveLength(2);
  });
});

describe('attachments', () => {
  async function send(serviceId: string, key: string, file: Blob | null, name: string, sign?: string) {
    const form = new FormData();
    if (file) form.append('file', file, name);
    const uri = `/${serviceId}/openapi/v1/ticket/attachments/upload.json`;
    const ts = String(Date.now() + seq++);
    const data = file ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const auth = signRequest(key, await orgId(db()), uri, {}, sign ?? createHash('md5').update(data).digest('hex'), ts);
    const res = await (upload as Handler)(
      new Request(`http://localhost${uri}`, {
        method: 'POST',
        headers: { authorization: auth, 'x-tc-timestamp': ts },
        body: form,
      }),
      { params: Promise.resolve({ serviceId }) },
    );
    return { status: res.status, json: (await res.json()) as Json };
  }

  it('uploads a file signed by its MD5, links it once to a created ticket, and refuses files over the limits', async () => {
    const { s, key, make } = await setup();
    const up = await send(s.id, key, new Blob(['%PDF-1.7 영수증']), '영수증.pdf');
    expect(up.json.header.resultCode).toBe(200);
    const id = up.json.result.content.attachmentId;
    const made = await make('alice', { attachments: [{ attachmentId: id }] });
    expect(made.json.header.resultCode).toBe(200);
    const [t] = await db()
      .select()
      .from(tickets)
      .where(and(eq(tickets.serviceId, s.id), eq(tickets.number, Number(made.json.result.content.ticketId))));
    expect(await db().select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, t.id))).toEqual([
      expect.objectContaining({ fileName: '영수증.pdf', contentType: 'application/pdf' }),
    ]);
    const again = await make('alice', { attachments: [{ attachmentId: id }] });
    expect(again.json.result.contents).toEqual([expect.objectContaining({ objectName: 'attachment' })]);

    expect(
      (await send(s.id, key, new Blob([Buffer.alloc(10 * 1024 * 1024 + 1, 1)]), 'big.pdf')).json.header.resultMessage,
    ).toBe('File is larger than 10 MB');
    expect((await send(s.id, key, new Blob(['MZ...']), 'setup.pdf')).json.header.resultMessage).toBe(
      'File type is not allowed',
    );
    expect((await send(s.id, key, new Blob(['x']), `${'가'.repeat(100)}.txt`)).json.header.resultMessage).toMatch(
      /shorter than 100/,
    );
    expect((await send(s.id, key, null, '')).json.header.resultMessage).toBe('multipart request without file');
    expect((await send(s.id, key, new Blob(['hello']), 'a.txt', 'not-the-md5')).json.header.resultMessage).toBe(
      'Authorization incorrect',
    );
  });
});

describe('api/v2 (unsigned)', () => {
  it('lists active intake types and an intake type’s customer fields in layout order', async () => {
    const { s, cat } = await setup();
    await intakeType(db(), s.id, '숨김', false);
    const get = async (h: Handler, url: string, route: Record<string, string>) =>
      (await (await h(new Request(url), { params: Promise.resolve(route) })).json()) as Json;
    const cats = await get(
      categoriesRoute as Handler,
      `http://localhost/${s.id}/api/v2/ticket/categories.json?language=ko`,
      { serviceId: s.id },
    );
    expect(cats.result.contents).toEqual([
      expect.objectContaining({ categoryId: cat.id, name: '배송', level: 1, parent: '0', path: `\\${cat.id}\\` }),
    ]);
    const f = await get(fieldsRoute as Handler, `http://localhost/${s.id}/api/v2/ticket/field/user/${cat.id}.json`, {
      serviceId: s.id,
      categoryId: `${cat.id}.json`,
    });
    expect(f.result.contents.map((x: { code: string }) => x.code)).toEqual([
      'category',
      'subject',
      'content',
      'name',
      'mail',
      'phone',
      'orderNo',
      'personalAgree',
    ]);
    expect(f.result.contents.find((x: { code: string }) => x.code === 'orderNo')).toMatchObject({
      type: 'text',
      length: 20,
      required: true,
    });
    const missing = await get(fieldsRoute as Handler, `http://localhost/${s.id}/api/v2/ticket/field/user/nope.json`, {
      serviceId: s.id,
      categoryId: 'nope.json',
    });
    expect(missing.header).toMatchObject({ resultCode: 9005, isSuccessful: false });
  });
});
