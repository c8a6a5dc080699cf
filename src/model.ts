/**
 * The progress table's own concepts, named once and used everywhere.
 *
 * A Report is one imported table (one city, one period). It holds Targets
 * (责任目标), each with one or more Assignments: a continuation row in the
 * table (same 序号, empty target text) adds another leader/units/progress to
 * the target above it.
 */

/**
 * The columns of a progress table, by their canonical names (the seed's own
 * words). Other offices' names for them are listed in `src/table/columns.ts`.
 * A table needs the target text, the (lead) units and a status: 是否… (是/否) or
 * a verdict (已完成, 超进度, 欠进度 …); the rest may be absent.
 */
export const COLUMNS = {
  id: '序号',
  leader: '市政府领导',
  text: '责任目标内容',
  deadline: '完成时限',
  progress: '完成情况',
  onSchedule: '是否按计划完成进度',
  verdict: '进度评价',
  units: '责任单位',
  cooperating: '配合单位',
} as const;

export type ColumnKey = keyof typeof COLUMNS;

/**
 * Where an assignment stands, from 是/否 or from a verdict word:
 * done 已完成, ahead 超进度, on-plan 达进度 (是), behind 欠进度 (否), not-started 未开工.
 */
export type StatusKind = 'done' | 'ahead' | 'on-plan' | 'behind' | 'not-started';

/** Worst first: a target's status is the worst of its assignments'. */
export const STATUS_KINDS: readonly StatusKind[] = Object.freeze(['not-started', 'behind', 'on-plan', 'ahead', 'done']);

/** The statuses that count as 未按计划 (lagging): a verdict of 未开工 means it should have started. */
export const isLaggingStatus = (status: StatusKind): boolean => status === 'behind' || status === 'not-started';

/** A unit's part in a target: 牵头 (it leads: 责任单位/牵头单位) or 配合 (it supports: 配合单位/协办单位). */
export type UnitRole = 'lead' | 'cooperating';

/**
 * 完成时限 as written, plus what it means:
 * - `date`: a calendar day (年底 → the report year's 12-31, 8月底 → 08-31, 2023年6月底 → 2023-06-30);
 * - `ongoing`: 长期坚持 and similar, no date;
 * - `other`: wording we do not understand, kept for display only.
 */
export type Deadline = { kind: 'date'; text: string; date: string } | { kind: 'ongoing'; text: string } | { kind: 'other'; text: string };

export interface Assignment {
  /** 市政府领导 */
  leader: string;
  /** 责任单位 (牵头), one cell split on spaces, 、 and ， */
  units: string[];
  /** 配合单位 (协办), when the table has them; absent otherwise */
  cooperating?: string[];
  /** 完成情况, the full progress text */
  progress: string;
  /** false when the status is lagging (否, 欠进度, 未开工), true otherwise */
  onSchedule: boolean;
  /** the status word read as a kind; absent in reports stored before verdicts were read (see statusOf) */
  status?: StatusKind;
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
  /** the section row above it (一、民生实事 → 民生实事), when the table groups its targets; people ask for one by name */
  section?: string;
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
  /** true when the statuses came from verdict words (已完成, 超进度 …), not only 是/否 */
  verdicts?: boolean;
  targets: Target[];
}

/** A target is lagging when any of its assignments says 否 (or 欠进度, 未开工). */
export const isLagging = (target: Target): boolean => target.assignments.some((a) => !a.onSchedule);

/** An assignment's status; reports stored before verdicts were read have only 是/否. */
export const statusOf = (a: Assignment): StatusKind => a.status ?? (a.onSchedule ? 'on-plan' : 'behind');

/** A target's status is its worst assignment's: done only when every assignment is done. */
export const targetStatus = (target: Target): StatusKind => {
  const present = new Set(target.assignments.map(statusOf));
  return STATUS_KINDS.find((k) => present.has(k)) ?? 'on-plan';
};

/**
 * Every unit of a target, leading ones first, then cooperating ones, in table
 * order, without repeats (a target with several units counts for each).
 */
