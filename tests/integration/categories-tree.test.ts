import { eq, sql } from 'drizzle-orm';
import { categories, tickets } from '@/db/schema';
import {
  categoryDeleteImpactAction,
  createCategoryAction,
  deleteCategoryAction,
  moveCategoryAction,
  renameCategoryAction,
} from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { GET as exportRoute } from '@/app/[serviceId]/(desk)/settings/categories/export/route';
import { getCategoryAncestors, getCategoryDescendants, getCategoryTree, isWithin } from '@/lib/categories/tree';
import { addAgent, asSessionMember, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { readXlsx } from '../helpers/categories';
import { makeTicket } from '../helpers/tickets';
import { signInAs, signOut } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));

const db = setupTestDb();
let serviceId: string;
let admin: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  serviceId = (await makeService(db())).id;
  admin = await makeMember(db(), { locale: 'ko' });
  await addAgent(db(), serviceId, admin.id, 'admin');
});
beforeEach(() => signInAs(asSessionMember(admin)));

async function add(
  name: string,
  parentId: string | null = null,
  kind: 'intake' | 'processing' = 'intake',
  en?: string,
) {
  const r = await createCategoryAction(null, {
    serviceId,
    kind,
    parentId,
    names: en ? { ko: name, en } : { ko: name },
  });
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data.id;
}

describe('tree reads for later issues', () => {
  it('resolves ancestors, descendants and isWithin on the materialized path', async () => {
    const a = await add('트리A');
    const b = await add('트리B', a);
    const c = await add('트리C', b);
    const other = await add('트리D');
    expect((await getCategoryAncestors(db(), serviceId, c)).map((r) => r.name)).toEqual(['트리A', '트리B']);
    expect((await getCategoryDescendants(db(), serviceId, a)).map((r) => r.name)).toEqual(['트리B', '트리C']);
    expect(await isWithin(db(), serviceId, c, a)).toBe(true);
    expect(await isWithin(db(), serviceId, a, a)).toBe(true);
    expect(await isWithin(db(), serviceId, a, c)).toBe(false);
    expect(await isWithin(db(), serviceId, c, other)).toBe(false);
    expect(await isWithin(db(), 'someoneelse', c, a)).toBe(false);
    expect(await isWithin(db(), serviceId, 'not-a-uuid', a)).toBe(false);
    const tree = await getCategoryTree(db(), serviceId, 'intake', 'ko');
    expect(tree.find((n) => n.id === a)?.children[0].children[0].id).toBe(c);
  });

  it('answers subtree queries with an index range scan', async () => {
    const a = await add('인덱스');
    const [row] = await db().select().from(categories).where(eq(categories.id, a));
    await db().execute(sql`SET enable_seqscan = off`);
    const plan = await db().execute(sql`EXPLAIN SELECT id FROM categories WHERE path LIKE ${row.path + '%'}`);
    await db().execute(sql`SET enable_seqscan = on`);
    expect(JSON.stringify(plan.rows)).toContain('categories_path_idx');
  });
});

describe('delete', () => {
  it('counts descendants and tickets, deletes the branch softly, keeps names for history, frees the name', async () => {
    const a = await add('지점');
    const b = await add('지점-1', a);
    await add('지점-1-1', b);
    await add('지점-2', a);
    expect(await categoryDeleteImpactAction(null, { serviceId, id: a })).toEqual({
      ok: true,
      data: { categories: 4, descendants: 3, tickets: 0 },
    });
    expect(await deleteCategoryAction(null, { serviceId, id: a })).toEqual({
      ok: true,
      data: { categories: 4, descendants: 3, tickets: 0 },
    });
    const rows = await db()
      .select()
      .from(categories)
      .where(sql`${categories.path} LIKE ${`/${a}/%`}`);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.deletedAt && r.name)).toBe(true);
    expect((await getCategoryAncestors(db(), serviceId, b)).map((r) => r.name)).toEqual(['지점']);
    expect((await getCategoryTree(db(), serviceId, 'intake', 'ko')).some((n) => n.id === a)).toBe(false);
    await add('지점');
    expect(await deleteCategoryAction(null, { serviceId, id: a })).toMatchObject({ ok: false });
    expect(await renameCategoryAction(null, { serviceId, id: b, names: { ko: 'x' } })).toMatchObject({
      ok: false,
      error: '카테고리를 찾을 수 없습니다. 삭제되었거나 다른 서비스의 카테고리입니다.',
    });
  });
});

