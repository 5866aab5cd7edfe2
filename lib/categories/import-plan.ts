import type { CategoryKind } from '@/db/values';
import { MAX_CATEGORY_DEPTH } from '@/db/schema/categories';
import type { CategoryRow } from '@/db/queries/categories';
import { issueToRef } from '@/lib/actions/zod-errors';
import { categoryNameSchema } from './schemas';
import { layoutTree, levelNameClashes, sameNames, type ModelNode, type Placed } from './tree-model';
import { parseColumnLabel, type Column } from './xlsx-layout';
import type { SheetRow } from './xlsx-read';

export type ImportIssue = { row: number; key: string; params?: Record<string, string | number> };
export type ImportChange = { row: number; id: string; path: string; from?: string; to?: string };
export type ImportPlan = {
  adds: ImportChange[];
  renames: ImportChange[];
  moves: ImportChange[];
  activations: ImportChange[];
  errors: ImportIssue[];
  placed: Map<string, Placed>;
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTIVE: Record<string, boolean> = {
  y: true,
  yes: true,
  true: true,
  '1': true,
  n: false,
  no: false,
  false: false,
  '0': false,
};
const keyOf = (names: string[]) => names.map((n) => n.trim().toLowerCase()).join('\u0000');

/**
 * Turns a sheet into a checked plan against the current tree. Pure. Each row declares a
 * category by its full path of default-language names (1뎁스…5뎁스); a row with an ID changes
 * that category (rename, move, translations, active), a row without one adds a category.
 * Categories absent from the file are left alone; nothing is deleted by an import.
 */
export function planImport(
  current: CategoryRow[],
  sheet: { header: string[]; rows: SheetRow[] },
  kind: CategoryKind,
  languages: string[],
  newId: () => string,
): ImportPlan {
  const errors: ImportIssue[] = [];
  const allowedLangs = kind === 'intake' ? languages : languages.slice(0, 1);
  const cols: (Column | null)[] = sheet.header.map((h, i) => {
    if (!h.trim()) return null;
    const c = parseColumnLabel(h);
    if (!c) errors.push({ row: 1, key: 'unknownColumn', params: { column: h.slice(0, 50), index: i + 1 } });
    else if (c.key === 'name' && !allowedLangs.includes(c.lang))
      errors.push({ row: 1, key: 'badLanguage', params: { column: h.slice(0, 50), lang: c.lang } });
    else if (c.key === 'depth' && c.depth < 1)
      errors.push({ row: 1, key: 'unknownColumn', params: { column: h.slice(0, 50), index: i + 1 } });
    return c;
  });
  if (!cols.some((c) => c?.key === 'depth' && c.depth === 1))
    errors.push({ row: 1, key: 'missingColumn', params: { column: '1' } });
  const byId = new Map(current.map((r) => [r.id, r]));
  const namePath = (r: CategoryRow): string[] =>
    r.path
      .split('/')
      .filter(Boolean)
      .map((id) => byId.get(id)?.name ?? '');
  const model = new Map<string, ModelNode>(current.map((r) => [r.id, { ...r }]));
  const declared = new Map<string, { row: number; id: string }>();
  const parsed: { row: number; id: string; names: string[] }[] = [];
  const seenIds = new Set<string>();
  const def = languages[0];

  for (const { row, cells } of sheet.rows) {
    const issue = (key: string, params?: Record<string, string | number>) => errors.push({ row, key, params });
    const get = (pred: (c: Column) => boolean) => cells[cols.findIndex((c) => c !== null && pred(c))]?.trim() ?? '';
    const path: string[] = [];
    let bad = false;
    cols.forEach((c, i) => {
      if (c?.key !== 'depth' || !cells[i]?.trim()) return;
      if (c.depth > MAX_CATEGORY_DEPTH) {
        issue('sixthLevel', { max: MAX_CATEGORY_DEPTH });
        bad = true;
      } else path[c.depth - 1] = cells[i];
    });
    if (bad) continue;
    if (!path.length) {
      issue('emptyPath');
      continue;
    }
    if (Array.from(path, (p) => p).some((p) => p === undefined)) {
      issue('pathGap');
      continue;
    }
    const names: string[] = [];
    for (const p of path) {
      const r = categoryNameSchema.safeParse(p);
      if (!r.success) {
        issue('badName', { name: p.slice(0, 100), reason: issueToRef(r.error.issues[0]).key });
        bad = true;
        break;
      }
      names.push(r.data);
    }
    if (bad) continue;
    const leaf = names[names.length - 1];
    const translations: Record<string, string> = { [def]: leaf };
    for (const [i, c] of cols.entries()) {
      if (c?.key !== 'name' || !allowedLangs.includes(c.lang)) continue;
      const v = cells[i]?.trim() ?? '';
      if (!v) continue;
      const r = categoryNameSchema.safeParse(v);
      if (!r.success) {
        issue('badName', { name: v.slice(0, 100), reason: issueToRef(r.error.issues[0]).key });
        bad = true;
      } else if (c.lang === def && r.data.toLowerCase() !== leaf.toLowerCase()) {
        issue('nameMismatch', { name: r.data, leaf });
        bad = true;
      } else if (c.lang !== def) translations[c.lang] = r.data;
    }
    const activeRaw = get((c) => c.key === 'active').toLowerCase();
    if (activeRaw && !(activeRaw in ACTIVE)) {
      issue('badActive', { value: activeRaw.slice(0, 20) });
      bad = true;
    }
    const idRaw = get((c) => c.key === 'id');
    if (idRaw && (!UUID_RE.test(idRaw) || !byId.has(idRaw.toLowerCase()))) {
      issue('unknownId', { id: idRaw.slice(0, 40) });
      bad = true;
    }
    const id = idRaw ? idRaw.toLowerCase() : newId();
    if (idRaw && seenIds.has(id)) {
      issue('repeatedId', { id });
      bad = true;
    }
    seenIds.add(id);
    const k = keyOf(names);
    const twin = declared.get(k);
    if (twin) {
      issue('duplicateName', { name: leaf, depth: names.length, other: twin.row });
      bad = true;
    }
    if (bad) continue;
    declared.set(k, { row, id });
    const before = byId.get(id);
    model.set(id, {
      id,
      parentId: null,
      name: leaf,
      names: translations,
      active: activeRaw ? ACTIVE[activeRaw] : (before?.active ?? true),
      position: before?.position ?? 0,
      isNew: !before,
    });
    parsed.push({ row, id, names });
  }

  // Parents by declared path: a row of the file first, else a category the file leaves alone.
  const untouched = new Map<string, string>();
  for (const r of current) if (!seenIds.has(r.id)) untouched.set(keyOf(namePath(r)), r.id);
  const rowOf = new Map<string, number>();
  const plan: ImportPlan = { adds: [], renames: [], moves: [], activations: [], errors, placed: new Map() };
  const nextPos = new Map<string, number>();
  for (const r of current) nextPos.set(r.parentId ?? '', Math.max(nextPos.get(r.parentId ?? '') ?? 0, r.position + 1));
  for (const p of parsed) {
    rowOf.set(p.id, p.row);
    let parentId: string | null = null;
    if (p.names.length > 1) {
      const pk = keyOf(p.names.slice(0, -1));
      parentId = declared.get(pk)?.id ?? untouched.get(pk) ?? null;
      if (!parentId) {
        errors.push({ row: p.row, key: 'parentNotFound', params: { path: p.names.slice(0, -1).join(' > ') } });
        model.delete(p.id);
        continue;
      }
    }
    const node = model.get(p.id)!;
    const before = byId.get(p.id);
    node.parentId = parentId;
    const label = p.names.join(' > ');
    if (!before) plan.adds.push({ row: p.row, id: p.id, path: label });
    else {
      if (before.name !== node.name || !sameNames(before.names, node.names))
        plan.renames.push({ row: p.row, id: p.id, path: label, from: before.name, to: node.name });
      if (before.parentId !== parentId)
        plan.moves.push({ row: p.row, id: p.id, path: label, from: namePath(before).join(' > ') });
      if (before.active !== node.active)
        plan.activations.push({ row: p.row, id: p.id, path: label, to: node.active ? 'Y' : 'N' });
    }
    if (!before || before.parentId !== parentId) {
      const pos = nextPos.get(parentId ?? '') ?? 0;
      node.position = pos;
      nextPos.set(parentId ?? '', pos + 1);
    }
  }
  // A failed new row must not leave a node without a parent behind.
  for (const [id, n] of model) if (n.isNew && !rowOf.has(id)) model.delete(id);
  // A problem in a category the file leaves alone is caused by the nearest row above it (a move).
  const rowFor = (id: string): number | undefined => {
    let cur: string | null | undefined = id;
    for (let i = 0; cur && i <= MAX_CATEGORY_DEPTH * 2; i++) {
      if (rowOf.has(cur)) return rowOf.get(cur);
      cur = model.get(cur)?.parentId;
    }
    return undefined;
  };
  const { placed, problems } = layoutTree(model);
  for (const pr of problems) {
    const row = rowFor(pr.id);
    if (row)
      errors.push({
        row,
        key: pr.kind === 'tooDeep' ? 'sixthLevel' : pr.kind === 'cycle' ? 'moveCycle' : 'parentNotFound',
        params: { max: MAX_CATEGORY_DEPTH, path: '' },
      });
  }
  for (const group of levelNameClashes(placed.values())) {
    for (const p of group) {
      const row = rowFor(p.id);
      const other = group.find((o) => o.id !== p.id)!;
      if (row)
        errors.push({
          row,
          key: 'duplicateName',
          params: { name: p.name, depth: p.depth, other: rowOf.get(other.id) ?? 0 },
        });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  plan.placed = placed;
  return plan;
}
