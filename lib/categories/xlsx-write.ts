import * as XLSX from 'xlsx';

/**
 * Writes one sheet with SheetJS (the npm `xlsx` build is used only to write; reading untrusted
 * uploads goes through ExcelJS, see xlsx-read.ts). Every text value is a string cell with
 * the Text number format, so a value such as `=SUM(A1)` or `@cmd` is shown and kept as text:
 * no cell is ever written as a formula.
 */
export type Cell = string | number;

export function writeXlsx(sheetName: string, rows: Cell[][], widths: number[] = []): Buffer {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const cell = sheet[key] as XLSX.CellObject;
    if (cell.t === 's') cell.z = '@';
  }
  sheet['!cols'] = widths.map((wch) => ({ wch }));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName.slice(0, 31));
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, cellStyles: true }) as Buffer;
}
