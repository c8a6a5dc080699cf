import { COLUMNS, type ColumnKey } from '../model';
import { cleanHeader, columnKeyOf, columnOf } from './columns';
import { cellValue, TableError, type TableWhere } from './errors';
import { TABLE_LIMITS } from './limits';
import type { RawRow } from './read-rows';
import { sectionOf } from './section-row';

/** Header as written (任务名称) → the column it is (责任目标内容, 工作任务 or `text`). */
export type ColumnMapping = Readonly<Record<string, string>>;

export interface FoundHeader {
  /** index in rows of the header (its first row, when it takes two) */
  headerAt: number;
  /** index in rows of the first data row */
  dataFrom: number;
  /** column index per recognised column */
  columns: Partial<Record<ColumnKey, number>>;
  /** each column's header as the table writes it, for error messages; the canonical name when absent */
  names: Record<ColumnKey, string>;
}

/** The header a table was rejected for, so the caller can ask which column is which. */
export interface HeaderProblem {
  row: number;
  /** the header cells as written, in column order ('' for empty cells) */
  cells: string[];
  /** the required columns nothing in the header names */
  missing: ColumnKey[];
}

/** Thrown when a header row was found but names too few columns; carries what was found. */
export class MissingColumnError extends TableError {
  constructor(
    where: TableWhere,
    readonly header: HeaderProblem,
  ) {
    const found = header.cells.map((c) => c.trim()).filter(Boolean);
    const first = header.missing[0]!;
    const unused = found.find((c) => columnOf(c) === undefined);
    super(
      'missing-column',
      {
        ...where,
        row: header.row,
        column: COLUMNS[first],
        missing: header.missing.map((k) => COLUMNS[k]),
        found,
        ...(unused === undefined ? {} : { suggestion: unused }),
      },
      `the header lacks ${header.missing.map((k) => COLUMNS[k]).join(', ')}` + ` (found ${found.join(', ')}); name it with --column ${unused ?? '表头'}=${COLUMNS[first]}`,
    );
  }
}

const KEYS = Object.keys(COLUMNS) as ColumnKey[];
/** The header of the table the bot ships with, named when no header is found at all. */
const SEED_HEADER = (['id', 'leader', 'text', 'deadline', 'progress', 'onSchedule', 'units'] as const).map((k) => COLUMNS[k]);

/** The required columns a set of found ones lacks: text, units, and a status (是否… or a verdict). */
const missingOf = (found: Partial<Record<ColumnKey, number>>): ColumnKey[] => {
  const missing: ColumnKey[] = [];
  if (found.text === undefined) missing.push('text');
  if (found.onSchedule === undefined && found.verdict === undefined) missing.push('onSchedule');
  if (found.units === undefined) missing.push('units');
  return missing;
};

/**
 * Finds the header: among the top rows, the one naming the most columns (at
 * least three); a title or a 填报单位 line names fewer. A second header row
 * below it (责任单位 over 牵头 | 配合) refines the columns it spans. Explicit
 * `mapping` entries win over recognition. A header naming no status column may
 * still have one under a looser name (进度, 完成结果): see statusByContent.
 * Throws MissingColumnError when the
 * best row still lacks a required column, TableError when no row qualifies.
 */
export const findHeader = (rows: RawRow[], where: TableWhere, mapping: ColumnMapping = {}, remembered: readonly ColumnMapping[] = [], isStatus?: (cell: string) => boolean): FoundHeader => {
  const limit = Math.min(rows.length, TABLE_LIMITS.headerSearchRows);
  const mapped = toMapped(mapping, applicable(rows.slice(0, limit), remembered), where);
  let best: { at: number; keys: (ColumnKey | undefined)[]; count: number } | undefined;
  const counts: number[] = [];
  for (let i = 0; i < limit; i += 1) {
    const keys = rows[i]!.cells.map((cell) => recognise(cell, mapped));
    counts[i] = new Set(keys.filter(Boolean)).size;
    if (counts[i]! >= 3 && counts[i]! > (best?.count ?? 0)) best = { at: i, keys, count: counts[i]! };
  }
  // A workbook's two-row header repeats merged names in the second row, which may then name the most columns.
  if (best && best.at > 0 && counts[best.at - 1]! >= 3) {
    const at = best.at - 1;
    best = { at, keys: rows[at]!.cells.map((cell) => recognise(cell, mapped)), count: counts[at]! };
  }
  if (!best && rows.every((r) => r.cells.every((c) => c.trim() === ''))) throw new TableError('no-text', where, 'the table has no text in any cell');
  if (!best) {
    throw new TableError(
      'no-header',
      { ...where, limit, expected: [...SEED_HEADER] },
      `no header row found in the first ${limit} rows; expected the columns ${SEED_HEADER.join(', ')} (or other offices' names for them, listed in the README)`,
    );
  }
  let { keys } = best;
  let dataFrom = best.at + 1;
  const headerCells = [...rows[best.at]!.cells];
  const sub = rows[dataFrom] ? subHeader(rows[best.at]!.cells, rows[dataFrom]!.cells, mapped) : undefined;
  if (sub) {
    keys = keys.map((k, col) => sub[col] ?? k);
    rows[dataFrom]!.cells.forEach((c, col) => {
      if (c.trim()) headerCells[col] = `${headerCells[col] ?? ''}${c.trim()}`;
    });
    dataFrom += 1;
  }

  if (isStatus) {
    const sample = rows.slice(dataFrom, dataFrom + 200);
    // 序时进度 may hold 75% rather than a verdict: such a column is no status column
    keys = keys.map((k, col) => (k === 'verdict' && !holdsStatus(sample, col, isStatus, 0.5) ? undefined : k));
    if (!keys.includes('onSchedule') && !keys.includes('verdict')) {
      const col = statusByContent(headerCells, keys, sample, isStatus);
      if (col !== undefined) keys = keys.map((k, c) => (c === col ? 'verdict' : k));
    }
  }
  // A listed name (工作任务) wins over a pattern match (任务来源) for the same column; else the leftmost.
  const columns: Partial<Record<ColumnKey, number>> = {};
  for (const listedOnly of [true, false]) {
    keys.forEach((key, col) => {
      if (key && columns[key] === undefined && (!listedOnly || isListed(headerCells[col] ?? '', mapped))) columns[key] = col;
    });
  }
  const missing = missingOf(columns);
  if (missing.length > 0) throw new MissingColumnError(where, { row: rows[best.at]!.row, cells: headerCells.map((c) => c ?? ''), missing });
  const names = Object.fromEntries(KEYS.map((k) => [k, columns[k] === undefined ? COLUMNS[k] : (headerCells[columns[k]!] ?? '').trim() || COLUMNS[k]])) as Record<ColumnKey, string>;
  return { headerAt: best.at, dataFrom, columns, names };
};

