import { compareIds, unitsOf, type Report, type Target } from '../model';
import type { ProgressOptions } from './defaults';
import type { Measure } from './extract';
import { assessTarget, type Assessment, type Light } from './light';
import type { Pace } from './pace';

/**
 * A target across several reports (quarters): light, 是/否 and numbers per report,
 * and what changed from one report to the next. Pure data for views such as
 * 57号的变化 or 工信局上季度以来的变化.
 *
 * Targets are matched by 序号. A later year may reuse a 序号 for another target,
 * so every point says whether its text differs from the newest one.
 */
export interface HistoryPoint {
  period: string;
  asOf: string;
  year: number;
  title: string;
  /** the report has a target with this 序号 */
  present: boolean;
  /** the target text differs from the newest report's (another target under the same 序号?) */
  textChanged?: boolean;
  light?: Light;
  /** every assignment says 是 */
  onSchedule?: boolean;
  reasons?: string[];
  measure?: Measure;
  pace?: Pace;
  /** 完成情况 of each assignment, in table order */
  progress?: string[];
}

export interface HistoryChange {
  /** as-of dates of the two reports compared */
  from: string;
  to: string;
  light?: { from: Light; to: Light };
  onSchedule?: { from: boolean; to: boolean };
  /** achieved values in the measure's unit, when both reports state one */
  achieved?: { from: number; to: number; delta: number; unit: string };
  /** the target appears or disappears between the two reports */
  presence?: 'added' | 'removed';
}

export interface TargetHistory {
  id: string;
  /** the text in the newest report that has this 序号 */
  text: string;
  /** one point per report, oldest first */
  points: HistoryPoint[];
  /** one entry per pair of consecutive reports where something changed */
  changes: HistoryChange[];
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * How histories find a target in a report and assess it. The defaults scan and
 * assess afresh; a caller answering many questions over large tables (the QA
 * engine) passes id maps and cached assessments instead, so a unit's history at
 * 100k targets costs map look-ups rather than a scan per 序号.
 */
export interface HistoryLookup {
  targetOf(report: Report, id: string): Target | undefined;
  assess(target: Target, report: Report): Assessment;
}

const plainLookup = (options: Partial<ProgressOptions>): HistoryLookup => ({
  targetOf: (report, id) => report.targets.find((t) => t.id === id),
  assess: (target, report) => assessTarget(target, report, options),
});

/** Reports ordered by as-of date, oldest first (the input order breaks ties). */
const byAsOf = (reports: readonly Report[]): Report[] =>
  reports
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.asOf.localeCompare(b.r.asOf) || a.i - b.i)
    .map((x) => x.r);

const pointOf = (report: Report, target: Target | undefined, newestText: string, lookup: HistoryLookup): HistoryPoint => {
  // fields written out rather than spread from a shared base: object spread made this 10× slower at 100k targets
  if (!target) return { period: report.period, asOf: report.asOf, year: report.year, title: report.title, present: false };
  const a = lookup.assess(target, report);
  const point: HistoryPoint = {
    period: report.period,
    asOf: report.asOf,
    year: report.year,
    title: report.title,
    present: true,
    textChanged: target.text !== newestText && squash(target.text) !== squash(newestText),
    light: a.light,
    onSchedule: onScheduleOf(target),
    reasons: a.reasons,
    progress: target.assignments.map((x) => x.progress),
  };
  if (a.measure) point.measure = a.measure;
  if (a.pace) point.pace = a.pace;
  return point;
};

/** The achieved values moved, in comparable measures. */
const achievedMoved = (pm: Measure | undefined, nm: Measure | undefined): boolean => pm !== undefined && nm !== undefined && pm.kind === nm.kind && pm.unit === nm.unit && pm.achieved !== nm.achieved;

const onScheduleOf = (target: Target): boolean => target.assignments.every((x) => x.onSchedule);

/**
 * Whether a target changed from one report to the next (undefined: the report
 * does not have it), by the same rules as a history's `changes`, without
 * building the history: for scanning a large table before building histories
 * only for the targets that changed.
 */
