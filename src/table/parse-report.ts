import { createHash } from 'node:crypto';
import { COLUMNS, type ColumnKey, type Report, type ReportSource, type Target } from '../model';
import { toHalfWidth } from '../text/normalize';
import { toDeadline } from './deadline';
import { quote, TableError } from './errors';
import { TABLE_LIMITS } from './limits';
import type { RawRow } from './read-rows';
import { readReportMeta } from './report-meta';

/**
 * Header names accepted for each column, besides the canonical one in COLUMNS.
 * County and district tables say 县政府领导 / 区政府领导; some offices write 责任领导.
 */
const HEADER_ALIASES: Record<ColumnKey, string[]> = {
  id: ['编号'],
  leader: ['政府领导', '县政府领导', '区政府领导', '责任领导', '分管领导', '市领导'],
  text: ['目标内容', '责任目标', '工作目标'],
  deadline: ['完成时间', '时限'],
  progress: ['进展情况', '推进情况', '工作进展'],
  onSchedule: ['是否按计划完成', '是否按进度完成', '是否按计划推进'],
  units: ['牵头单位', '责任部门'],
};

const KEYS = Object.keys(COLUMNS) as ColumnKey[];
const cleanHeader = (cell: string): string => toHalfWidth(cell).replace(/[\s*＊]/g, '');
const columnOf = (cell: string): ColumnKey | undefined => {
  const name = cleanHeader(cell);
  return KEYS.find((k) => COLUMNS[k] === name) ?? KEYS.find((k) => HEADER_ALIASES[k].includes(name));
};

export interface ParseOptions {
  /** overrides for tables whose title does not say the year or period */
  year?: number;
  period?: string;
  asOf?: string;
}

/**
 * Builds a Report from a table's rows, or throws a TableError naming the row,
 * column and value of the first problem. Nothing is partially accepted.
 */
export const parseReport = (
  rows: RawRow[],
  source: Omit<ReportSource, 'sha256'> & { bytes: Buffer },
  options: ParseOptions = {},
): Report => {
  const file = source.file;
  const { headerAt, columns } = findHeader(rows, file);
  const title = rows
    .slice(0, headerAt)
    .map((r) => r.cells.map((c) => c.trim()).filter(Boolean).join(' '))
    .filter(Boolean)
    .join(' ');

  const meta = readReportMeta(title, file);
  const year = options.year ?? meta.year;
  if (year === undefined) {
    throw new TableError('no-year', { file }, 'cannot tell the report year from the title or the file name; give it explicitly (--year 2022)');
  }
  const dataRows = rows.slice(headerAt + 1);
  if (dataRows.length > TABLE_LIMITS.maxRows) {
    throw new TableError('too-many-rows', { file }, `${dataRows.length} rows is over the limit of ${TABLE_LIMITS.maxRows}`);
  }

  const targets = new Map<string, Target>();
  let previous: Target | undefined;
  for (const { row, cells } of dataRows) {
    const cell = (key: ColumnKey): string => (cells[columns[key]] ?? '').trim();
    const assignmentCells = [cell('leader'), cell('units'), cell('progress'), cell('onSchedule'), cell('deadline')];
    // Blank rows, and section or note rows (一、经济发展 / 注：…) that carry no assignment, are not targets.
    if (assignmentCells.every((c) => c === '')) continue;

    const rawId = cell('id');
    const id = toHalfWidth(rawId).replace(/\s+/g, '').replace(/[.、]$/, '');
    const text = cell('text');
    const status = cell('onSchedule');
    if (status !== '是' && status !== '否') {
      throw new TableError('bad-status', { file, row, column: COLUMNS.onSchedule, value: status }, `expected 是 or 否, got ${quote(status)}`);
    }
    if (id !== '' && !/^[0-9A-Za-z][0-9A-Za-z_-]{0,15}$/.test(id)) {
      throw new TableError('bad-id', { file, row, column: COLUMNS.id, value: rawId }, `expected a number like 57, got ${quote(rawId)}`);
    }

    const assignment = {
      leader: cell('leader'),
      units: cell('units').split(/[\s、，,;；]+/).filter(Boolean),
      progress: cell('progress'),
      onSchedule: status === '是',
      row,
    };

    if (text === '') {
      // A continuation row: same 序号 (or an empty one, from merged cells) adds an assignment.
      const owner = id === '' ? previous : targets.get(id);
      if (!owner) {
        throw new TableError(
          'orphan-continuation',
          { file, row, column: COLUMNS.text, value: rawId },
          id === '' ? 'empty 序号 and target text with no target above it' : `empty target text, and no earlier target has 序号 ${quote(id)}`,
        );
      }
      owner.assignments.push(assignment);
      previous = owner;
      continue;
    }
    if (id === '') {
      throw new TableError('bad-id', { file, row, column: COLUMNS.id, value: '' }, `序号 is empty for target ${quote(text)}`);
    }
    const existing = targets.get(id);
    if (existing) {
      if (existing.text !== text) {
        throw new TableError(
          'duplicate-id',
          { file, row, column: COLUMNS.id, value: id },
          `序号 ${id} is already used on row ${existing.assignments[0]!.row} for a different target (${quote(existing.text)} vs ${quote(text)})`,
        );
      }
      existing.assignments.push(assignment);
      previous = existing;
      continue;
    }
    previous = { id, text, deadline: toDeadline(cell('deadline'), year), assignments: [assignment] };
    targets.set(id, previous);
  }
  if (targets.size === 0) throw new TableError('no-targets', { file }, 'the header was found but no target rows follow it');

  return {
    title: title || file,
    city: meta.city,
    year,
    period: options.period ?? meta.period,
    asOf: options.asOf ?? meta.asOf ?? `${year}-12-31`,
    source: { file, format: source.format, sha256: createHash('sha256').update(source.bytes).digest('hex') },
    targets: [...targets.values()],
  };
};

/**
 * The header is the first row (among the top rows) that names at least three of
 * the required columns; it then must name all of them, in any order.
 */
const findHeader = (rows: RawRow[], file: string): { headerAt: number; columns: Record<ColumnKey, number> } => {
  const limit = Math.min(rows.length, TABLE_LIMITS.headerSearchRows);
  for (let i = 0; i < limit; i += 1) {
    const found = new Map<ColumnKey, number>();
    rows[i]!.cells.forEach((cell, col) => {
      const key = columnOf(cell);
      if (key && !found.has(key)) found.set(key, col);
    });
    if (found.size < 3) continue;
    const missing = KEYS.filter((k) => !found.has(k));
    if (missing.length > 0) {
      throw new TableError(
        'missing-column',
        { file, row: rows[i]!.row, column: COLUMNS[missing[0]!] },
        `the header lacks ${missing.map((k) => COLUMNS[k]).join(', ')}`,
      );
    }
    return { headerAt: i, columns: Object.fromEntries(found) as Record<ColumnKey, number> };
  }
  throw new TableError('no-header', { file }, `no header row found in the first ${limit} rows; expected the columns ${Object.values(COLUMNS).join(', ')}`);
};