/**
 * The remembered mappings that fit this table: every header name they map is a
 * cell of one of its top rows. Newest first in, so the newest wins a conflict.
 */
const applicable = (top: RawRow[], remembered: readonly ColumnMapping[]): ColumnMapping[] => {
  const rowsOfCells = top.map((r) => new Set(r.cells.map(cleanHeader).filter(Boolean)));
  return remembered.filter((m) => {
    const names = Object.keys(m).map(cleanHeader);
    return names.length > 0 && rowsOfCells.some((cells) => names.every((n) => cells.has(n)));
  });
};

/** Explicit entries win over remembered ones, newer remembered ones over older ones. */
const toMapped = (mapping: ColumnMapping, remembered: ColumnMapping[], where: TableWhere): Map<string, ColumnKey> => {
  const out = new Map<string, ColumnKey>();
  for (const [header, column] of [...remembered]
    .reverse()
    .flatMap((m) => Object.entries(m))
    .concat(Object.entries(mapping))) {
    const key = columnKeyOf(column);
    if (!key) {
      throw new TableError(
        'unknown-column',
        { ...where, column: cellValue(header), value: cellValue(column), columns: Object.values(COLUMNS) },
        `--column ${header}=${column}: ${column} is not a column; use one of ${Object.values(COLUMNS).join(', ')}`,
      );
    }
    out.set(cleanHeader(header), key);
  }
  return out;
};

const isListed = (cell: string, mapped: Map<string, ColumnKey>): boolean => mapped.has(cleanHeader(cell)) || columnKeyOf(cell) !== undefined;

const recognise = (cell: string, mapped: Map<string, ColumnKey>): ColumnKey | undefined => mapped.get(cleanHeader(cell)) ?? columnOf(cell);

/**
 * A second header row under a first: every filled cell names a column by
 * itself (是否达到序时进度) or together with the header above it (责任单位 +
 * 牵头). Returns the refined key per column, or undefined when the row is data.
 */
const subHeader = (top: string[], below: string[], mapped: Map<string, ColumnKey>): (ColumnKey | undefined)[] | undefined => {
  // a section row (一、聚力项目建设，增强发展动能) may sound like a column (项目, 建设) but is data: the first section
  if (sectionOf(below) !== undefined) return undefined;
  const keys: (ColumnKey | undefined)[] = [];
  let parent = '';
  let filled = 0;
  for (let col = 0; col < below.length; col += 1) {
    if (top[col]?.trim()) parent = top[col]!.trim();
    const cell = below[col]?.trim() ?? '';
    if (!cell) continue;
    // Only cells that name a column by themselves (牵头 and 配合 do) make a header row: a data row
    // of short cells (1, 张三) would otherwise pass as one once its column's header is put in front.
    const alone = mapped.get(cleanHeader(cell)) ?? columnKeyOf(cell) ?? columnOf(cell);
    if (!alone) return undefined;
    const key = mapped.get(cleanHeader(cell)) ?? columnKeyOf(cell) ?? columnOf(`${parent}${cell}`) ?? alone;
    keys[col] = key;
    filled += 1;
  }
  return filled > 0 ? keys : undefined;
};

/** Headers that may hide a status column; 备注 and the like do not, whatever they hold. */
const STATUS_LIKE = /进度|完成|推进|情况|状态|结果|评价|序时|是否|达标|成效/;

/**
 * The column whose header sounds like progress (进度, 完成结果) and whose cells
 * are nearly all status words (是/否, 已完成, 滞后): offices that name the status
 * column loosely still get it read. Undefined when no column is that clear.
 */
const statusByContent = (header: string[], keys: (ColumnKey | undefined)[], data: RawRow[], isStatus: (cell: string) => boolean): number | undefined => {
  for (let col = 0; col < header.length; col += 1) {
    const name = cleanHeader(header[col] ?? '');
    if (!STATUS_LIKE.test(name) || (keys[col] !== undefined && keys[col] !== 'progress')) continue;
    const values = data.map((r) => (r.cells[col] ?? '').trim()).filter(Boolean);
    if (values.length < 2 || values.some((v) => v.length > 12)) continue;
    if (holdsStatus(data, col, isStatus, 0.9)) return col;
  }
  return undefined;
};

/** True when at least `share` of a column's filled cells are status words (or it has none to judge by). */
const holdsStatus = (data: RawRow[], col: number, isStatus: (cell: string) => boolean, share: number): boolean => {
  const values = data.map((r) => (r.cells[col] ?? '').trim()).filter(Boolean);
  return values.length === 0 || values.filter(isStatus).length >= values.length * share;
};
