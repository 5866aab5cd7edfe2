import { eq, sql } from 'drizzle-orm';
import { categories } from '@/db/schema';
import {
  createCategoryAction,
  deleteCategoryAction,
  renameCategoryAction,
  reorderCategoriesAction,
  setCategoryActiveAction,
} from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { createCategory } from '@/lib/categories/create';
import { getCategoryTree } from '@/lib/categories/tree';
import { addAgent, asSessionMember, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));

const db = setupTestDb();
let serviceId: string;
let admin: Awaited<ReturnType<typeof makeMember>>;

beforeAll(async () => {
  const svc = await makeService(db());
  serviceId = svc.id;
  admin = await makeMember(db(), { locale: 'ko' });
  await addAgent(db(), serviceId, admin.id, 'admin');
  signInAs(asSessionMember(admin));
});

const count = async () =>
  (
    await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(categories)
      .where(eq(categories.serviceId, serviceId))
  )[0].n;

async function add(
  names: Record<string, string>,
  parentId: string | null = null,
  kind: 'intake' | 'processing' = 'intake',
) {
  const r = await createCategoryAction(null, { serviceId, kind, parentId, names });
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

describe('adding categories', () => {
  it('adds levels 1 to 5 with per-language names and refuses a 6th level', async () => {
    let parent: string | null = null;
    const ids: string[] = [];
    for (let d = 1; d <= 5; d++) {
      const c = await add({ ko: `깊이${d}`, en: `Depth ${d}` }, parent);
      expect(c.depth).toBe(d);
      ids.push(c.id);
      parent = c.id;
    }
    const before = await count();
    const r = await createCategoryAction(null, { serviceId, kind: 'intake', parentId: parent, names: { ko: '여섯' } });
    expect(r).toEqual({ ok: false, error: '카테고리는 5뎁스까지만 만들 수 있습니다.', fieldErrors: {} });
    expect(await count()).toBe(before);
    const [row] = await db().select().from(categories).where(eq(categories.id, ids[0]));
    expect(row.names).toEqual({ ko: '깊이1', en: 'Depth 1' });
    expect(row.path).toBe(`/${ids[0]}/`);
  });

  it('requires the default-language name, lets others fall back, refuses unknown languages', async () => {
    const r = await createCategoryAction(null, {
      serviceId,
      kind: 'intake',
      names: { ko: '  ', en: 'Only English', ja: 'x' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors?.['names.ko']).toEqual(['필수 항목입니다.']);
    expect(r.fieldErrors?.['names.ja']).toEqual(['이 서비스의 헬프센터 언어가 아닙니다: ja']);
    const c = await add({ ko: '  배송  ', en: '' });
    const [row] = await db().select().from(categories).where(eq(categories.id, c.id));
    expect(row.name).toBe('배송');
    expect(row.names).toEqual({ ko: '배송' });
    const tree = await getCategoryTree(db(), serviceId, 'intake', 'en');
    expect(tree.find((n) => n.id === c.id)?.label).toBe('배송');
  });

  it('refuses empty, too long and control-character names with a field message and writes nothing', async () => {
    const before = await count();
    const cases: [string, string][] = [
      ['', '필수 항목입니다.'],
      [' \t ', '필수 항목입니다.'],
      ['가'.repeat(101), '카테고리명은 100자 이하로 입력하세요.'],
      ['줄\n바꿈', '제어 문자는 쓸 수 없습니다.'],
      ['널\u0000문자', '제어 문자는 쓸 수 없습니다.'],
    ];
    for (const [name, msg] of cases) {
      const r = await createCategoryAction(null, { serviceId, kind: 'processing', names: { ko: name } });
      expect(!r.ok && r.fieldErrors?.['names.ko']).toEqual([msg]);
    }
    expect(
      (await createCategoryAction(null, { serviceId, kind: 'processing', names: { ko: '가'.repeat(100) } })).ok,
    ).toBe(true);
    expect(await count()).toBe(before + 1);
  });

  it('keeps names unique within a level of a tree, trimmed and case-insensitively, naming the clash', async () => {
    const a = await add({ ko: 'Refund' });
    const r = await createCategoryAction(null, { serviceId, kind: 'intake', names: { ko: '  rEFUND ' } });
    expect(!r.ok && r.fieldErrors?.['names.ko']).toEqual([
      '1뎁스에 이미 "Refund" 카테고리가 있습니다. 같은 뎁스에서는 이름이 겹칠 수 없습니다.',
    ]);
    // Another level, another parent at level 2, or the other tree: allowed.
    const child = await add({ ko: 'Refund' }, a.id);
    const other = await add({ ko: '기타' });
    const clash = await createCategoryAction(null, {
      serviceId,
      kind: 'intake',
      parentId: other.id,
      names: { ko: 'refund' },
    });
    expect(clash.ok).toBe(false);
    expect((await createCategoryAction(null, { serviceId, kind: 'processing', names: { ko: 'Refund' } })).ok).toBe(
      true,
    );
    expect(child.depth).toBe(2);
  });

  it('lets exactly one of concurrent adds of one name at one level win', async () => {
    const svc = await makeService(db());
    const ctx = { db: db(), service: svc };
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => createCategory(ctx, { kind: 'intake', parentId: null, names: { ko: '동시' } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected.every((r) => r.reason.key === 'errors.categoryNameTaken')).toBe(true);
    const rows = await db().select().from(categories).where(eq(categories.serviceId, svc.id));
    expect(rows).toHaveLength(1);
  });

  it('treats a parent from the other tree, another service, a forged or deleted id as not found', async () => {
    const proc = await add({ ko: '처리' }, null, 'processing');
    const otherSvc = await makeService(db());
    const [foreign] = await db()
      .insert(categories)
      .values({ serviceId: otherSvc.id, kind: 'intake', path: '/x/', depth: 1, name: '남의 것', names: {} })
      .returning();
    const gone = await add({ ko: '지울것' });
    await deleteCategoryAction(null, { serviceId, id: gone.id });
    const before = await count();
    for (const parentId of [proc.id, foreign.id, gone.id, '00000000-0000-4000-8000-000000000000']) {
      const r = await createCategoryAction(null, { serviceId, kind: 'intake', parentId, names: { ko: '자식' } });
      expect(r).toEqual({
        ok: false,
        error: '카테고리를 찾을 수 없습니다. 삭제되었거나 다른 서비스의 카테고리입니다.',
      });
    }
    const forged = await createCategoryAction(null, {
      serviceId,
      kind: 'intake',
      parentId: "1' OR 1=1 --",
      names: { ko: '자식' },
    });
    expect(forged.ok).toBe(false);
    expect(await count()).toBe(before);
  });
});

describe('rename, active, reorder', () => {
  it('renames one language in place, keeps the others, and refuses a clash', async () => {
    const a = await add({ ko: '결제', en: 'Payment' });
    await add({ ko: '환불' });
    const en = await renameCategoryAction(null, { serviceId, id: a.id, names: { en: 'Billing' } });
    expect(en.ok).toBe(true);
    let [row] = await db().select().from(categories).where(eq(categories.id, a.id));
    expect(row.names).toEqual({ ko: '결제', en: 'Billing' });
    const clash = await renameCategoryAction(null, { serviceId, id: a.id, names: { ko: '환불 ' } });
    expect(!clash.ok && clash.fieldErrors?.['names.ko']?.[0]).toContain('"환불"');
    expect((await renameCategoryAction(null, { serviceId, id: a.id, names: { ko: '결제' } })).ok).toBe(true); // its own name
    [row] = await db().select().from(categories).where(eq(categories.id, a.id));
    expect(row.name).toBe('결제');
  });

  it('switches intake types on and off, never processing types', async () => {
    const a = await add({ ko: '활성테스트' });
    expect(await setCategoryActiveAction(null, { serviceId, id: a.id, active: false })).toEqual({
      ok: true,
      data: { id: a.id, active: false },
    });
    const p = await add({ ko: '처리활성' }, null, 'processing');
    expect(await setCategoryActiveAction(null, { serviceId, id: p.id, active: false })).toEqual({
      ok: false,
      error: '활성화 설정은 접수유형에만 있습니다.',
      fieldErrors: {},
    });
  });

  it('reorders exactly the siblings and refuses ids of another parent or service', async () => {
    const svc = await makeService(db());
    const admin = await makeMember(db());
    await addAgent(db(), svc.id, admin.id, 'admin');
    signInAs(asSessionMember(admin));
    try {
      const mk = async (n: string, parentId: string | null = null) => {
        const r = await createCategoryAction(null, {
          serviceId: svc.id,
          kind: 'processing',
          parentId,
          names: { ko: n },
        });
        if (!r.ok) throw new Error(r.error);
        return r.data.id;
      };
      const [a, b, c] = [await mk('가'), await mk('나'), await mk('다')];
      const child = await mk('가-1', a);
      expect(
        (
          await reorderCategoriesAction(null, {
            serviceId: svc.id,
            kind: 'processing',
            parentId: null,
            orderedIds: [c, a, b],
          })
        ).ok,
      ).toBe(true);
      const tree = await getCategoryTree(db(), svc.id, 'processing', 'ko');
      expect(tree.map((n) => n.name)).toEqual(['다', '가', '나']);
      expect(
        (
          await reorderCategoriesAction(null, {
            serviceId: svc.id,
            kind: 'processing',
            parentId: null,
            orderedIds: [c, a],
          })
        ).ok,
      ).toBe(false);
      expect(
        await reorderCategoriesAction(null, {
          serviceId: svc.id,
          kind: 'processing',
          parentId: null,
          orderedIds: [c, a, child],
        }),
      ).toMatchObject({ ok: false, error: '카테고리를 찾을 수 없습니다. 삭제되었거나 다른 서비스의 카테고리입니다.' });
      expect(
        (
          await reorderCategoriesAction(null, {
            serviceId: svc.id,
            kind: 'processing',
            parentId: null,
            orderedIds: [c, a, a],
          })
        ).ok,
      ).toBe(false);
    } finally {
      signInAs(asSessionMember(admin));
    }
  });
});
