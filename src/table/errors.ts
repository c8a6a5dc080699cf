/**
 * Why a table was rejected. Every message names the input: the file, and where
 * it can the row as seen in the file (1-based, counting the title and blank
 * lines), the column by its header name, and the offending value.
 */
export type TableErrorCode =
  | 'empty'
  | 'too-large'
  | 'too-many-rows'
  | 'binary'
  | 'encoding'
  | 'xlsx'
  | 'no-header'
  | 'missing-column'
  | 'bad-status'
  | 'bad-id'
  | 'duplicate-id'
  | 'orphan-continuation'
  | 'no-targets'
  | 'no-year';

export interface TableErrorDetails {
  file: string;
  row?: number;
  column?: string;
  value?: string;
}

export class TableError extends Error {
  override readonly name = 'TableError';

  constructor(
    readonly code: TableErrorCode,
    readonly details: TableErrorDetails,
    problem: string,
  ) {
    super(`${locate(details)}: ${problem}`);
  }
}

const locate = ({ file, row, column }: TableErrorDetails): string =>
  [`table ${file}`, row === undefined ? '' : `row ${row}`, column === undefined ? '' : `column ${column}`]
    .filter(Boolean)
    .join(', ');

/** Quotes a cell value for an error message, shortened so one bad cell cannot flood a chat. */
export const quote = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
