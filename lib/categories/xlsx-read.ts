import 'server-only';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { ValidationError } from '@/lib/errors';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_UNZIPPED_BYTES } from './xlsx-layout';

export type SheetRow = { row: number; cells: string[] };

const fail = (key: string, params?: Record<string, string | number>) => ValidationError.field('file', key, params);

/**
 * Reads the zip central directory without inflating anything: the file must be a zip holding
 * a workbook, with a bounded number of entries and a bounded unzipped size (zip bombs).
 */
export function checkXlsxContainer(buf: Buffer): { sheets: { method: number; csize: number; local: number }[] } {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw fail('errors.categoryImportNotXlsx');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fail('errors.categoryImportNotXlsx');
  const entries = buf.readUInt16LE(eocd + 10);
  let off = buf.readUInt32LE(eocd + 16);
  if (entries > 2000) throw fail('errors.categoryImportNotXlsx');
  let total = 0;
  let hasWorkbook = false;
  const sheets: { method: number; csize: number; local: number }[] = [];
  for (let n = 0; n < entries; n++) {
    if (off + 46 > buf.length || buf.readUInt32LE(off) !== 0x02014b50) throw fail('errors.categoryImportNotXlsx');
    const method = buf.readUInt16LE(off + 10);
    const csize = buf.readUInt32LE(off + 20);
    const size = buf.readUInt32LE(off + 24);
    const local = buf.readUInt32LE(off + 42);
    const nameLen = buf.readUInt16LE(off + 28);
    const extra = buf.readUInt16LE(off + 30);
    const comment = buf.readUInt16LE(off + 32);
    const name = buf.toString('utf8', off + 46, off + 46 + nameLen);
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) sheets.push({ method, csize, local });
    // 0xffffffff: a zip64 size; refuse rather than trust a size we did not read.
    if (size === 0xffffffff)
      throw fail('errors.categoryImportTooLarge', { mb: IMPORT_MAX_UNZIPPED_BYTES / 1024 / 1024 });
    total += size;
    off += 46 + nameLen + extra + comment;
  }
  if (!hasWorkbook) throw fail('errors.categoryImportNotXlsx');
  if (total > IMPORT_MAX_UNZIPPED_BYTES)
    throw fail('errors.categoryImportTooLarge', { mb: IMPORT_MAX_UNZIPPED_BYTES / 1024 / 1024 });
  return { sheets };
}

/**
 * Counts the `<row>` elements of each worksheet by inflating only that entry (bounded) and
 * scanning the text, so an oversized sheet is refused before ExcelJS builds it in memory.
 */
function countSheetRows(buf: Buffer, sheets: { method: number; csize: number; local: number }[]): number {
  let most = 0;
  for (const s of sheets) {
    if (s.local + 30 > buf.length || buf.readUInt32LE(s.local) !== 0x04034b50)
      throw fail('errors.categoryImportNotXlsx');
    const start = s.local + 30 + buf.readUInt16LE(s.local + 26) + buf.readUInt16LE(s.local + 28);
    const raw = buf.subarray(start, start + s.csize);
    let xml: string;
    try {
      xml = (s.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: IMPORT_MAX_UNZIPPED_BYTES })).toString(
        'latin1',
      );
    } catch {
      throw fail('errors.categoryImportNotXlsx');
    }
    most = Math.max(most, xml.match(/<(?:\w+:)?row[\s>/]/g)?.length ?? 0);
  }
  return most;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    // A formula cell counts as its cached result, never as something to evaluate.
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
  }
  return '';
}

/**
 * Parses an uploaded .xlsx with ExcelJS (maintained, parses XML with saxes, which expands no
 * external entities). Checked first: size, zip container, unzipped size; then the row count.
 * Returns the first sheet as strings, with sheet row numbers.
 */
export async function readCategorySheet(file: {
  size: number;
  name?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<{ header: string[]; rows: SheetRow[] }> {
  if (file.size === 0) throw fail('errors.categoryImportEmpty');
  if (file.size > IMPORT_MAX_BYTES) throw fail('errors.categoryImportTooBig', { mb: IMPORT_MAX_BYTES / 1024 / 1024 });
  const buf = Buffer.from(await file.arrayBuffer());
  const { sheets } = checkXlsxContainer(buf);
  if (countSheetRows(buf, sheets) - 1 > IMPORT_MAX_ROWS)
    throw fail('errors.categoryImportTooManyRows', { max: IMPORT_MAX_ROWS });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw fail('errors.categoryImportNotXlsx');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fail('errors.categoryImportEmpty');
  if (ws.rowCount - 1 > IMPORT_MAX_ROWS) throw fail('errors.categoryImportTooManyRows', { max: IMPORT_MAX_ROWS });
  const width = Math.min(ws.columnCount, 50);
  const read = (r: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => cellText(r.getCell(i + 1).value).normalize('NFC'));
  const header = read(ws.getRow(1));
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = read(r);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: n, cells });
  });
  if (!header.some((h) => h.trim())) throw fail('errors.categoryImportEmpty');
  return { header, rows };
}
