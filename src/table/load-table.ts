import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Report } from '../model';
import { decodeTable } from './decode';
import { TableError } from './errors';
import { TABLE_LIMITS } from './limits';
import { parseReport, type ParseOptions } from './parse-report';
import { readTextRows, readXlsxRows } from './read-rows';

/**
 * Parses a progress table (TSV, CSV or .xlsx; UTF-8, UTF-16 or GB18030 text)
 * into a Report. The format is detected from the bytes; the name is only used
 * in messages. Throws TableError naming the file, row, column and value.
 */
export const parseTable = async (bytes: Buffer, fileName: string, options: ParseOptions = {}): Promise<Report> => {
  const file = basename(fileName);
  if (bytes.length > TABLE_LIMITS.maxFileBytes) {
    throw new TableError('too-large', { file }, `the file is ${bytes.length} bytes, over the ${TABLE_LIMITS.maxFileBytes}-byte limit`);
  }
  const decoded = decodeTable(bytes, file);
  if (decoded.kind === 'xlsx') {
    return parseReport(await readXlsxRows(bytes, file), { file, format: 'xlsx', bytes }, options);
  }
  return parseReport(readTextRows(decoded.text, file), { file, format: decoded.encoding, bytes }, options);
};

/** Reads and parses a table file; the size is checked before the file is read. */
export const readTableFile = async (path: string, options: ParseOptions = {}): Promise<Report> => {
  const { size } = await stat(path);
  if (size > TABLE_LIMITS.maxFileBytes) {
    throw new TableError('too-large', { file: basename(path) }, `the file is ${size} bytes, over the ${TABLE_LIMITS.maxFileBytes}-byte limit`);
  }
  return parseTable(await readFile(path), path, options);
};
