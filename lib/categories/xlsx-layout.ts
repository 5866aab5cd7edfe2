import type { CategoryKind } from '@/db/values';
import { MAX_CATEGORY_DEPTH } from '@/db/schema/categories';

/** Upload limits, shown on the import screen. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
/** Cap on the unzipped size of an upload: refuses zip bombs before any XML is parsed. */
export const IMPORT_MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;

export type Column =
  | { key: 'id' }
  | { key: 'level' }
  | { key: 'depth'; depth: number }
  | { key: 'name'; lang: string }
  | { key: 'active' }
  | { key: 'created' };

const LABELS = {
  ko: {
    id: 'ID',
    level: '레벨',
    depth: (d: number) => `${d}뎁스`,
    name: (l: string) => `이름(${l})`,
    active: '활성화',
    created: '생성일',
  },
  en: {
    id: 'ID',
    level: 'Level',
    depth: (d: number) => `Level ${d}`,
    name: (l: string) => `Name (${l})`,
    active: 'Active',
    created: 'Created',
  },
};

/** The columns of the download, in order: SPEC §4 (ID, level, path, names per language, active, created). */
export function exportColumns(kind: CategoryKind, languages: string[]): Column[] {
  const cols: Column[] = [{ key: 'id' }, { key: 'level' }];
  for (let d = 1; d <= MAX_CATEGORY_DEPTH; d++) cols.push({ key: 'depth', depth: d });
  for (const lang of kind === 'intake' ? languages : languages.slice(0, 1)) cols.push({ key: 'name', lang });
  if (kind === 'intake') cols.push({ key: 'active' });
  cols.push({ key: 'created' });
  return cols;
}

export function columnLabel(c: Column, locale: 'ko' | 'en'): string {
  const l = LABELS[locale];
  switch (c.key) {
    case 'depth':
      return l.depth(c.depth);
    case 'name':
      return l.name(c.lang);
    default:
      return l[c.key];
  }
}

/** Reads a header cell in either UI language; null when the column is unknown. */
export function parseColumnLabel(raw: string): Column | null {
  const s = raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, '');
  if (s === 'id') return { key: 'id' };
  if (s === 'level' || s === '레벨') return { key: 'level' };
  if (s === 'active' || s === '활성화') return { key: 'active' };
  if (s === 'created' || s === '생성일') return { key: 'created' };
  const depth = /^(?:(\d{1,2})뎁스|level(\d{1,2}))$/.exec(s);
  if (depth) return { key: 'depth', depth: Number(depth[1] ?? depth[2]) };
  const name = /^(?:이름|name)\(([a-z]{2}(?:_[a-z]{2})?)\)$/.exec(s);
  if (name) return { key: 'name', lang: name[1].replace(/_([a-z]{2})$/, (_, r: string) => `_${r.toUpperCase()}`) };
  return null;
}

/** Text that a spreadsheet would read as a formula if it were typed in. */
export function looksLikeFormula(v: string): boolean {
  return /^[=+\-@\t\r]/.test(v);
}
