import { COLUMNS } from '../model';
import { columnKeyOf, columnOf } from '../table/columns';
import { TableError } from '../table/errors';
import { MissingColumnError, type ColumnMapping, type HeaderProblem } from '../table/header';
import { TABLE_FILE_NAME } from '../table/limits';
import type { ParseOptions } from '../table/parse-report';
import { tableRejection, type ImportPlace, type TableProblem } from '../wording/import';
import type { Importer, ImportResult } from './importer';
import { toImportSummary } from './summary';

export type { ColumnMapping, HeaderProblem, ImportPlace, TableProblem };

export type UploadOptions = ParseOptions & { dryRun?: boolean };

/** A header cell a person may name as a missing column: its position in the header, and the text as written. */
export interface HeaderChoice {
  index: number;
  cell: string;
}

/** How one upload ended, for whoever sent it: chat, dashboard or terminal. */
export type UploadOutcome =
  | { kind: 'imported'; result: ImportResult /** the import summary */; message: string }
  /** the header lacks required columns: the chat and the dashboard ask which cell is which (`message` says it as a refusal) */
  | { kind: 'needs-columns'; header: HeaderProblem /** the missing columns' names */; missing: string[]; choices: HeaderChoice[]; message: string }
  | { kind: 'rejected'; problem: TableProblem /** in Chinese, with the next step that place allows */; message: string };

export type Upload = (bytes: Buffer, fileName: string, place: ImportPlace, options?: UploadOptions) => Promise<UploadOutcome>;

/**
 * The one upload use case: import a table; if its header lacks a column, say which columns are
 * missing and which cells could be them; if it is refused, say why in the words of the place it
 * came from. Chat uploads, column answers, the dashboard and `npm run import` (directly or through
 * the running bot's inbox) all go through here. The terminal cannot be asked, so there a missing
 * column is a rejection naming `--column`.
 */
export const createUpload =
  (importer: Pick<Importer, 'importTable'>): Upload =>
  async (bytes, fileName, place, options = {}) => {
    try {
      const result = await importer.importTable(bytes, fileName, options);
      return { kind: 'imported', result, message: toImportSummary(result, options.dryRun) };
    } catch (err) {
      if (!(err instanceof TableError)) throw err;
      const problem: TableProblem = { code: err.code, details: err.details };
      const message = tableRejection(problem, place);
      if (err instanceof MissingColumnError && place !== 'terminal') {
        return { kind: 'needs-columns', header: err.header, missing: err.header.missing.map((k) => COLUMNS[k]), choices: headerChoices(err.header), message };
      }
      return { kind: 'rejected', problem, message };
    }
  };

/** Each non-empty header cell once, those nothing recognised first: the missing column is most likely among them. */
const headerChoices = (header: HeaderProblem): HeaderChoice[] => {
  const seen = new Set<string>();
  return header.cells
    .map((cell, index) => ({ cell: cell.trim(), index }))
    .filter(({ cell }) => cell !== '' && !seen.has(cell) && Boolean(seen.add(cell)))
    .sort((a, b) => Number(columnOf(a.cell) !== undefined) - Number(columnOf(b.cell) !== undefined) || a.index - b.index);
};

/** Whether a file's name says it is a table the importer reads (.tsv, .csv, .xlsx). */
export const isTableFileName = (name: string): boolean => TABLE_FILE_NAME.test(name);

/** Whether a person's answer names a column a mapping may use (canonical or listed name). */
export const isColumnName = (name: string): boolean => columnKeyOf(name) !== undefined;
