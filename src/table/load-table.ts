import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Report } from '../model';
import { decodeTable } from './decode';
import { TableError, type TableErrorCode } from './errors';
import { TABLE_LIMITS } from './limits';
import { parseReport, type ParseOptions } from './parse-report';
import { readTextRows, readXlsxSheets, type Sheet } from './read-rows';

/**
 * Parses a progress table (TSV, CSV or .xlsx; UTF-8, UTF-16 or GB18030 text)
 * into a Report. The format is detected from the bytes; the name is only used
 * in messages. Throws TableError naming the file, row, column and value.
 */
export const parseTable = async (bytes: Buffer, fileName: string, options: ParseOptions = {}): Promise<Report> => {
  const file = basename(fileName);
  if (bytes.length > TABLE_LIMITS.maxFileBytes) {
    throw new TableError(
      'too-large',
      { file, measure: 'bytes', actual: bytes.length, limit: TABLE_LIMITS.maxFileBytes },
      `the file is ${bytes.length} bytes, over the ${TABLE_LIMITS.maxFileBytes}-byte limit`,
    );
  }
  const decoded = decodeTable(bytes, file);
  if (decoded.kind === 'xlsx') return parseWorkbook(await readXlsxSheets(bytes, file), { file, format: 'xlsx', bytes }, options);
  return parseReport(readTextRows(decoded.text, file), { file, format: decoded.encoding, bytes }, options);
};

/** Errors that mean "this sheet is not the table" rather than "the table is wrong". */
const NOT_A_TABLE: ReadonlySet<TableErrorCode> = new Set(['empty', 'no-text', 'no-header', 'missing-column', 'no-targets']);

/**
 * The table of a workbook: the first sheet, in tab order, that reads as one. Offices put a cover
 * sheet (填报说明) or a summary (汇总) before the table; a sheet whose header is found but whose
 * rows are wrong is the table, and its error stands. When no sheet reads, the error is the one of
 * the sheet that came closest (a header lacking columns, which the chat can map), else the first.
 */
const parseWorkbook = (sheets: Sheet[], source: Parameters<typeof parseReport>[1], options: ParseOptions): Report => {
  const several = sheets.length > 1;
  const errors: TableError[] = [];
  for (const sheet of sheets) {
    try {
      return parseReport(sheet.rows, { ...source, ...(several ? { sheet: sheet.name } : {}) }, options);
    } catch (error) {
      if (!(error instanceof TableError) || !NOT_A_TABLE.has(error.code)) throw error;
      errors.push(error);
    }
  }
  throw errors.find((e) => e.code === 'missing-column') ?? errors[0]!;
};

/** Reads and parses a table file; the size is checked before the file is read. */
export const readTableFile = async (path: string, options: ParseOptions = {}): Promise<Report> => {
  const { size } = await stat(path);
  if (size > TABLE_LIMITS.maxFileBytes) {
    throw new TableError(
      'too-large',
      { file: basename(path), measure: 'bytes', actual: size, limit: TABLE_LIMITS.maxFileBytes },
      `the file is ${size} bytes, over the ${TABLE_LIMITS.maxFileBytes}-byte limit`,
    );
  }
  return parseTable(await readFile(path), path, options);
};
