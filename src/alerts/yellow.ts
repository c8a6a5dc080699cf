import type { Report, Target } from '../model';
import { targetsWithLight, type AssessedTarget, type Assessment, type ReportAssessment } from '../progress/light';
import { underAny, type FilterMatcher } from './filters';
import type { SubscriptionFilter } from '../store/types';

/**
 * Yellow (risk) alerts for chats that opted in with /yellow on. Lights come from
 * src/progress (assessReport); this module only compares them.
 *
 * Red stays with the lagging alerts (src/import/diff): a target that is red in
 * either report is never a light change here. So red → yellow is a "recovered"
 * change there (its line gets a yellow note), yellow → red a "became lagging" one,
 * and each target is reported once.
 */
export type LightChangeKind = 'became-yellow' | 'left-yellow';

export interface LightChange {
  kind: LightChangeKind;
  id: string;
  target: Target;
  /** the target's assessment in the new report (its reasons say why) */
  assessment: Assessment;
}

export interface LightDiff {
  /** in the new report's order */
  changes: LightChange[];
  /** the new report's assessments by 序号 */
  now: ReadonlyMap<string, Assessment>;
}

/**
 * Compares two reports' lights, computed once per import (not per subscriber).
 * - became-yellow: green (or absent: a new target) → yellow;
 * - left-yellow: yellow → green.
 *
 * @example diffLights(assessReport(q3), assessReport(q4)).changes → [{ kind: 'became-yellow', id: '58', … }]
 */
export const diffLights = (previous: ReportAssessment, next: ReportAssessment): LightDiff => {
  const before = new Map(previous.items.map((i) => [i.target.id, i.assessment.light]));
  const now = new Map(next.items.map((i) => [i.target.id, i.assessment]));
  const changes: LightChange[] = [];
  for (const { target, assessment } of next.items) {
    const was = before.get(target.id);
    if (assessment.light === 'yellow' && (was === undefined || was === 'green')) changes.push({ kind: 'became-yellow', id: target.id, target, assessment });
    else if (assessment.light === 'green' && was === 'yellow') changes.push({ kind: 'left-yellow', id: target.id, target, assessment });
  }
  return { changes, now };
};

/** The light changes under any of the filters (every filter names a set of targets; 'all' names every target). */
export const lightChangesFor = (diff: LightDiff, report: Report, filters: readonly SubscriptionFilter[], matcher: FilterMatcher): LightChange[] => {
  const under = underAny(report, filters, matcher);
  return diff.changes.filter((c) => under(c.target));
};

/** The report's yellow targets under the filters (every yellow target when there are none), for the scheduled digest. */
export const yellowUnder = (assessed: ReportAssessment, report: Report, filters: readonly SubscriptionFilter[], matcher: FilterMatcher): AssessedTarget[] => {
  const under = underAny(report, filters.length > 0 ? filters : [{ kind: 'all' }], matcher);
  return targetsWithLight(assessed, 'yellow').filter(({ target }) => under(target));
};
