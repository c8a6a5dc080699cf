import { createHash } from 'node:crypto';
import { isLaggingStatus, type Assignment, type ColumnKey, type Report, type ReportSource, type Target } from '../model';
import { toHalfWidth } from '../text/normalize';
import { findHeader, type ColumnMapping } from './header';
import { toDeadline } from './deadline';
import { cellValue, quote, TableError, type TableWhere } from './errors';
import { TABLE_LIMITS } from './limits';
import type { RawRow } from './read-rows';
import { readReportMeta, yearFromDeadlines } from './report-meta';
import { createStatusReader, STATUS_WORDS, type StatusReader, type StatusWords } from './status-words';
import { sectionOf } from './section-row';
import { splitUnits } from './unit-cell';

export { sectionOf } from './section-row';

export interface ParseOptions {
  /** overrides for tables whose title does not say the year or period */
  year?: number;
  period?: string;
  asOf?: string;
  /** for tables whose title names no city (全市重点工作任务…); otherwise replies leave the city out */
  city?: string;
  /** header as written → column (canonical name, listed name or key): 任务名称 → 责任目标内容 */
  columns?: ColumnMapping;
  /** mappings that made earlier tables import; each applies when the header has every name it maps */
  remembered?: ColumnMapping[];
  /** status words per kind; the defaults plus data/aliases.json's `verdicts` */
  statusWords?: StatusWords;
}

const readers = new WeakMap<StatusWords, StatusReader>();
const readerFor = (words: StatusWords = STATUS_WORDS): StatusReader => readers.get(words) ?? readers.set(words, createStatusReader(words)).get(words)!;

/**
 * Builds a Report from a table's rows, or throws a TableError naming the row,
 * column and value of the first problem. Nothing is partially accepted.
 */
