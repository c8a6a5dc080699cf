import { isLagging, type Report, type Target } from '../model';

/**
 * How one target changed between two reports. Targets are matched by 序号,
 * which offices keep stable within a year.
 * - became-lagging: 是 → 否; recovered: 否 → 是; still-lagging: 否 both times
 * - new / removed: present in only one report
 * - progress-changed: same status, different 完成情况 text
 */
export type ChangeKind = 'became-lagging' | 'recovered' | 'still-lagging' | 'new' | 'removed' | 'progress-changed';

export interface TargetChange {
  kind: ChangeKind;
  id: string;
  /** the target as it is now; for `removed`, as it was */
  target: Target;
  before?: Target;
}

export interface ReportDiff {
  changes: TargetChange[];
  counts: Record<ChangeKind, number>;
}

const KINDS: ChangeKind[] = ['became-lagging', 'recovered', 'still-lagging', 'new', 'removed', 'progress-changed'];

const progressOf = (t: Target): string => t.assignments.map((a) => a.progress).join('\n');

/** Compares the previous report (if any) with the next one, target by target, in the next report's order. */
export const diffReports = (previous: Report | undefined, next: Report): ReportDiff => {
  const before = new Map((previous?.targets ?? []).map((t) => [t.id, t]));
  const changes: TargetChange[] = [];
  for (const target of next.targets) {
    const old = before.get(target.id);
    before.delete(target.id);
    const kind = classify(old, target);
    if (kind) changes.push({ kind, id: target.id, target, before: old });
  }
  for (const removed of before.values()) changes.push({ kind: 'removed', id: removed.id, target: removed, before: removed });
  const counts = Object.fromEntries(KINDS.map((k) => [k, changes.filter((c) => c.kind === k).length])) as Record<ChangeKind, number>;
  return { changes, counts };
};

const classify = (old: Target | undefined, now: Target): ChangeKind | undefined => {
  if (!old) return 'new';
  const was = isLagging(old);
  const is = isLagging(now);
  if (!was && is) return 'became-lagging';
  if (was && !is) return 'recovered';
  if (was && is) return 'still-lagging';
  return progressOf(old) === progressOf(now) ? undefined : 'progress-changed';
};
