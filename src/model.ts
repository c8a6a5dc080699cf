/**
 * The progress table's own concepts, named once and used everywhere.
 *
 * A Report is one imported table (one city, one period). It holds Targets
 * (责任目标), each with one or more Assignments: a continuation row in the
 * table (same 序号, empty target text) adds another leader/units/progress to
 * the target above it.
 */

/** The column names a progress table must have, in the table's own words. */
export const COLUMNS = {
  id: '序号',
  leader: '市政府领导',
  text: '责任目标内容',
  deadline: '完成时限',
  progress: '完成情况',
  onSchedule: '是否按计划完成进度',
  units: '责任单位',
} as const;

export type ColumnKey = keyof typeof COLUMNS;

/**
 * 完成时限 as written, plus what it means:
 * - `date`: a calendar day (年底 → the report year's 12-31, 8月底 → 08-31, 2023年6月底 → 2023-06-30);
 * - `ongoing`: 长期坚持 and similar, no date;
 * - `other`: wording we do not understand, kept for display only.
 */
export type Deadline =
  | { kind: 'date'; text: string; date: string }
  | { kind: 'ongoing'; text: string }
  | { kind: 'other'; text: string };

export interface Assignment {
  /** 市政府领导 */
  leader: string;
  /** 责任单位, one cell split on spaces, 、 and ， */
  units: string[];
  /** 完成情况, the full progress text */
  progress: string;
  /** 是否按计划完成进度: 是 → true, 否 → false */
  onSchedule: boolean;
  /** the row number as seen in the file (1-based), for error messages and audits */
  row: number;
}

export interface Target {
  /** 序号, kept as text ("57") because that is how people quote it */
  id: string;
  /** 责任目标内容 */
  text: string;
  /** 完成时限 of the target's first row */
  deadline: Deadline;
  assignments: Assignment[];
}

export interface ReportSource {
  /** file name as given to the importer (no directories) */
  file: string;
  /** sha256 of the file's bytes: importing the same file twice is detected by it */
  sha256: string;
  /** detected text encoding or 'xlsx' */
  format: 'utf-8' | 'gb18030' | 'xlsx';
}

export interface Report {
  /** the title line above the header, or the file name when there is none */
  title: string;
  /** e.g. 菏泽市 */
  city: string;
  /** e.g. 2022: resolves 年底 and 8月底 */
  year: number;
  /** e.g. 第三季度 */
  period: string;
  /** the last day the report covers, YYYY-MM-DD, e.g. 2022-09-30 for Q3 */
  asOf: string;
  source: ReportSource;
  targets: Target[];
}

/** A target is lagging when any of its assignments says 否. */
export const isLagging = (target: Target): boolean => target.assignments.some((a) => !a.onSchedule);

/** Every unit of a target, in table order, without repeats (a target with several units counts for each). */
export const unitsOf = (target: Target): string[] => [...new Set(target.assignments.flatMap((a) => a.units))];

/** Every leader of a target, in table order, without repeats. */
export const leadersOf = (target: Target): string[] => [...new Set(target.assignments.map((a) => a.leader).filter(Boolean))];

/** Orders 序号 numerically when both are numbers ("9" before "10"), as text otherwise. */
export const compareIds = (a: string, b: string): number => {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.localeCompare(b, 'zh');
};
