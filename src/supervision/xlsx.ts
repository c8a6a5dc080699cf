import ExcelJS from 'exceljs';

/**
 * The spreadsheet parts the bulletin and the 导出 export share: a sheet is a bold, frozen header
 * row over plain rows, columns sized for Chinese text, long cells wrapped.
 */
export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: readonly (string | number)[][];
  /** column widths in characters (a Chinese character is about two) */
  widths: readonly number[];
  /** columns that hold a rate (0–1): shown as a percentage, kept a number */
  percentColumns?: readonly number[];
}

export const newWorkbook = (title: string): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'target-progress-bot';
  workbook.title = title;
  // fixed, so the same data gives the same bytes' content apart from the zip's own times
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  return workbook;
};

export const addSheet = (workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet => {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.header.map((header, i) => ({ header, width: spec.widths[i] ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of spec.rows) sheet.addRow([...row]);
  for (const i of spec.percentColumns ?? []) sheet.getColumn(i + 1).numFmt = '0.0%';
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  return sheet;
};

export const workbookBytes = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

/** A numeric 序号 as a number, so the sheet sorts 9 before 10; any other kept as written. */
export const idCell = (id: string): string | number => (/^\d{1,15}$/.test(id) ? Number(id) : id);
