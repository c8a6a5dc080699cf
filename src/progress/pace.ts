import type { Report, Target } from '../model';
import type { Measure, MeasureKind } from './extract';
import { withDefaults, type ProgressOptions } from './defaults';

/**
 * 序时进度: the share of a target's time that has passed at the report's as-of
 * date, counted from January 1 of the report year to the deadline (both days
 * included). A target due 年底 in a Q3 report (as of 2022-09-30) is at
 * 273/365 = 75%; one due 2023年6月底 is at 273/546 = 50%.
 */
export interface Pace {
  /** share of time elapsed, 0–1 */
  expected: number;
  /** share of the goal achieved (may exceed 1) */
  actual: number;
  /** expected − actual, in shares (0.16 = 16 percentage points behind) */
  gap: number;
  /** gap above the margin */
  behind: boolean;
}

const DAY_MS = 86_400_000;

const dayNumber = (isoDate: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`pace: expected a date as YYYY-MM-DD, got "${isoDate}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
};

/**
 * Share of time elapsed from January 1 of `year` to `deadline` at `asOf`, 0–1.
 *
 * @example elapsedShare(2022, '2022-09-30', '2022-12-31') → 0.748 (273 of 365 days)
 */
export const elapsedShare = (year: number, asOf: string, deadline: string): number => {
  const start = Date.UTC(year, 0, 1) / DAY_MS;
  const total = dayNumber(deadline) - start + 1;
  if (total <= 0) return 1;
  const passed = dayNumber(asOf) - start + 1;
  return Math.min(1, Math.max(0, passed / total));
};

/** Kinds whose achieved share grows through the year; rates are compared as they stand. */
export const isCumulative = (kind: MeasureKind): boolean => kind === 'count' || kind === 'amount' || kind === 'share';

/** The deadline has passed at the report's as-of date (ongoing and unreadable deadlines never pass). */
export const isPastDeadline = (target: Target, report: Report): boolean => target.deadline.kind === 'date' && dayNumber(report.asOf) > dayNumber(target.deadline.date);

/**
 * The pace of a target with a cumulative measure and a dated deadline, or
 * undefined (no measure, a rate goal, 长期坚持).
 */
export const paceOf = (target: Target, report: Report, measure: Measure | undefined, options: Partial<ProgressOptions> = {}): Pace | undefined => {
  if (!measure || !isCumulative(measure.kind) || target.deadline.kind !== 'date') return undefined;
  const { paceMargin } = withDefaults(options);
  const expected = elapsedShare(report.year, report.asOf, target.deadline.date);
  const actual = measure.ratio;
  const gap = expected - actual;
  // a small epsilon so that exactly-at-margin (floating point 0.1000000001) is not behind
  return { expected, actual, gap, behind: gap > paceMargin + 1e-9 };
};
