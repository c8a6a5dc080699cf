import { parse } from 'csv-parse/sync';
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
  const body = text.replace(/^\uFEFF/, '');
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

/** Reads the first worksheet of an .xlsx workbook; row numbers are Excel's. */
export const readXlsxRows = async (bytes: Buffer, file: string): Promise<RawRow[]> => {
  const unpacked = unpackedZipSize(bytes);
  if (unpacked === undefined) throw new TableError('xlsx', { file }, 'the .xlsx file is damaged (no zip directory)');
  if (unpacked > TABLE_LIMITS.maxXlsxUnpackedBytes) {
    throw new TableError('too-large', { file }, `the .xlsx would unpack to ${unpacked} bytes, over the ${TABLE_LIMITS.maxXlsxUnpackedBytes} limit`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new TableError('xlsx', { file }, `not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableError('xlsx', { file }, 'the workbook has no worksheet');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? '';
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
};
