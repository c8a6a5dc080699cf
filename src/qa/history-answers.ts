import { compareIds, unitsOf, type Report, type Target } from '../model';
import type { ProgressOptions } from '../progress/defaults';
import { changedBetween, targetHistories, targetHistory, withChanges, type HistoryLookup, type TargetHistory } from '../progress/history';
import { assessTarget, type Assessment } from '../progress/light';
import type { Answer, HistoryAnswer, Hit, Period, Query } from './answer';
import type { Filters } from './filters';

/**
 * Answers to 变化 questions: an item or list answer of the current report,
 * compared along the stored reports. Past reports are looked up lazily and
 * kept, so most sessions (which never ask one) pay nothing.
 */
export const createHistoryAnswers = (deps: {
  report: Report;
  /** the reports compared, oldest first, ending with `report` */
  timeline: readonly Report[];
  filters: Filters;
  assessmentOf: ReadonlyMap<Target, Assessment>;
  progress: Partial<ProgressOptions>;
}): { withHistory(plain: Answer): Answer } => {
  const { report, timeline, filters, assessmentOf, progress } = deps;
  const { targets, positionOf, plainHits, unitPositions } = filters;
  const n = targets.length;
  /**
   * Look-ups for histories. Past reports are indexed and assessed only when a 变化
   * question first needs them, then kept: most sessions never ask one, and the
   * current report's lights are already assessed.
   */
  const pastIds = new Map<Report, Map<string, Target>>();
  const pastUnits = new Map<Report, Map<string, string[]>>();
  const pastAssessments = new WeakMap<Target, Assessment>();
  const idsOfReport = (r: Report): Map<string, Target> => {
    let map = pastIds.get(r);
    if (!map) pastIds.set(r, (map = new Map(r.targets.map((t) => [t.id, t]))));
    return map;
  };
  const lookup: HistoryLookup = {
    targetOf: (r, id) => {
      if (r === report) {
        const i = positionOf.get(id);
        return i === undefined ? undefined : targets[i];
      }
      return idsOfReport(r).get(id);
    },
    assess: (t, r) => {
      let a = r === report ? assessmentOf.get(t) : pastAssessments.get(t);
      if (!a) pastAssessments.set(t, (a = assessTarget(t, r, progress)));
      return a;
    },
  };
  /** 序号 of a unit's targets in an earlier report, so a target the unit no longer has still shows as removed */
  const unitIdsIn = (r: Report, unit: string): string[] => {
    let map = pastUnits.get(r);
    if (!map) {
      map = new Map();
      for (const t of r.targets) for (const u of unitsOf(t)) (map.get(u) ?? map.set(u, []).get(u))?.push(t.id);
      pastUnits.set(r, map);
    }
    return map.get(unit) ?? [];
  };
  /**
   * The history of every target that changed anywhere along the compared reports,
   * by 序号, built once per span of reports: list questions then only pick (a unit
   * at 100k targets has ~27k, of which a few percent changed). Frozen, because
   * answers share them.
   */
  const changedCache = new Map<string, Map<string, TargetHistory>>();
  const changedOf = (compared: readonly Report[]): Map<string, TargetHistory> => {
    const key = compared.map((r) => `${r.asOf}/${r.source.sha256}`).join('|');
    const cached = changedCache.get(key);
    if (cached) return cached;
    const changed = new Set<string>();
    const state = (r: Report, t: Target | undefined) => (t ? { target: t, assessment: lookup.assess(t, r) } : undefined);
    for (let k = 1; k < compared.length; k += 1) {
      const [a, b] = [compared[k - 1] as Report, compared[k] as Report];
      const [ia, ib] = [idsOfReport(a), idsOfReport(b)];
      for (const [id, t] of ib) if (!changed.has(id) && changedBetween(state(a, ia.get(id)), state(b, t))) changed.add(id);
      for (const id of ia.keys()) if (!ib.has(id)) changed.add(id);
    }
    const histories = new Map<string, TargetHistory>();
    for (const h of withChanges(targetHistories(compared, changed, progress, lookup))) histories.set(h.id, Object.freeze(h));
    changedCache.set(key, histories);
    return histories;
  };
  /**
   * 序号 a unit had in an earlier report that are no longer the unit's now (or no longer in the
   * table), once per report and unit: the only targets a unit's 变化 must add to its current list.
   */
  const droppedCache = new Map<Report, Map<string, string[]>>();
  const droppedFromUnit = (r: Report, unit: string): string[] => {
    const byUnit = droppedCache.get(r) ?? droppedCache.set(r, new Map()).get(r)!;
    let ids = byUnit.get(unit);
    if (!ids) {
      const now = new Set((unitPositions.get(unit) ?? []).map((i) => (targets[i] as Target).id));
      byUnit.set(unit, (ids = unitIdsIn(r, unit).filter((id) => !now.has(id))));
    }
    return ids;
  };
  const droppedFromReport = (r: Report): string[] => {
    const key = '\u0000all';
    const byUnit = droppedCache.get(r) ?? droppedCache.set(r, new Map()).get(r)!;
    let ids = byUnit.get(key);
    if (!ids) byUnit.set(key, (ids = [...idsOfReport(r).keys()].filter((id) => !positionOf.has(id))));
    return ids;
  };
  const periodOf = (r: Report): Period => ({ year: r.year, period: r.period, asOf: r.asOf });
  /** the newest target a history has, with its light then, for the answer's hits */
  const hitOfHistory = (h: TargetHistory, compared: readonly Report[]): Hit => {
    const i = positionOf.get(h.id);
    if (i !== undefined) return plainHits[i] as Hit;
    for (let k = compared.length - 1; k >= 0; k -= 1) {
      const r = compared[k] as Report;
      const t = lookup.targetOf(r, h.id);
      if (t) return { target: t, assessment: lookup.assess(t, r) };
    }
    throw new Error(`history of 序号 ${h.id} has no report with that target`);
  };

  /**
   * Turns an item or list answer into its 变化 answer. With one report there is
   * nothing to compare: the answer stays as it is and says so (one period). A
   * list keeps the targets that changed; a unit's list (or one with no filter)
   * also looks at targets of the compared reports, so a dropped target shows as removed.
   */
  const withHistory = (plain: Answer): Answer => {
    const q = plain.query;
    const compared = q.history === 'sinceLast' ? timeline.slice(-2) : timeline;
    const periods = compared.map(periodOf);
    if (plain.kind === 'item') {
      const hit = plain.hits[0];
      if (!hit) return plain;
      if (compared.length < 2) return { ...plain, history: { periods, targets: [], considered: 1 } };
      const h = targetHistory(compared, hit.target.id, progress, lookup);
      return h ? { ...plain, history: { periods, targets: [h], considered: 1 } } : plain;
    }
    if (plain.kind !== 'list' && plain.kind !== 'search') return plain;
    if (compared.length < 2) return { ...plain, history: { periods, targets: [], considered: plain.hits.length } };
    const changedIds = changedOf(compared);
    // a target that left the table can only be matched by unit (or by no filter at all)
    const otherFilters = q.leader || q.leaders || q.status || q.stage || q.deadline || q.light || q.risk || q.terms || q.items || q.range;
    const dropped = new Set<string>();
    for (const r of otherFilters ? [] : compared.slice(0, -1)) for (const id of q.units ? q.units.flatMap((u) => droppedFromUnit(r, u)) : droppedFromReport(r)) dropped.add(id);
    let order: string[];
    let considered: number;
    if (plain.kind === 'search') {
      // search hits are few and ranked: keep their order
      order = plain.hits.map((h) => h.target.id).filter((id) => changedIds.has(id));
      considered = plain.hits.length;
    } else {
      // walk the changed targets (few) rather than the list (a unit may have tens of thousands)
      const positions = filters.positions(q);
      const inList = positions ? new Uint8Array(n) : undefined;
      if (inList && positions) for (const i of positions) inList[i] = 1;
      order = [];
      for (const id of changedIds.keys()) {
        const i = positionOf.get(id);
        if (i !== undefined && (!inList || inList[i] === 1)) order.push(id);
      }
      considered = plain.hits.length;
    }
    for (const id of dropped) {
      considered += 1;
      if (changedIds.has(id)) order.push(id);
    }
    if (plain.kind !== 'search') order.sort(compareIds);
    const changed = order.map((id) => changedIds.get(id) as TargetHistory);
    const history: HistoryAnswer = { periods, targets: changed, considered };
    const listQuery: Query = { ...q, kind: 'list' };
    return { ...plain, query: listQuery, kind: 'list', hits: changed.map((h) => hitOfHistory(h, compared)), history };
  };

  return { withHistory };
};
