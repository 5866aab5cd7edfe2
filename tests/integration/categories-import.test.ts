import { eq, sql } from 'drizzle-orm';
import { categories } from '@/db/schema';
import {
  applyCategoryImportAction,
  createCategoryAction,
  previewCategoryImportAction,
} from '@/app/[serviceId]/(desk)/settings/categories/actions';
import { GET as exportRoute } from '@/app/[serviceId]/(desk)/settings/categories/export/route';
import type { ImportPreview } from '@/lib/categories/import-preview';
import { getCategoryTree } from '@/lib/categories/tree';
import { writeXlsx } from '@/lib/categories/xlsx-write';
import { addAgent, asSessionMember, makeMember, makeService } from '../helpers/factories';
import { setupTestDb } from '../helpers/db';
import { readXlsx, xlsxFile } from '../helpers/categories';
import { signInAs } from '../helpers/session';

jest.mock('@/lib/auth/session', () => jest.requireActual('../helpers/session').sessionMock);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn() }));

const db = setupTestDb();
let admin: Awaited<ReturnType<typeof makeMember>>;
const HEADER = ['ID', '레벨', '1뎁스', '2뎁스', '3뎁스', '4뎁스', '5뎁스', '이름(ko)', '이름(en)', '활성화', '생성일'];

beforeAll(async () => {
  admin = await makeMember(db(), { locale: 'ko' });
  signInAs(asSessionMember(admin));
});

async function freshService() {
  const svc = await makeService(db());
  await addAgent(db(), svc.id, admin.id, 'admin');
  const mk = async (ko: string, parentId: string | null = null, en?: string) => {
    const r = await createCategoryAction(null, {
      serviceId: svc.id,
      kind: 'intake',
      parentId,
      names: en ? { ko, en } : { ko },
    });
    if (!r.ok) throw new Error(r.error);
    return r.data.id;
  };
  return { serviceId: svc.id, mk };
}

const form = (serviceId: string, file: File | string, kind = 'intake') => {
  const fd = new FormData();
  fd.set('serviceId', serviceId);
  fd.set('kind', kind);
  fd.set('file', file);
  return fd;
};
const snapshot = (serviceId: string) =>
  db().select().from(categories).where(eq(categories.serviceId, serviceId)).orderBy(categories.id);

async function preview(serviceId: string, file: File): Promise<ImportPreview> {
  const r = await previewCategoryImportAction(null, form(serviceId, file));
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data;
}

describe('import round trip', () => {
  it('previews adds, renames, moves and switches from an edited download, then applies them in one go', async () => {
    const { serviceId, mk } = await freshService();
    const a = await mk('배송', null, 'Shipping');
    const b = await mk('지연', a, 'Delay');
    const c = await mk('결제');
    const res = await exportRoute(new Request(`http://x/${serviceId}/settings/categories/export?kind=intake`), {
      params: Promise.resolve({ serviceId }),
    });
    const { rows } = await readXlsx(await res.arrayBuffer());
    const edited = rows.slice(1).map((r) => [...r]);
    const rowB = edited.find((r) => r[0] === b)!;
    rowB.splice(2, 2, '결제', '지연'); // move b under 결제
    rowB[7] = '';
    edited.find((r) => r[0] === a)![8] = 'Delivery'; // rename en
    edited.find((r) => r[0] === c)![9] = 'N';
    edited.push(['', '', '결제', '환불', '', '', '', '', 'Refund', '', '']);
    edited.push(['', '', '결제', '환불', '부분 환불', '', '', '', '', 'N', '']);
    const file = await xlsxFile(HEADER, edited);
    const p = await preview(serviceId, file);
    expect(p.errors).toEqual([]);
    expect(p.adds.map((x) => x.path)).toEqual(['결제 > 환불', '결제 > 환불 > 부분 환불']);
    expect(p.moves.map((x) => [x.from, x.path])).toEqual([['배송 > 지연', '결제 > 지연']]);
    expect(p.renames.map((x) => x.id)).toEqual([a]);
    expect(p.activations.map((x) => [x.id, x.to])).toEqual([[c, 'N']]);
    expect((await snapshot(serviceId)).length).toBe(3); // preview wrote nothing
    const applied = await applyCategoryImportAction(null, form(serviceId, file));
    expect(applied).toEqual({ ok: true, data: { added: 2, renamed: 1, moved: 1, switched: 1 } });
    const tree = await getCategoryTree(db(), serviceId, 'intake', 'en');
    const pay = tree.find((n) => n.id === c)!;
    expect(pay.active).toBe(false);
    expect(pay.children.map((n) => n.label)).toEqual(['Delay', 'Refund']);
    expect(pay.children[1].children[0]).toMatchObject({ name: '부분 환불', active: false, depth: 3 });
    expect(tree.find((n) => n.id === a)!.label).toBe('Delivery');
  });
});

