import 'server-only';
import ExcelJS from 'exceljs';
import type { CategoryKind } from '@/db/schema';
import { listCategoryRows } from '@/db/queries/categories';
import type { Queryable } from '@/lib/db';
import { buildTree, type CategoryNode } from './tree-build';
import { columnLabel, exportColumns, looksLikeFormula } from './xlsx-layout';

/**
 * The whole live tree of one kind as an .xlsx workbook, one row per category in tree order.
 * Every value is written as a plain string or number cell, never as a formula; names that a
 * spreadsheet would take for a formula (=, +, -, @) also get the Text number format, so
 * editing them in Excel keeps them text.
 */
export async function exportCategories(db: Queryable, p: { serviceId: string; kind: CategoryKind; languages: string[]; locale: 'ko' | 'en' }): Promise<Buffer> {
  const rows = await listCategoryRows(db, p.serviceId, p.kind);
  const cols = exportColumns(p.kind, p.languages);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(p.kind === 'intake' ? (p.locale === 'ko' ? '접수유형' : 'Intake types') : p.locale === 'ko' ? '처리유형' : 'Processing types');
  ws.addRow(cols.map((c) => columnLabel(c, p.locale)));
  ws.getRow(1).font = { bold: true };
  const walk = (nodes: CategoryNode[], trail: string[]) => {
    for (const n of nodes) {
      const path = [...trail, n.name];
      const values = cols.map((c) => {
        switch (c.key) {
          case 'id': return n.id;
          case 'level': return n.depth;
          case 'depth': return path[c.depth - 1] ?? '';
          case 'name': return c.lang === p.languages[0] ? n.name : n.names[c.lang] ?? '';
          case 'active': return n.active ? 'Y' : 'N';
          case 'created': return n.createdAt.slice(0, 19).replace('T', ' ');
        }
      });
      const row = ws.addRow(values);
      values.forEach((v, i) => {
        if (typeof v === 'string' && looksLikeFormula(v)) row.getCell(i + 1).numFmt = '@';
      });
      walk(n.children, path);
    }
  };
  walk(buildTree(rows, p.languages[0]), []);
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 38 : 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
