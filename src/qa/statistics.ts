import { leadersOf, STATUS_KINDS, unitsOf, type Report, type StatusKind, type Target } from '../model';
import type { Light } from '../progress/light';
import type { GroupStats, Ranking, Stats } from './answer';
import { LIGHTS, type Filters } from './filters';

export interface Statistics {
  /** the report as a whole, computed once */
  overview: Stats;
  /** figures over some targets (a filter's positions), groups in the ranking's order */
  statsOf(positions: Iterable<number>, rank?: Ranking): Stats;
  /** the overview with its groups in the ranking's order, sorted once per order */
  rankedOverview(rank: Ranking): Stats;
}

const rateOf = (g: GroupStats): number => (g.total === 0 ? 0 : (g.total - g.lagging) / g.total);

/** The default order: most lagging first, then most yellow, then most targets. */
const byLagging = (a: GroupStats, b: GroupStats): number => b.lagging - a.lagging || b.yellow - a.yellow || b.total - a.total || a.name.localeCompare(b.name, 'zh');
const ORDERS: Record<Ranking['order'], (a: GroupStats, b: GroupStats) => number> = {
  lagging: byLagging,
  // best 按计划率 first; among equal rates the one with more targets, then fewer yellow
  rate: (a, b) => rateOf(b) - rateOf(a) || b.total - a.total || a.yellow - b.yellow || a.name.localeCompare(b.name, 'zh'),
  total: (a, b) => b.total - a.total || byLagging(a, b),
};

/** Counts targets, lagging and lights per unit and per leader; a target with several units counts for each. */
export const createStatistics = (report: Report, filters: Filters, hasVerdicts: boolean): Statistics => {
  const { targets, lagging, lightCode, stageOf } = filters;
  /** the targets per 完成时限 as the table writes it, in time order: dates first, then 长期 and the rest */
  const deadlineGroups = (positions: Iterable<number>): GroupStats[] => {
    const groups = new Map<string, GroupStats & { key: string }>();
    for (const i of positions) {
      const t = targets[i] as Target;
      const name = t.deadline.text.trim();
      const g = groups.get(name) ?? { name, total: 0, lagging: 0, yellow: 0, key: t.deadline.kind === 'date' ? t.deadline.date : `~${t.deadline.kind}` };
      g.total += 1;
      if (lagging[i] === 1) g.lagging += 1;
      if (LIGHTS[lightCode[i] as number] === 'yellow') g.yellow += 1;
      groups.set(name, g);
    }
    // code-point order: ISO dates ascending, then ~ongoing and ~other (a locale order puts ~ first)
    return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.total - a.total)).map(({ key: _, ...g }) => g);
  };
  const statsOf = (positions: Iterable<number>, rank?: Ranking): Stats => {
    let total = 0;
    let assignments = 0;
    let lag = 0;
    const byUnit = new Map<string, GroupStats>();
    const byLeader = new Map<string, GroupStats>();
    const lights: Record<Light, number> = { red: 0, yellow: 0, green: 0 };
    const bump = (map: Map<string, GroupStats>, name: string, isLag: boolean, isYellow: boolean): void => {
      const g = map.get(name) ?? { name, total: 0, lagging: 0, yellow: 0 };
      g.total += 1;
      if (isLag) g.lagging += 1;
      if (isYellow) g.yellow += 1;
      map.set(name, g);
    };
    const stages = Object.fromEntries(STATUS_KINDS.map((k) => [k, 0])) as Record<StatusKind, number>;
    for (const i of positions) {
      stages[stageOf[i] as StatusKind] += 1;
      const t = targets[i] as Target;
      const isLag = lagging[i] === 1;
      const light = LIGHTS[lightCode[i] as number] as Light;
      const isYellow = light === 'yellow';
      total += 1;
      assignments += t.assignments.length;
      lights[light] += 1;
      if (isLag) lag += 1;
      for (const u of unitsOf(t)) bump(byUnit, u, isLag, isYellow);
      for (const l of leadersOf(t)) bump(byLeader, l, isLag, isYellow);
    }
    const order = ORDERS[rank?.order ?? 'lagging'];
    const byDeadline = rank?.by === 'deadline' ? deadlineGroups(positions) : undefined;
    return {
      scope: { city: report.city, year: report.year, period: report.period, asOf: report.asOf },
      total,
      assignments,
      lagging: lag,
      onScheduleRate: total === 0 ? 0 : (total - lag) / total,
      lights,
      ...(hasVerdicts ? { stages } : {}),
      byUnit: [...byUnit.values()].sort(order),
      byLeader: [...byLeader.values()].sort(order),
      ...(byDeadline ? { byDeadline } : {}),
    };
  };
  const overview = statsOf(targets.keys());
  const ranked = new Map<Ranking['order'], Stats>();
  const rankedOverview = (rank: Ranking): Stats => {
    if (rank.by === 'deadline') return { ...overview, byDeadline: deadlineGroups(targets.keys()) };
    let stats = ranked.get(rank.order);
    if (!stats) {
      const order = ORDERS[rank.order];
      ranked.set(rank.order, (stats = { ...overview, byUnit: [...overview.byUnit].sort(order), byLeader: [...overview.byLeader].sort(order) }));
    }
    return stats;
  };
  return { overview, statsOf, rankedOverview };
};
