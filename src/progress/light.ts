import { isLagging, statusOf, targetStatus, type Report, type Target } from '../model';
import { withDefaults, type ProgressOptions } from './defaults';
import { extractTarget, type Goal, type Measure } from './extract';
import { isPastDeadline, paceOf, type Pace } from './pace';

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

export const LIGHT_EMOJI: Readonly<Record<Light, string>> = Object.freeze({ red: '🔴', yellow: '🟡', green: '🟢' });
export const LIGHT_LABEL: Readonly<Record<Light, string>> = Object.freeze({ red: '红灯', yellow: '黄灯', green: '绿灯' });

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
      risks.push(`落后序时进度${Math.round(pace.gap * 100)}个百分点（完成${pct(pace.actual)}，序时${pct(pace.expected)}）`);
    } else if (pace.actual >= 1) {
      notes.push(`已完成目标（${pct(pace.actual)}）`);
    } else {
      notes.push(`完成${pct(pace.actual)}，序时进度${pct(pace.expected)}`);
    }
  } else if (measure && (measure.kind === 'growth' || measure.kind === 'level')) {
    const label = measure.kind === 'growth' ? '增长' : '达到';
    const shortfall = 1 - measure.ratio;
    if (shortfall > rateMargin + 1e-9) risks.push(`${label}${num(measure.achieved)}%，低于目标${num(measure.goal)}%`);
    else notes.push(`${label}${num(measure.achieved)}%，目标${num(measure.goal)}%`);
  } else if (measure) {
    // a cumulative measure without a dated deadline (长期坚持): report it, no pace
    notes.push(measure.ratio >= 1 ? `已完成目标（${pct(measure.ratio)}）` : `完成${pct(measure.ratio)}`);
  }

  if (goal && !measure) notes.push(`目标${num(goal.value)}${goal.unit}，进展中未写明完成数量`);

  if (isPastDeadline(target, report) && !(measure && measure.ratio >= 1)) {
    // without a number we cannot confirm completion: a passed deadline deserves a look
    risks.push(
      measure
        ? `已过完成时限（${target.deadline.text}），完成${pct(measure.ratio)}`
        : `已过完成时限（${target.deadline.text}），未写明已完成`,
    );
  }

  const lagging = target.assignments
    .filter((a) => !a.onSchedule)
    .map((a) => `${statusOf(a) === 'not-started' ? '未开工' : '未按计划完成进度'}（${a.units.join('、') || a.leader || `第${a.row}行`}）`);

  const done = targetStatus(target) === 'done';
  const light: Light = isLagging(target) ? 'red' : done || risks.length === 0 ? 'green' : 'yellow';
  const reasons = done ? ['表中评价为已完成', ...notes] : [...lagging, ...risks, ...notes];
  if (reasons.length === 0) reasons.push('按计划推进');

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
export const targetsWithLight = (assessed: ReportAssessment, light: Light): AssessedTarget[] =>
  assessed.items.filter((i) => i.assessment.light === light);

/** The lights that count as 有风险: red and yellow. */
export const RISK_LIGHTS: readonly Light[] = Object.freeze(['red', 'yellow'] as Light[]);

/**
 * 有风险的项目: red and yellow, in table order. Red belongs here too: a lagging
 * target is the likeliest to miss its goal, and someone asking what is at risk
 * must not be shown the warnings while the failures are left out. 黄灯 asks for
 * the warnings alone (targetsWithLight(assessed, 'yellow')).
 */
export const targetsAtRisk = (assessed: ReportAssessment): AssessedTarget[] =>
  assessed.items.filter((i) => RISK_LIGHTS.includes(i.assessment.light));