export const unitsOf = (target: Target): string[] => [...new Set([...target.assignments.flatMap((a) => a.units), ...target.assignments.flatMap((a) => a.cooperating ?? [])])];

/** A unit's role in a target: lead when any assignment names it as 牵头, else cooperating; undefined when absent. */
export const roleOf = (target: Target, unit: string): UnitRole | undefined => {
  if (target.assignments.some((a) => a.units.includes(unit))) return 'lead';
  return target.assignments.some((a) => a.cooperating?.includes(unit)) ? 'cooperating' : undefined;
};

/**
 * A target's units in order, each with its role when the target has cooperating units
 * (市工业和信息化局 牵头, 市财政局 配合); without any, no unit needs a label.
 */
export const labelledUnits = (target: Target): { unit: string; role?: UnitRole }[] => {
  const all = unitsOf(target);
  if (all.every((u) => roleOf(target, u) === 'lead')) return all.map((unit) => ({ unit }));
  return all.map((unit) => ({ unit, role: roleOf(target, unit) ?? 'lead' }));
};

/** True when the report names any cooperating unit: only then do answers label roles. */
export const hasCooperating = (targets: readonly Target[]): boolean => targets.some((t) => t.assignments.some((a) => (a.cooperating?.length ?? 0) > 0));

/** Every leader of a target, in table order, without repeats; a cell naming several (王昌华、张鹏) counts for each. */
export const leadersOf = (target: Target): string[] => [...new Set(target.assignments.flatMap((a) => leadersIn(a.leader)))];

/**
 * The leaders one 市政府领导 cell names: split on 、 ， ; and spaces, without the
 * titles some tables add (王昌华（副市长）, 王昌华 副市长).
 */
export const leadersIn = (cell: string): string[] =>
  cell
    // titles in brackets may list several (李卫东（县委常委、副县长）): gone before the cell is split
    .replace(/[（(][^（()）]*[）)]/gu, ' ')
    .split(/[、，,;；\s]+/)
    .map((name) => TITLED_NAME.exec(name)?.[2] ?? name)
    .filter((name) => name && !LEADER_TITLE.test(name));

/**
 * The titles a cell gives its leaders in brackets: 李卫东（县委常委、副县长） → [李卫东, [县委常委, 副县长]].
 * The name is bounded: unbounded, the pattern retried from every character of a long cell without
 * brackets (quadratic: a 100,000-character leader cell took 30 s).
 */
export const leaderTitlesIn = (cell: string): [string, string[]][] => [
  ...[...cell.matchAll(/([^（()）、，,;；\s]{1,20})\s*[（(]([^（()）]{0,80})[）)]/gu)].map((m): [string, string[]] => [m[1] as string, (m[2] as string).split(/[、，,;；\s]+/).filter(Boolean)]),
  // the title written before the name (区长赵海峰, 常务副区长孙建国)
  ...cell
    .replace(/[（(][^（()）]*[）)]/gu, ' ')
    .split(/[、，,;；\s]+/)
    .flatMap((part): [string, string[]][] => {
      const m = TITLED_NAME.exec(part);
      return m ? [[m[2] as string, [m[1] as string]]] : [];
    }),
];

const TITLE = '(?:[市县区州]委)?(?:常务)?副?(?:市|县|区|州|镇|乡)长|(?:[市县区州]委)?副?书记|(?:[市县区州]委)?常委|秘书长|副?主任';
const LEADER_TITLE = new RegExp(`^(?:${TITLE}|同志)$`, 'u');
/** A title written before the name in one cell part (副区长张敏): the name is the two to four characters after it. */
const TITLED_NAME = new RegExp(`^(${TITLE})(\\p{Script=Han}{2,4})$`, 'u');

/** Orders 序号 numerically when both are numbers ("9" before "10"), as text otherwise. */
export const compareIds = (a: string, b: string): number => {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a.localeCompare(b, 'zh');
};
