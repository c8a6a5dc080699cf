import { isLagging, type Report, type Target } from '../model';
import type { CommandKind } from '../qa/commands';
import type { Engine } from '../qa/engine';
import { filterKey, type SubscriptionFilter } from '../store/types';
import { FILTER_WORDS } from '../wording/alerts';

/** How a filter reads in replies and digests: 全部滞后项目, 市工业和信息化局, 王昌华分管, 关键词“5G”. */
export const describeFilter = (filter: SubscriptionFilter): string => {
  switch (filter.kind) {
    case 'all':
      return FILTER_WORDS.all;
    case 'unit':
      return filter.unit;
    case 'leader':
      return FILTER_WORDS.leader(filter.leader);
    case 'keyword':
      return FILTER_WORDS.keyword(filter.keyword);
  }
};

export type TargetMatcher = (target: Target) => boolean;

/** Which targets of a report a filter names, given the report's own ones; 'all' names every target. */
export type FilterMatcher = (filter: SubscriptionFilter, report: Report) => TargetMatcher;

/** The command whose answer lists a filter's targets: a subscription hears about exactly what that command shows. */
const commandOf = (filter: Exclude<SubscriptionFilter, { kind: 'all' }>): [CommandKind, string] => {
  switch (filter.kind) {
    case 'unit':
      return ['unit', filter.unit];
    case 'leader':
      return ['leader', filter.leader];
    case 'keyword':
      return ['search', filter.keyword];
  }
};

/**
 * Whether a target falls under a filter, ignoring its status. There is one matcher for a
 * keyword, a unit or a leader: the question engine's. A keyword subscription selects the
 * targets `/search KEYWORD` lists over the same report (so the two can never disagree),
 * a unit or leader subscription those `/unit` or `/leader` list, with the names resolved
 * the way questions resolve them. 'all' matches every target: what makes it
 * "全部滞后项目" is the status test the caller applies (see composeImportDigest).
 *
 * @param engineFor the engine over a report: the current one for the current report;
 *   an older report (the one an import is compared with) gets one built once and kept
 *   as long as that report object lives
 */
export const createFilterMatcher = (engineFor: (report: Report) => Engine): FilterMatcher => {
  const engines = new WeakMap<Report, Engine>();
  const engineOf = (report: Report): Engine => {
    let engine = engines.get(report);
    if (!engine) engines.set(report, (engine = engineFor(report)));
    return engine;
  };
  const selections = new WeakMap<Report, Map<string, ReadonlySet<string>>>();
  return (filter, report) => {
    if (filter.kind === 'all') return () => true;
    let byFilter = selections.get(report);
    if (!byFilter) selections.set(report, (byFilter = new Map()));
    const key = filterKey(filter);
    let ids = byFilter.get(key);
    if (!ids) {
      const [kind, arg] = commandOf(filter);
      ids = new Set(
        engineOf(report)
          .askAs(kind, arg)
          .hits.map((hit) => hit.target.id),
      );
      byFilter.set(key, ids);
    }
    const selected = ids;
    return (target) => selected.has(target.id);
  };
};

/** Whether a target of `report` falls under any of the filters. */
export const underAny = (report: Report, filters: readonly SubscriptionFilter[], matcher: FilterMatcher): TargetMatcher => {
  const tests = filters.map((filter) => matcher(filter, report));
  return (target) => tests.some((test) => test(target));
};

/** The lagging targets of a report under any of the filters, in report order. */
export const laggingUnder = (report: Report, filters: readonly SubscriptionFilter[], matcher: FilterMatcher): Target[] => {
  const under = underAny(report, filters, matcher);
  return report.targets.filter((t) => isLagging(t) && under(t));
};