export const parseReport = (rows: RawRow[], source: Omit<ReportSource, 'sha256'> & { bytes: Buffer; sheet?: string }, options: ParseOptions = {}): Report => {
  // in a workbook of several sheets, errors name the sheet too
  const file: TableWhere = source.sheet === undefined ? { file: source.file } : { file: source.file, sheet: source.sheet };
  const readStatus = readerFor(options.statusWords);
  const { headerAt, dataFrom, columns, names } = findHeader(rows, file, options.columns, options.remembered, (c) => readStatus(c) !== undefined);
  // A title merged across the row comes back once per cell: keep it once.
  const title = rows
    .slice(0, headerAt)
    .map((r) => [...new Set(r.cells.map((c) => c.trim()).filter(Boolean))].join(' '))
    .filter(Boolean)
    .join(' ');

  const dataRows = rows.slice(dataFrom);
  const meta = readReportMeta(title, source.file);
  const year = options.year ?? meta.year ?? (columns.deadline === undefined ? undefined : yearFromDeadlines(dataRows.map((r) => r.cells[columns.deadline!] ?? '')));
  if (year === undefined) {
    throw new TableError('no-year', file, 'cannot tell the report year from the title or the file name; give it explicitly (--year 2022)');
  }
  if (dataRows.length > TABLE_LIMITS.maxRows) {
    throw new TableError('too-many-rows', { ...file, measure: 'rows', actual: dataRows.length, limit: TABLE_LIMITS.maxRows }, `${dataRows.length} rows is over the limit of ${TABLE_LIMITS.maxRows}`);
  }

  const targets = new Map<string, Target>();
  let previous: Target | undefined;
  // the section row last seen (一、民生实事): the targets below it belong to it
  let section: string | undefined;
  for (const { row, cells } of dataRows) {
    const cell = (key: ColumnKey): string => (columns[key] === undefined ? '' : fromDateText((cells[columns[key]!] ?? '').trim()));
    const statusCells = [cell('verdict'), cell('onSchedule')];
    const assignmentCells = [cell('leader'), cell('units'), cell('cooperating'), cell('progress'), ...statusCells, cell('deadline')];
    // Blank rows, and section or note rows (一、经济发展 / 注：…) that carry no assignment, are not targets;
    // nor is a heading merged across the whole row, which a workbook repeats in every cell.
    if (assignmentCells.every((c) => c === '') || isBanner(cells)) {
      section = sectionOf(cells) ?? section;
      continue;
    }

    const rawId = cell('id');
    const id =
      columns.id === undefined
        ? ''
        : toHalfWidth(rawId)
            .replace(/\s+/g, '')
            .replace(/[.、]$/, '')
            .replace(/^\((.+)\)$/, '$1');
    const text = cell('text');
    // A verdict says more than 是/否, so it is read when the row has one; an unknown one is refused, not skipped.
    const statusKey: ColumnKey = statusCells[0] !== '' || columns.onSchedule === undefined ? 'verdict' : 'onSchedule';
    const statusText = cell(statusKey);
    const status = readStatus(statusText);
    if (status === undefined) {
      throw new TableError(
        'bad-status',
        { ...file, row, column: names[statusKey], value: cellValue(statusText), expects: statusKey === 'onSchedule' ? 'yes-no' : 'verdict' },
        statusKey === 'onSchedule' ? `expected 是 or 否, got ${quote(statusText)}` : `expected a status such as 已完成, 超进度, 达进度, 欠进度, 未开工 (or 是/否), got ${quote(statusText)}`,
      );
    }
    if (id !== '' && !/^[0-9A-Za-z][0-9A-Za-z_.-]{0,15}$/.test(id) && !/^[一二三四五六七八九十百零〇]{1,6}$/.test(id)) {
      throw new TableError('bad-id', { ...file, row, column: names.id, value: cellValue(rawId) }, `expected a number like 57, got ${quote(rawId)}`);
    }

    const { lead, cooperating } = splitUnits(cell('units'));
    const assignment: Assignment = {
      leader: toLeaderCell(cell('leader')),
      units: lead,
      progress: cell('progress'),
      onSchedule: !isLaggingStatus(status) || notDueYet(status, cell('deadline'), year),
      status,
      row,
    };
    const moreCooperating = [...cooperating, ...splitUnits(cell('cooperating')).lead.filter((u) => !lead.includes(u))];
    if (moreCooperating.length > 0) assignment.cooperating = [...new Set(moreCooperating)];

    if (text === '' || (columns.id === undefined && previous?.text === text)) {
      // A continuation row: same 序号 (or an empty one, from merged cells) adds an assignment.
      const owner = id === '' ? previous : targets.get(id);
      if (!owner) {
        throw new TableError(
          'orphan-continuation',
          { ...file, row, column: names.text, value: cellValue(rawId) },
          id === '' ? 'empty 序号 and target text with no target above it' : `empty target text, and no earlier target has 序号 ${quote(id)}`,
        );
      }
      owner.assignments.push(assignment);
      previous = owner;
      continue;
    }
    // A table without a 序号 column is numbered in order, as people would count its rows.
    const targetId = columns.id === undefined ? String(targets.size + 1) : id;
    if (targetId === '') {
      throw new TableError('bad-id', { ...file, row, column: names.id, value: '', target: cellValue(text) }, `序号 is empty for target ${quote(text)}`);
    }
    const existing = targets.get(targetId);
    if (existing) {
      if (existing.text !== text) {
        throw new TableError(
          'duplicate-id',
          { ...file, row, column: names.id, value: cellValue(targetId), firstRow: existing.assignments[0]!.row, target: cellValue(text) },
          `序号 ${targetId} is already used on row ${existing.assignments[0]!.row} for a different target (${quote(existing.text)} vs ${quote(text)})`,
        );
      }
      existing.assignments.push(assignment);
      previous = existing;
      continue;
    }
    previous = { id: targetId, text, deadline: toDeadline(cell('deadline'), year), assignments: [assignment], ...(section ? { section } : {}) };
    targets.set(targetId, previous);
  }
  const verdicts = columns.verdict !== undefined || [...targets.values()].some((t) => t.assignments.some((a) => a.status !== 'on-plan' && a.status !== 'behind'));
  if (targets.size === 0) throw new TableError('no-targets', file, 'the header was found but no target rows follow it');

  return {
    title: title || source.file,
    city: options.city ?? meta.city,
    year,
    period: options.period ?? meta.period,
    asOf: options.asOf ?? meta.asOf ?? `${year}-12-31`,
    source: { file: source.file, format: source.format, sha256: createHash('sha256').update(source.bytes).digest('hex') },
    ...(verdicts ? { verdicts } : {}),
    targets: [...targets.values()],
  };
};

/** A row whose non-empty cells all say the same thing: a heading merged across the row. */
const isBanner = (cells: string[]): boolean => {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 1 && filled.every((c) => c === filled[0]);
};

/**
 * exceljs gives a date cell as JavaScript's Date text (Sun Dec 31 2023 00:00:00 GMT+0000);
 * read it back as the day it names, written as people write deadlines.
 */
const fromDateText = (text: string): string => {
  if (!/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT/.test(text)) return text;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
};

/** 张　鹏 (a two-character name padded to line up with three-character ones) → 张鹏. */
/**
 * 未启动 on a row due after the report's year (2025年6月 in a 2024 table) is waiting for its time, not behind it:
 * on schedule, still shown as 未启动. Due this year or with no date, not starting is lagging.
 */
const notDueYet = (status: string, deadline: string, year: number): boolean => {
  if (status !== 'not-started') return false;
  const due = toDeadline(deadline, year);
  return due.kind === 'date' && due.date > `${year}-12-31`;
};

const toLeaderCell = (text: string): string => (!/\s/.test(text) ? text : text.replace(/(^|[、，,;；\s])(\p{Script=Han})[\s\u3000]+(\p{Script=Han})(?=$|[、，,;；\s])/gu, '$1$2$3'));
