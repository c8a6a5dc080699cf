import { isLagging, leadersOf, unitsOf, type Target } from '../model';
import type { Normalize } from '../text/normalize';
import type { SubscriptionFilter } from '../store/types';

/** How a filter reads in replies and digests: 全部滞后项目, 市工业和信息化局, 王昌华分管, 关键词“5G”. */
export const describeFilter = (filter: SubscriptionFilter): string => {
  switch (filter.kind) {
    case 'all':
      return '全部滞后项目';
    case 'unit':
      return filter.unit;
    case 'leader':
      return `${filter.leader}分管`;
    case 'keyword':
      return `关键词“${filter.keyword}”`;
  }
};

export type TargetMatcher = (target: Target) => boolean;

/**
 * Whether a target falls under a filter, ignoring its status. The keyword is
 * compared after normalising both sides (traditional/simplified, full/half
 * width, case), against the target text, its progress text, units and leaders.
 * 'all' matches every target: what makes it "全部滞后项目" is the status test
 * the caller applies (see composeImportDigest).
 */
export const createFilterMatcher = (normalize: Normalize) => {
  const haystacks = new WeakMap<Target, string>();
  const haystack = (target: Target): string => {
    let text = haystacks.get(target);
    if (text === undefined) {
      text = normalize([target.text, ...target.assignments.map((a) => a.progress), ...unitsOf(target), ...leadersOf(target)].join('\n'));
      haystacks.set(target, text);
    }
    return text;
  };
  return (filter: SubscriptionFilter): TargetMatcher => {
    switch (filter.kind) {
      case 'all':
        return () => true;
      case 'unit':
        return (t) => unitsOf(t).includes(filter.unit);
      case 'leader':
        return (t) => leadersOf(t).includes(filter.leader);
      case 'keyword': {
        const words = (filter.terms && filter.terms.length > 0 ? filter.terms : normalize(filter.keyword).split(/\s+/)).map(normalize).filter(Boolean);
        return (t) => words.length > 0 && words.every((w) => haystack(t).includes(w));
      }
    }
  };
};

export type FilterMatcher = ReturnType<typeof createFilterMatcher>;

/** The lagging targets of a report under any of the filters, in report order. */
export const laggingUnder = (targets: readonly Target[], filters: readonly SubscriptionFilter[], matcher: FilterMatcher): Target[] => {
  const tests = filters.map(matcher);
  return targets.filter((t) => isLagging(t) && tests.some((test) => test(t)));
};