describe('move', () => {
  it('moves a subtree under another parent, rewriting paths and depths', async () => {
    const a = await add('이동A');
    const b = await add('이동B', a);
    const c = await add('이동C', b);
    const t = await add('이동T');
    expect((await moveCategoryAction(null, { serviceId, id: b, parentId: t })).ok).toBe(true);
    const [rc] = await db().select().from(categories).where(eq(categories.id, c));
    expect(rc.path).toBe(`/${t}/${b}/${c}/`);
    expect(rc.depth).toBe(3);
    expect((await moveCategoryAction(null, { serviceId, id: b, parentId: null })).ok).toBe(true);
    const [rb] = await db().select().from(categories).where(eq(categories.id, b));
    expect([rb.depth, rb.path]).toEqual([1, `/${b}/`]);
  });

  it("rewrites the tickets' copies of the moved subtree's paths, so subtree filters stay right", async () => {
    const a = await add('경로A');
    const b = await add('경로B', a);
    const c = await add('경로C', b);
    const t = await add('경로T');
    const onC = await makeTicket(db(), serviceId, { intakeTypeId: c, intakeTypePath: `/${a}/${b}/${c}/` });
    const onA = await makeTicket(db(), serviceId, { intakeTypeId: a, intakeTypePath: `/${a}/` });
    expect((await moveCategoryAction(null, { serviceId, id: b, parentId: t })).ok).toBe(true);
    const path = async (id: string) =>
      (await db().select({ p: tickets.intakeTypePath }).from(tickets).where(eq(tickets.id, id)))[0].p;
    expect(await path(onC.id)).toBe(`/${t}/${b}/${c}/`);
    expect(await path(onA.id)).toBe(`/${a}/`);
    expect(await categoryDeleteImpactAction(null, { serviceId, id: t })).toMatchObject({
      ok: true,
      data: { tickets: 1 },
    });
  });

  it('refuses a cycle, a 6th level, a clash at the new level and the other tree, writing nothing', async () => {
    const ids: string[] = [];
    for (let d = 1; d <= 4; d++) ids.push(await add(`사슬${d}`, ids[d - 2] ?? null));
    const x = await add('가지');
    await add('가지-1', x);
    const snapshot = async () =>
      db()
        .select({ id: categories.id, path: categories.path, depth: categories.depth })
        .from(categories)
        .orderBy(categories.id);
    const before = await snapshot();
    expect(await moveCategoryAction(null, { serviceId, id: ids[0], parentId: ids[2] })).toMatchObject({
      ok: false,
      error: '카테고리를 자기 자신이나 하위 카테고리 아래로 옮길 수 없습니다.',
    });
    expect(await moveCategoryAction(null, { serviceId, id: ids[0], parentId: ids[0] })).toMatchObject({ ok: false });
    expect(await moveCategoryAction(null, { serviceId, id: x, parentId: ids[3] })).toMatchObject({
      ok: false,
      error: '옮기면 5뎁스를 넘는 카테고리가 생깁니다.',
    });
    await add('겹침', ids[0]);
    const y = await add('겹침');
    expect(await moveCategoryAction(null, { serviceId, id: y, parentId: x })).toMatchObject({
      ok: false,
      error: expect.stringContaining('"겹침"'),
    });
    const p = await add('처리', null, 'processing');
    expect(await moveCategoryAction(null, { serviceId, id: x, parentId: p })).toMatchObject({
      ok: false,
      error: expect.stringContaining('찾을 수 없습니다'),
    });
    const after = (await snapshot()).filter((r) => before.some((b) => b.id === r.id));
    expect(after).toEqual(before);
  });

  it('moves a chain whose names repeat across levels without a spurious clash', async () => {
    const p = await add('사슬부모');
    const q = await add('반복', p);
    const r = await add('반복', q); // level 3 may repeat the level-2 name
    // Moving q to level 1 puts r at level 2, where q is until the same statement moves it.
    expect((await moveCategoryAction(null, { serviceId, id: q, parentId: null })).ok).toBe(true);
    const rows = await db()
      .select({ id: categories.id, depth: categories.depth })
      .from(categories)
      .where(sql`${categories.id} IN (${q}, ${r})`);
    expect(Object.fromEntries(rows.map((x) => [x.id, x.depth]))).toEqual({ [q]: 1, [r]: 2 });
  });
});

