/**
 * Why a table was rejected. The code and the details are what a person is told: src/wording/import.ts
 * words them for the chat, the dashboard and the terminal, each with the next step that person can
 * take there. The English message is for the log only (it names the file, the row as seen in the
 * file — 1-based, counting the title and blank lines —, the column by its header name, and the value);
 * a library's own message (exceljs, csv-parse) goes into it, never into the details a person reads.
 */
export type TableErrorCode =
  | 'empty'
  | 'no-text'
  | 'too-large'
  | 'too-many-rows'
  | 'old-xls'
  | 'binary'
  | 'unreadable'
  | 'encoding'
  | 'xlsx'
  | 'no-sheet'
  | 'no-header'
  | 'missing-column'
  | 'unknown-column'
  | 'bad-status'
  | 'bad-id'
  | 'duplicate-id'
  | 'orphan-continuation'
  | 'no-targets'
  | 'no-year';

/** Which file a problem is in: in a workbook of several sheets, which sheet too. */
export interface TableWhere {
  file: string;
  sheet?: string;
}

export interface TableErrorDetails extends TableWhere {
  row?: number;
  column?: string;
  value?: string;
  /** too-large, too-many-rows: what went over the limit, how much, and the limit */
  measure?: 'bytes' | 'unpacked-bytes' | 'columns' | 'cells' | 'rows';
  actual?: number;
  limit?: number;
  /** bad-status: what the column takes — 是/否, or a status word */
  expects?: 'yes-no' | 'verdict';
  /** duplicate-id: the row that already uses the 序号; bad-id: the target whose 序号 is empty */
  firstRow?: number;
  target?: string;
  /** encoding: the byte-order mark the file starts with */
  bom?: string;
  /** no-header: the columns looked for; missing-column: the required columns missing, the header cells found */
  expected?: string[];
  missing?: string[];
  found?: string[];
  /** missing-column: a header cell nothing recognised, most likely the missing column */
  suggestion?: string;
  /** unknown-column: the column names a mapping may use */
  columns?: string[];
}

export class TableError extends Error {
  override readonly name = 'TableError';

  constructor(
    readonly code: TableErrorCode,
    readonly details: TableErrorDetails,
    /** for the log: English, may quote a library's message */
    problem: string,
  ) {
    super(`${locate(details)}: ${problem}`);
  }
}

const locate = ({ file, sheet, row, column }: TableErrorDetails): string =>
  [`table ${file}${sheet === undefined ? '' : ` (sheet ${sheet})`}`, row === undefined ? '' : `row ${row}`, column === undefined ? '' : `column ${column}`].filter(Boolean).join(', ');

/** Longest cell value kept in an error: one bad cell cannot flood a chat. */
const VALUE_CHARS = 40;

/** Shortens a cell value for an error's details. */
export const cellValue = (value: string): string => (value.length > VALUE_CHARS ? `${value.slice(0, VALUE_CHARS)}…` : value);

/** Quotes a cell value for the log message, shortened like the details. */
export const quote = (value: string): string => JSON.stringify(cellValue(value));
