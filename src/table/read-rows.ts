import { parse } from 'csv-parse/sync';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TableError } from './errors';
import { TABLE_LIMITS } from './limits';
import { unpackedZipSize } from './zip-size';

/** One row of cells with its row number as seen in the file (1-based). */
export interface RawRow {
  row: number;
  cells: string[];
}

/**
 * Splits delimited text into rows. Tab-separated when the text has tabs (the
 * seed and Excel's "text" export), comma-separated otherwise; quoted fields may
 * span lines, so row numbers come from the parser, not from splitting lines.
 *
 * Tab-separated text without a single double quote cannot hold a quoted field,
 * so it is split directly: csv-parse spends ~30 µs a row, which made a 10k-row
 * table take most of a second to load.
 */
export const readTextRows = (text: string, file: string): RawRow[] => {
  // Trailing newlines end the last row; they are not rows of their own (else 100,000 targets count as 100,001 rows).
  const body = text.replace(/^\uFEFF/, '').replace(/(?:\r?\n|\r)+$/, '');
  const delimiter = body.includes('\t') ? '\t' : ',';
  if (delimiter === '\t' && !body.includes('"')) {
    return body.split(/\r?\n|\r/).map((line, i) => ({ row: i + 1, cells: line.split('\t') }));
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new TableError('binary', { file, row: line }, `not a readable table: ${(error as Error).message}`);
  }
  // A record starts on the line after the previous one ended (multi-line quoted cells make them differ).
  let nextLine = 1;
  return records.map(({ record, info }) => {
    const row = { row: nextLine, cells: record };
    nextLine = info.lines + 1;
    return row;
  });
};

/** One worksheet's rows, with the sheet's name as Excel shows it on its tab. */
export interface Sheet {
  name: string;
  rows: RawRow[];
}

/**
 * Reads the worksheets of an .xlsx workbook that hold anything, in tab order; row numbers are Excel's.
 *
 * Two passes. First every sheet is streamed (exceljs's WorkbookReader) and only counted:
 * rows, columns and cells are checked against TABLE_LIMITS as they arrive, so a small
 * file of millions of near-empty rows is refused at the first row over the limit, in
 * bounded memory, yielding to other work between chunks. Only a workbook within the limits
 * is then built whole, because merged cells (a 序号 merged over its continuation rows)
 * are resolved only by the full reader, which builds every sheet.
 */
export const readXlsxSheets = async (bytes: Buffer, file: string): Promise<Sheet[]> => {
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === undefined) throw new TableError('xlsx', { file }, 'the .xlsx file is damaged (no zip directory)');
  if (unpacked > TABLE_LIMITS.maxXlsxUnpackedBytes) {
    throw new TableError('too-large', { file }, `the .xlsx would unpack to ${unpacked} bytes, over the ${TABLE_LIMITS.maxXlsxUnpackedBytes} limit`);
  }
  await checkXlsxSize(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new TableError('xlsx', { file }, `not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: RawRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text ?? '';
      });
      rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
    });
    return { name: sheet.name, rows };
  });
  const used = sheets.filter((s) => s.rows.length > 0);
  if (sheets.length === 0) throw new TableError('xlsx', { file }, 'the workbook has no worksheet');
  return used.length > 0 ? used : [sheets[0]!];
};

/** Rows a sheet may have: the data rows, the header and the rows above it. */
const MAX_SHEET_ROWS = TABLE_LIMITS.maxRows + TABLE_LIMITS.headerSearchRows + 1;

/** The streaming pass of readXlsxRows: throws TableError at the first row, column or cell over the limits. */
const checkXlsxSize = async (bytes: Buffer, file: string): Promise<void> => {
  const input = Readable.from([bytes]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'ignore', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let cells = 0;
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      let rows = 0;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        rows += 1;
        // Counted, not read from the row's number: a forged sheet can give every row the same one.
        if (rows > MAX_SHEET_ROWS || row.number > MAX_SHEET_ROWS) {
          throw new TableError('too-many-rows', { file }, `sheet ${sheets} has more than ${MAX_SHEET_ROWS} rows; a table may have at most ${TABLE_LIMITS.maxRows} rows below its header`);
        }
        const columns = row.cellCount;
        if (columns > TABLE_LIMITS.maxXlsxColumns) {
          throw new TableError('too-large', { file, row: row.number }, `row ${row.number} of sheet ${sheets} has ${columns} columns, over the limit of ${TABLE_LIMITS.maxXlsxColumns}`);
        }
        cells += columns;
        if (cells > TABLE_LIMITS.maxXlsxCells) {
          throw new TableError('too-large', { file, row: row.number }, `the workbook has more than ${TABLE_LIMITS.maxXlsxCells} cells (row ${row.number} of sheet ${sheets} reached); save a table this large as CSV, which may have up to ${TABLE_LIMITS.maxRows} rows`);
        }
      }
    }
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError('xlsx', { file }, `not a readable .xlsx workbook: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
};