describe('authorization', () => {
  it('refuses agents, other services and anonymous callers on every category action', async () => {
    const agent = await makeMember(db());
    await addAgent(db(), serviceId, agent.id, 'agent');
    signInAs(asSessionMember(agent));
    expect(await createCategoryAction(null, { serviceId, kind: 'intake', names: { ko: '몰래' } })).toEqual({
      ok: false,
      error: '권한이 없습니다.',
    });
    const outsider = await makeMember(db());
    signInAs(asSessionMember(outsider));
    expect(await createCategoryAction(null, { serviceId, kind: 'intake', names: { ko: '몰래' } })).toEqual({
      ok: false,
      error: '찾을 수 없습니다.',
    });
    signOut();
    expect(await createCategoryAction(null, { serviceId, kind: 'intake', names: { ko: '몰래' } })).toEqual({
      ok: false,
      error: '로그인이 필요합니다.',
    });
    expect((await db().select().from(categories).where(eq(categories.name, '몰래'))).length).toBe(0);
  });

  it('serves the export only to admins of the service (404 otherwise)', async () => {
    const call = (sid: string, kind = 'intake') =>
      exportRoute(new Request(`http://x/${sid}/settings/categories/export?kind=${kind}`), {
        params: Promise.resolve({ serviceId: sid }),
      });
    const agent = await makeMember(db());
    await addAgent(db(), serviceId, agent.id, 'agent');
    signInAs(asSessionMember(agent));
    expect((await call(serviceId)).status).toBe(404);
    signOut();
    expect((await call(serviceId)).status).toBe(404);
    signInAs(asSessionMember(admin));
    expect((await call(serviceId, 'bogus')).status).toBe(404);
    expect((await call('nosuchservice')).status).toBe(404);
    const ok = await call(serviceId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('export', () => {
  it('writes one row per category in tree order with ID, level, path, names, active, created; formulas stay text', async () => {
    const svc = await makeService(db());
    await addAgent(db(), svc.id, admin.id, 'admin');
    const mk = async (ko: string, parentId: string | null, en?: string) => {
      const r = await createCategoryAction(null, {
        serviceId: svc.id,
        kind: 'intake',
        parentId,
        names: en ? { ko, en } : { ko },
      });
      if (!r.ok) throw new Error(r.error);
      return r.data.id;
    };
    const a = await mk('배송', null, 'Shipping');
    const b = await mk('=HYPERLINK("http://evil","x")', a);
    await mk('+1', b, '@SUM(A1)');
    await mk('-2', null);
    const res = await exportRoute(new Request(`http://x/${svc.id}/settings/categories/export?kind=intake`), {
      params: Promise.resolve({ serviceId: svc.id }),
    });
    const buf = Buffer.from(await res.arrayBuffer());
    const { rows, workbook } = await readXlsx(buf);
    expect(rows[0]).toEqual([
      'ID',
      '레벨',
      '1뎁스',
      '2뎁스',
      '3뎁스',
      '4뎁스',
      '5뎁스',
      '이름(ko)',
      '이름(en)',
      '활성화',
      '생성일',
    ]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[7], r[8], r[9]])).toEqual([
      ['1', '배송', '', '', '배송', 'Shipping', 'Y'],
      ['2', '배송', '=HYPERLINK("http://evil","x")', '', '=HYPERLINK("http://evil","x")', '', 'Y'],
      ['3', '배송', '=HYPERLINK("http://evil","x")', '+1', '+1', '@SUM(A1)', 'Y'],
      ['1', '-2', '', '', '-2', '', 'Y'],
    ]);
    expect(rows[1][0]).toBe(a);
    const ws = workbook.worksheets[0];
    ws.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(6 /* ExcelJS.ValueType.Formula */)));
    expect(ws.getRow(3).getCell(4).numFmt).toBe('@');
    // The raw sheet XML holds no formula element at all.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(buf);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
  });
});
