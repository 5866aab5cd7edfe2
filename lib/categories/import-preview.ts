import 'server-only';
import type { CategoryKind } from '@/db/schema';
import { listCategoryRows } from '@/db/queries/categories';
import type { ServiceCtx } from '@/lib/context';
import { planImport, type ImportChange, type ImportIssue } from './import-plan';
import { readCategorySheet } from './xlsx-read';

export type ImportUpload = { size: number; name?: string; arrayBuffer(): Promise<ArrayBuffer> };
export type ImportPreview = {
  adds: ImportChange[];
  renames: ImportChange[];
  moves: ImportChange[];
  activations: ImportChange[];
  errors: ImportIssue[];
  rows: number;
};

/** Reads an upload and says what applying it would add, rename, move and switch, and every row error. Writes nothing. */
export async function previewCategoryImport(
  ctx: Pick<ServiceCtx, 'db' | 'service'>,
  input: { kind: CategoryKind; file: ImportUpload },
): Promise<ImportPreview> {
  const sheet = await readCategorySheet(input.file);
  const current = await listCategoryRows(ctx.db, ctx.service.id, input.kind);
  const { placed: _placed, ...plan } = planImport(current, sheet, input.kind, ctx.service.languages, () =>
    crypto.randomUUID(),
  );
  void _placed;
  return { ...plan, rows: sheet.rows.length };
}