export const changedBetween = (prev: { target: Target; assessment: Assessment } | undefined, next: { target: Target; assessment: Assessment } | undefined): boolean => {
  if (!prev || !next) return prev !== next;
  return prev.assessment.light !== next.assessment.light || onScheduleOf(prev.target) !== onScheduleOf(next.target) || achievedMoved(prev.assessment.measure, next.assessment.measure);
};

const changeBetween = (prev: HistoryPoint, next: HistoryPoint): HistoryChange | undefined => {
  const change: HistoryChange = { from: prev.asOf, to: next.asOf };
  if (prev.present !== next.present) {
    change.presence = next.present ? 'added' : 'removed';
    return change;
  }
  if (!prev.present) return undefined;
  if (prev.light && next.light && prev.light !== next.light) change.light = { from: prev.light, to: next.light };
  if (prev.onSchedule !== undefined && next.onSchedule !== undefined && prev.onSchedule !== next.onSchedule) {
    change.onSchedule = { from: prev.onSchedule, to: next.onSchedule };
  }
  const pm = prev.measure;
  const nm = next.measure;
  if (pm && nm && achievedMoved(pm, nm)) {
    change.achieved = { from: pm.achieved, to: nm.achieved, delta: Math.round((nm.achieved - pm.achieved) * 1e6) / 1e6, unit: nm.unit };
  }
  return change.light || change.onSchedule || change.achieved ? change : undefined;
};

const historyOf = (sorted: Report[], id: string, lookup: HistoryLookup): TargetHistory | undefined => {
  const found = sorted.map((r) => lookup.targetOf(r, id));
  let newest: Target | undefined;
  for (let i = found.length - 1; i >= 0 && !newest; i--) newest = found[i];
  if (!newest) return undefined;
  const points = sorted.map((r, i) => pointOf(r, found[i], newest.text, lookup));
  const changes: HistoryChange[] = [];
  for (let i = 1; i < points.length; i++) {
    const c = changeBetween(points[i - 1]!, points[i]!);
    if (c) changes.push(c);
  }
  return { id, text: newest.text, points, changes };
};

/**
 * One target across reports (any order; sorted by as-of date), or undefined
 * when no report has this 序号.
 *
 * @example targetHistory([q2, q3], '57').points.map((p) => p.light) → ['yellow', 'red']
 */
export const targetHistory = (reports: readonly Report[], id: string, options: Partial<ProgressOptions> = {}, lookup: HistoryLookup = plainLookup(options)): TargetHistory | undefined =>
  historyOf(byAsOf(reports), id, lookup);

/**
 * Histories of the given 序号 (those no report has are left out), in the order
 * given. For callers that chose the 序号 themselves (a unit's targets from an
 * index, every target passing a filter).
 */
export const targetHistories = (reports: readonly Report[], ids: Iterable<string>, options: Partial<ProgressOptions> = {}, lookup: HistoryLookup = plainLookup(options)): TargetHistory[] => {
  const sorted = byAsOf(reports);
  const out: TargetHistory[] = [];
  for (const id of ids) {
    const h = historyOf(sorted, id, lookup);
    if (h) out.push(h);
  }
  return out;
};

/**
 * Every target a unit is responsible for in any of the reports (canonical unit
 * name as written in the table, e.g. 市工业和信息化局), ascending by 序号.
 * For 上季度以来的变化 pass the last two reports and keep histories with changes.
 */
export const unitHistory = (reports: readonly Report[], unit: string, options: Partial<ProgressOptions> = {}, lookup?: HistoryLookup): TargetHistory[] => {
  const ids = new Set(reports.flatMap((r) => r.targets.filter((t) => unitsOf(t).includes(unit)).map((t) => t.id)));
  // one map per report, so a unit with many targets is not a scan per 序号
  const maps = new Map(reports.map((r) => [r, new Map(r.targets.map((t) => [t.id, t]))]));
  const use: HistoryLookup = lookup ?? { ...plainLookup(options), targetOf: (r, id) => maps.get(r)?.get(id) };
  return targetHistories(reports, [...ids].sort(compareIds), options, use);
};

/** Only the histories where something changed between consecutive reports. */
export const withChanges = (histories: readonly TargetHistory[]): TargetHistory[] => histories.filter((h) => h.changes.length > 0);
