import ExcelJS from 'exceljs';

/** Builds an .xlsx upload (a File) from a header and rows, like a spreadsheet user would. */
export async function xlsxFile(header: string[], rows: (string | number)[][], name = 'categories.xlsx'): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const buf = await wb.xlsx.writeBuffer();
  return new File([new Uint8Array(buf as ArrayBuffer)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** Reads a workbook buffer back into rows of strings (first sheet). */
export async function readXlsx(buf: Buffer | ArrayBuffer): Promise<{ rows: string[][]; workbook: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => {
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v))));
  });
  return { rows, workbook: wb };
}
