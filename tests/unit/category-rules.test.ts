import { resolveNames } from '@/lib/categories/names';
import { planImport } from '@/lib/categories/import-plan';
import { layoutTree, levelNameClashes, type ModelNode } from '@/lib/categories/tree-model';
import { buildTree, pathIsWithin } from '@/lib/categories/tree-build';
import { looksLikeFormula, parseColumnLabel } from '@/lib/categories/xlsx-layout';
import { checkXlsxContainer } from '@/lib/categories/xlsx-read';
import { ValidationError } from '@/lib/errors';

jest.mock('exceljs', () => ({}));

const node = (id: string, parentId: string | null, name = id): ModelNode => ({
  id,
  parentId,
  name,
  names: {},
  active: true,
  position: 0,
});

describe('names per language', () => {
  it('requires the default, trims, drops empty others and refuses foreign languages', () => {
    expect(resolveNames('intake', ['ko', 'en'], { ko: ' 배송 ', en: '' })).toEqual({
      name: '배송',
      names: { ko: '배송' },
    });
    expect(() => resolveNames('intake', ['ko', 'en'], { ko: '', en: 'x' })).toThrow(ValidationError);
    expect(() => resolveNames('processing', ['ko', 'en'], { ko: '처리', en: 'Done' })).toThrow(ValidationError);
  });
});

describe('tree model', () => {
  it('places nodes and reports cycles, missing parents and a 6th level', () => {
    const m = new Map([
      ['a', node('a', null)],
      ['b', node('b', 'a')],
      ['c', node('c', 'd')],
      ['d', node('d', 'c')],
      ['e', node('e', 'zz')],
    ]);
    const { placed, problems } = layoutTree(m);
    expect(placed.get('b')).toMatchObject({ depth: 2, path: '/a/b/' });
    expect(problems.map((p) => p.kind).sort()).toEqual(['cycle', 'missingParent']);
    const deep = new Map(['1', '2', '3', '4', '5', '6'].map((id, i, all) => [id, node(id, i ? all[i - 1] : null)]));
    expect(layoutTree(deep).problems).toEqual([{ id: '6', kind: 'tooDeep' }]);
  });

  it('finds name clashes within a level only, trimmed and case-insensitively', () => {
    const { placed } = layoutTree(
      new Map([
        ['a', node('a', null, 'Refund')],
        ['b', node('b', null, ' refund')],
        ['c', node('c', 'a', 'Refund')],
      ]),
    );
    expect(levelNameClashes(placed.values()).map((g) => g.map((p) => p.id))).toEqual([['a', 'b']]);
  });

  it('nests rows and tells subtree membership from paths', () => {
    const t = new Date();
    const tree = buildTree(
      [
        {
          id: 'b',
          parentId: 'a',
          path: '/a/b/',
          depth: 2,
          position: 0,
          name: 'B',
          names: { en: 'Bee' },
          active: true,
          createdAt: t,
        },
        {
          id: 'a',
          parentId: null,
          path: '/a/',
          depth: 1,
          position: 0,
          name: 'A',
          names: {},
          active: true,
          createdAt: t,
        },
      ],
      'en',
    );
    expect(tree[0].children[0].label).toBe('Bee');
    expect(tree[0].label).toBe('A');
    expect(pathIsWithin('/a/b/', 'a')).toBe(true);
    expect(pathIsWithin('/a/b/', 'b')).toBe(true);
    expect(pathIsWithin('/ab/', 'a')).toBe(false);
  });
});

describe('spreadsheet layout', () => {
  it('reads headers in Korean and English and rejects others', () => {
    expect(parseColumnLabel('1뎁스')).toEqual({ key: 'depth', depth: 1 });
    expect(parseColumnLabel('Level 6')).toEqual({ key: 'depth', depth: 6 });
    expect(parseColumnLabel('Name (zh_tw)')).toEqual({ key: 'name', lang: 'zh_TW' });
    expect(parseColumnLabel('활성화')).toEqual({ key: 'active' });
    expect(parseColumnLabel('메모')).toBeNull();
  });

  it('knows what a spreadsheet would take for a formula', () => {
    for (const v of ['=1+1', '+1', '-2', '@SUM(A1)']) expect(looksLikeFormula(v)).toBe(true);
    expect(looksLikeFormula('배송 = 빠름')).toBe(false);
  });

  it('refuses non-zip bytes before parsing', () => {
    expect(() => checkXlsxContainer(Buffer.from('hello world, this is not a zip file'))).toThrow(ValidationError);
  });

  it('plans a new child under a row of the same file', () => {
    const plan = planImport(
      [],
      {
        header: ['1뎁스', '2뎁스'],
        rows: [
          { row: 2, cells: ['가', '나'] },
          { row: 3, cells: ['가', ''] },
        ],
      },
      'processing',
      ['ko'],
      (() => {
        let i = 0;
        return () => `id${++i}`;
      })(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.adds.map((a) => a.path)).toEqual(['가 > 나', '가']);
    expect(plan.placed.get('id1')).toMatchObject({ depth: 2, parentId: 'id2' });
  });
});

describe('packed tree for the browser', () => {
  it('round-trips names, languages, order and active flags', async () => {
    const { packTree, unpackTree } = await import('@/lib/categories/tree-build');
    const tree = buildTree(
      [
        {
          id: 'a',
          parentId: null,
          path: '/a/',
          depth: 1,
          position: 0,
          name: 'A "q"',
          names: { ko: 'A "q"', en: 'Ay' },
          active: false,
          createdAt: new Date(),
        },
        {
          id: 'b',
          parentId: 'a',
          path: '/a/b/',
          depth: 2,
          position: 0,
          name: 'B',
          names: { ko: 'B' },
          active: true,
          createdAt: new Date(),
        },
        {
          id: 'c',
          parentId: null,
          path: '/c/',
          depth: 1,
          position: 1,
          name: 'C',
          names: { ko: 'C' },
          active: true,
          createdAt: new Date(),
        },
      ],
      'en',
    );
    const back = unpackTree(packTree(tree, 'ko'), 'en', 'ko');
    expect(back.map((n) => [n.id, n.label, n.active, n.children.map((c) => [c.id, c.depth, c.parentId])])).toEqual([
      ['a', 'Ay', false, [['b', 2, 'a']]],
      ['c', 'C', true, []],
    ]);
    expect(unpackTree('', 'ko', 'ko')).toEqual([]);
  });
});
