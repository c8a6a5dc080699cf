import { isLagging, statusOf, targetStatus, type Report, type Target } from '../model';
import { withDefaults, type ProgressOptions } from './defaults';
import { extractTarget, type Goal, type Measure } from './extract';
import { isPastDeadline, paceOf, type Pace } from './pace';
import { LIGHT_WORDS as W, WORDS } from '../wording/answers';

/**
 * Traffic lights for a supervision office:
 * - red: the table says 否 (or 欠进度, 未开工) for any assignment (isLagging), whatever the numbers say;
 * - green, too, when the table's verdict says every assignment is done (已完成): the office
 *   signed it off, and a passed deadline or a progress text without numbers is no risk then;
 * - yellow: marked 是, but the numbers or the calendar show risk: behind 序时进度 by
 *   more than the margin, a rate short of its goal by more than the margin, or the
 *   deadline passed without the goal shown as met;
 * - green: everything else (including targets with no numbers to check).
 */
export type Light = 'red' | 'yellow' | 'green';

export const LIGHT_EMOJI: Readonly<Record<Light, string>> = W.emoji;
export const LIGHT_LABEL: Readonly<Record<Light, string>> = W.label;

export interface Assessment {
  light: Light;
  /** why, short Chinese phrases, the deciding one first */
  reasons: string[];
  measure?: Measure;
  /** the goal even when no achieved value was found (80家以上 vs 169家申报) */
  goal?: Goal;
  pace?: Pace;
}

export interface AssessedTarget {
  target: Target;
  assessment: Assessment;
}

export interface ReportAssessment {
  /** every target in table order */
  items: AssessedTarget[];
  counts: Record<Light, number>;
}

const pct = (share: number): string => `${Math.round(share * 100)}%`;
const num = (n: number): string => String(Math.round(n * 100) / 100);

/**
 * The light of one target in one report. Pure: reads only its arguments.
 *
 * @example assessTarget(target58, q3) → { light: 'green', reasons: ['完成83%，序时进度75%'], measure: { goal: 2000, achieved: 1658, … }, pace: … }
 */
export const assessTarget = (target: Target, report: Report, options: Partial<ProgressOptions> = {}): Assessment => {
  const { rateMargin } = withDefaults(options);
  const { goal, measure } = extractTarget(target);
  const pace = paceOf(target, report, measure, options);
  const risks: string[] = [];
  const notes: string[] = [];

  if (pace) {
    if (pace.behind) {
      risks.push(W.behindPace(Math.round(pace.gap * 100), pct(pace.actual), pct(pace.expected)));
    } else if (pace.actual >= 1) {
      notes.push(W.goalMet(pct(pace.actual)));
    } else {
      notes.push(W.onPace(pct(pace.actual), pct(pace.expected)));
    }
  } else if (measure && (measure.kind === 'growth' || measure.kind === 'level')) {
    const verb = W.rateVerb[measure.kind];
    const shortfall = 1 - measure.ratio;
    if (shortfall > rateMargin + 1e-9) risks.push(W.rateShort(verb, num(measure.achieved), num(measure.goal)));
    else notes.push(W.rate(verb, num(measure.achieved), num(measure.goal)));
  } else if (measure) {
    // a cumulative measure without a dated deadline (长期坚持): report it, no pace
    notes.push(measure.ratio >= 1 ? W.goalMet(pct(measure.ratio)) : W.done(pct(measure.ratio)));
  }

  if (goal && !measure) notes.push(W.goalOnly(num(goal.value), goal.unit));

  if (isPastDeadline(target, report) && !(measure && measure.ratio >= 1)) {
    // without a number we cannot confirm completion: a passed deadline deserves a look
    risks.push(W.pastDeadline(target.deadline.text, measure && pct(measure.ratio)));
  }

  const lagging = target.assignments
    .filter((a) => !a.onSchedule)
    .map((a) => W.assignment(WORDS.stage[statusOf(a) === 'not-started' ? 'not-started' : 'behind'], a.units.join('、') || a.leader || W.row(a.row)));

  const done = targetStatus(target) === 'done';
  const light: Light = isLagging(target) ? 'red' : done || risks.length === 0 ? 'green' : 'yellow';
  const reasons = done ? [W.signedOff, ...notes] : [...lagging, ...risks, ...notes];
  if (reasons.length === 0) reasons.push(W.onPlan);

  const out: Assessment = { light, reasons };
  if (measure) out.measure = measure;
  if (goal) out.goal = goal;
  if (pace) out.pace = pace;
  return out;
};

/** Lights for every target of a report, in table order, with counts per light. */
export const assessReport = (report: Report, options: Partial<ProgressOptions> = {}): ReportAssessment => {
  const items = report.targets.map((target) => ({ target, assessment: assessTarget(target, report, options) }));
  const counts: Record<Light, number> = { red: 0, yellow: 0, green: 0 };
  for (const { assessment } of items) counts[assessment.light]++;
  return { items, counts };
};

/** The targets with one light, in table order: 黄灯 → 'yellow'. */
export const targetsWithLight = (assessed: ReportAssessment, light: Light): AssessedTarget[] => assessed.items.filter((i) => i.assessment.light === light);

/** The lights that count as 有风险: red and yellow. */
export const RISK_LIGHTS: readonly Light[] = Object.freeze(['red', 'yellow'] as Light[]);

/**
 * 有风险的项目: red and yellow, in table order. Red belongs here too: a lagging
 * target is the likeliest to miss its goal, and someone asking what is at risk
 * must not be shown the warnings while the failures are left out. 黄灯 asks for
 * the warnings alone (targetsWithLight(assessed, 'yellow')).
 */
export const targetsAtRisk = (assessed: ReportAssessment): AssessedTarget[] => assessed.items.filter((i) => RISK_LIGHTS.includes(i.assessment.light));