describe('row errors', () => {
  it('lists every row error and applies nothing', async () => {
    const { serviceId, mk } = await freshService();
    const a = await mk('루트');
    await mk('둘째', a);
    const header = [...HEADER.slice(0, 7), '6뎁스', '이름(ko)', '이름(ja)', '메모', '활성화'];
    const file = await xlsxFile(header, [
      ['', '', '루트', '새것', '', '', '', '', '', '', '', ''],
      ['', '', '루트', '새것', '', '', '', '', '', '', '', ''], // duplicate of the row above
      ['', '', 'a', 'b', 'c', 'd', 'e', 'f', '', '', '', ''], // 6th level
      ['', '', '', '구멍', '', '', '', '', '', '', '', ''], // gap
      ['', '', '없는부모', '자식', '', '', '', '', '', '', '', ''],
      ['00000000-0000-4000-8000-000000000000', '', '유령', '', '', '', '', '', '', '', '', ''],
      ['', '', '가'.repeat(101), '', '', '', '', '', '', '', '', ''],
      ['', '', '활성값', '', '', '', '', '', '', '', '', 'maybe'],
      ['', '', '둘째', '', '', '', '', '', '', '', '', ''], // allowed: level 1 differs from level 2
    ]);
    const before = await snapshot(serviceId);
    const p = await preview(serviceId, file);
    const keys = p.errors.map((e) => `${e.row}:${e.key}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        '1:unknownColumn',
        '1:badLanguage',
        '3:duplicateName',
        '4:sixthLevel',
        '5:pathGap',
        '6:parentNotFound',
        '7:unknownId',
        '8:badName',
        '9:badActive',
      ]),
    );
    expect(keys.some((k) => k.startsWith('10:'))).toBe(false);
    const r = await applyCategoryImportAction(null, form(serviceId, file));
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('아무것도 반영하지 않았습니다') });
    expect(await snapshot(serviceId)).toEqual(before);
  });

  it('refuses a move that creates a cycle or a 6th level, and a name clash with a category left alone', async () => {
    const { serviceId, mk } = await freshService();
    const ids: string[] = [];
    for (let d = 1; d <= 4; d++) ids.push(await mk(`L${d}`, ids[d - 2] ?? null));
    const x = await mk('X');
    await mk('X1', x);
    const file = await xlsxFile(HEADER, [
      [x, '', 'L1', 'L2', 'L3', 'L4', 'X', '', '', '', ''], // X1 would be level 6
      ['', '', 'L1', '', '', '', '', '', '', '', ''], // clashes with the untouched L1
    ]);
    const p = await preview(serviceId, file);
    expect(p.errors.map((e) => `${e.row}:${e.key}`)).toEqual(
      expect.arrayContaining(['2:sixthLevel', '3:duplicateName']),
    );
    const cycle = await xlsxFile(HEADER, [[ids[0], '', 'L1', 'L2', 'L3', 'L4', 'L1', '', '', '', '']]);
    const pc = await preview(serviceId, cycle);
    expect(pc.errors.length).toBeGreaterThan(0);
  });
});

describe('untrusted uploads', () => {
  it('refuses a missing file, an empty file, a non-xlsx file and a renamed text file', async () => {
    const { serviceId } = await freshService();
    const cases: [File | string, string][] = [
      ['not a file', '.xlsx 파일을 선택하세요.'],
      [new File([], 'e.xlsx'), '파일이 비어 있습니다.'],
      [new File(['hello,world'], 'x.xlsx'), '.xlsx 엑셀 파일이 아니거나 손상된 파일입니다.'],
      [
        new File([Buffer.from('PK\u0003\u0004garbage-garbage-garbage-garbage')], 'x.xlsx'),
        '.xlsx 엑셀 파일이 아니거나 손상된 파일입니다.',
      ],
    ];
    for (const [file, msg] of cases) {
      const r = await previewCategoryImportAction(null, form(serviceId, file));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.fieldErrors?.file).toEqual([msg]);
    }
  });

  it('refuses a zip bomb (a small file that unzips past the cap) before parsing XML', async () => {
    const { serviceId } = await freshService();
    // 1,500 rows of 30,000 repeated characters (a cell holds at most 32,767): 45 MB unzipped.
    const bomb = writeXlsx('x', [['1뎁스'], ...Array.from({ length: 1500 }, () => ['a'.repeat(30000)])]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await previewCategoryImportAction(null, form(serviceId, new File([new Uint8Array(bomb)], 'bomb.xlsx')));
    expect(!r.ok && r.fieldErrors?.file).toEqual(['압축을 푼 크기가 40MB를 넘는 파일은 읽지 않습니다.']);
  });

  it('refuses a 50 MB upload before reading it', async () => {
    const { serviceId } = await freshService();
    const big = new File([new Uint8Array(50 * 1024 * 1024)], 'big.xlsx');
    const r = await previewCategoryImportAction(null, form(serviceId, big));
    expect(!r.ok && r.fieldErrors?.file).toEqual(['파일은 5MB 이하여야 합니다.']);
  });

  it('refuses a sheet with 100,000 rows and writes nothing', async () => {
    const { serviceId } = await freshService();
    const rows = Array.from({ length: 100_000 }, (_, i) => ['', '', `c${i}`]);
    const file = await xlsxFile(HEADER.slice(0, 3), rows);
    const started = Date.now();
    const r = await applyCategoryImportAction(null, form(serviceId, file));
    expect(!r.ok && r.fieldErrors?.file).toEqual(['행은 20000개까지 가져올 수 있습니다.']);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(categories)
          .where(eq(categories.serviceId, serviceId))
      )[0].n,
    ).toBe(0);
  }, 60_000);
});
