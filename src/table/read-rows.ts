import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { TableError } from './errors';
import { TABLE_LIMITS } from './limits';
import { StringDecoder } from 'node:string_decoder';
import { entryStream, zipEntries, type ZipEntry } from './zip';

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
    throw new TableError('unreadable', { file, ...(line === undefined ? {} : { row: line }) }, `not a readable table: ${(error as Error).message}`);
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
 * Two passes. First every sheet is streamed and only counted (checkXlsxSize), against
 * TABLE_LIMITS. Only a workbook within the limits is then built whole, because merged
 * cells (a 序号 merged over its continuation rows) are resolved only by exceljs's full
 * reader, which builds every sheet.
 */
export const readXlsxSheets = async (bytes: Buffer, file: string): Promise<Sheet[]> => {
  const entries = zipEntries(bytes);
  if (entries === undefined) throw new TableError('xlsx', { file }, 'the .xlsx file is damaged (no zip directory)');
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (unpacked > TABLE_LIMITS.maxXlsxUnpackedBytes) {
    throw new TableError(
      'too-large',
      { file, measure: 'unpacked-bytes', actual: unpacked, limit: TABLE_LIMITS.maxXlsxUnpackedBytes },
      `the .xlsx would unpack to ${unpacked} bytes, over the ${TABLE_LIMITS.maxXlsxUnpackedBytes} limit`,
    );
  }
  await checkXlsxSize(bytes, file, entries);
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
  if (sheets.length === 0) throw new TableError('no-sheet', { file }, 'the workbook has no worksheet');
  // an all-empty workbook keeps its first sheet, so the error says the table is empty
  const used = sheets.filter((s) => s.rows.length > 0);
  return used.length > 0 ? used : sheets.slice(0, 1);
};

/** Rows a sheet may have: the data rows, the header and the rows above it. */
const MAX_SHEET_ROWS = TABLE_LIMITS.maxRows + TABLE_LIMITS.headerSearchRows + 1;

/** The worksheets' XML inside the zip. */
const SHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/;
/** `<row …>` and `<c …>` start tags, with or without a namespace prefix (`<x:row>`), self-closing or not. */
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g;
const CELL_COLUMN = /\br="([A-Z]{1,3})\d+"/;
/** A tag longer than this is no spreadsheet's: the file is refused rather than buffered. */
const MAX_TAG_CHARS = 64 * 1024;

/** A, Z, AA, XFD → 1, 26, 27, 16384 */
const columnNumber = (letters: string): number => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * The first pass of readXlsxSheets: every sheet's XML is inflated chunk by chunk and its row and
 * cell tags counted, so a small file of millions of near-empty rows is refused at the first row
 * over the limit, in bounded memory, yielding to other work between chunks. Rows are counted, not
 * read from their numbers: a forged sheet can give every row the same one. A row's width is its
 * last cell's column, as the full reader builds cells up to it.
 */
const checkXlsxSize = async (bytes: Buffer, file: string, entries: readonly ZipEntry[]): Promise<void> => {
  let cells = 0;
  let sheet = 0;
  for (const entry of entries.filter((e) => SHEET_ENTRY.test(e.name))) {
    sheet += 1;
    let rows = 0;
    let width = 0;
    const endRow = (): void => {
      if (rows === 0) return;
      if (width > TABLE_LIMITS.maxXlsxColumns) {
        throw new TableError(
          'too-large',
          { file, row: rows, measure: 'columns', actual: width, limit: TABLE_LIMITS.maxXlsxColumns },
          `row ${rows} of sheet ${sheet} has ${width} columns, over the limit of ${TABLE_LIMITS.maxXlsxColumns}`,
        );
      }
      cells += width;
      if (cells > TABLE_LIMITS.maxXlsxCells) {
        throw new TableError(
          'too-large',
          { file, row: rows, measure: 'cells', limit: TABLE_LIMITS.maxXlsxCells },
          `the workbook has more than ${TABLE_LIMITS.maxXlsxCells} cells (row ${rows} of sheet ${sheet} reached); save a table this large as CSV, which may have up to ${TABLE_LIMITS.maxRows} rows`,
        );
      }
    };
    const decoder = new StringDecoder('utf8');
    let carry = '';
    let stream: ReturnType<typeof entryStream>;
    try {
      stream = entryStream(bytes, entry);
    } catch (error) {
      throw new TableError('xlsx', { file }, `not a readable .xlsx workbook: ${(error as Error).message}`);
    }
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = carry + decoder.write(chunk);
        // a tag cut by the chunk's end waits for the next chunk
        const cut = text.lastIndexOf('<');
        const complete = cut >= 0 && text.indexOf('>', cut) < 0 ? cut : text.length;
        carry = text.slice(complete);
        if (carry.length > MAX_TAG_CHARS) throw new TableError('xlsx', { file }, `sheet ${sheet} has a tag longer than ${MAX_TAG_CHARS} characters`);
        for (const [, tag, attributes] of text.slice(0, complete).matchAll(TAG)) {
          if (tag === 'row') {
            endRow();
            rows += 1;
            width = 0;
            if (rows > MAX_SHEET_ROWS) {
              throw new TableError(
                'too-many-rows',
                { file, measure: 'rows', limit: TABLE_LIMITS.maxRows },
                `sheet ${sheet} has more than ${MAX_SHEET_ROWS} rows; a table may have at most ${TABLE_LIMITS.maxRows} rows below its header`,
              );
            }
          } else {
            const column = CELL_COLUMN.exec(attributes!)?.[1];
            width = column === undefined ? width + 1 : Math.max(width, columnNumber(column));
          }
        }
      }
      endRow();
    } catch (error) {
      if (error instanceof TableError) throw error;
      throw new TableError('xlsx', { file }, `not a readable .xlsx workbook: ${(error as Error).message}`);
    } finally {
      stream.destroy();
    }
  }
};
