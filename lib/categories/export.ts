import 'server-only';
import type { CategoryKind } from '@/db/schema';
import { listCategoryRows } from '@/db/queries/categories';
import type { Queryable } from '@/db';
import { buildTree, type CategoryNode } from './tree-build';
import { columnLabel, exportColumns } from './xlsx-layout';
import { writeXlsx, type Cell } from './xlsx-write';

/**
 * The whole live tree of one kind as an .xlsx workbook, one row per category in tree order
 * (columns: lib/categories/xlsx-layout.ts). Cells are never formulas: see xlsx-write.ts.
 */
export async function exportCategories(
  db: Queryable,
  p: { serviceId: string; kind: CategoryKind; languages: string[]; locale: 'ko' | 'en' },
): Promise<Buffer> {
  const rows = await listCategoryRows(db, p.serviceId, p.kind);
  const cols = exportColumns(p.kind, p.languages);
  const out: Cell[][] = [cols.map((c) => columnLabel(c, p.locale))];
  const walk = (nodes: CategoryNode[], trail: string[]) => {
    for (const n of nodes) {
      const path = [...trail, n.name];
      out.push(
        cols.map((c) => {
          switch (c.key) {
            case 'id':
              return n.id;
            case 'level':
              return n.depth;
            case 'depth':
              return path[c.depth - 1] ?? '';
            case 'name':
              return c.lang === p.languages[0] ? n.name : (n.names[c.lang] ?? '');
            case 'active':
              return n.active ? 'Y' : 'N';
            case 'created':
              return n.createdAt.slice(0, 19).replace('T', ' ');
          }
        }),
      );
      walk(n.children, path);
    }
  };
  walk(buildTree(rows, p.languages[0]), []);
  const sheet =
    p.kind === 'intake'
      ? p.locale === 'ko'
        ? '접수유형'
        : 'Intake types'
      : p.locale === 'ko'
        ? '처리유형'
        : 'Processing types';
  return writeXlsx(
    sheet,
    out,
    cols.map((c) => (c.key === 'id' ? 38 : c.key === 'created' ? 20 : 16)),
  );
}
