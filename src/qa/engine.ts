import { compareIds, isLagging, leadersOf, STATUS_KINDS, targetStatus, unitsOf, type Report, type StatusKind, type Target } from '../model';
import type { ProgressOptions } from '../progress/defaults';
import { changedBetween, targetHistories, targetHistory, withChanges, type HistoryLookup, type TargetHistory } from '../progress/history';
import { assessReport, assessTarget, type Assessment, type Light, type ReportAssessment } from '../progress/light';
import type { Normalize } from '../text/normalize';
import type { Aliases } from './aliases';
import type { Answer, GroupStats, HistoryAnswer, Hit, Period, Query, Stats } from './answer';
import { QA_DEFAULTS, type QaConfig } from './config';
import { createNameResolver } from './names';
import { createQuestionParser, toNumber, type ParsedQuestion } from './parse-question';
import { createTopicIndex } from './topic-index';

const SEPARATOR = '\u2028';

/**
 * Normalises many texts in few calls: OpenCC's per-call cost dominates on
 * short texts, and joining them is three times faster at 10k targets. The
 * separator (LINE SEPARATOR) is mapped by no step of the normaliser; any in
 * the data becomes a newline first so the split stays aligned.
 */
export const normalizeMany = (normalize: Normalize, texts: string[], batch = 4000): string[] => {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i += batch) {
    const chunk = texts.slice(i, i + batch).map((t) => t.replaceAll(SEPARATOR, '\n'));
    const parts = normalize(chunk.join(SEPARATOR)).split(SEPARATOR);
    // should the normaliser ever touch the separator, fall back to one call per text
    out.push(...(parts.length === chunk.length ? parts : chunk.map((t) => normalize(t))));
  }
  return out;
};

export type CommandKind = 'item' | 'unit' | 'leader' | 'lagging' | 'stats' | 'search' | 'help';

export interface Engine {
  report: Report;
  /** the traffic lights of the report, assessed once at construction */
  assessed: ReportAssessment;
  /** the reports a 变化 question compares, oldest first, ending with `report` */
  timeline: readonly Report[];
  /** answers a free-text question (or a /command) */
  ask(question: string): Answer;
  /** the question as a typed query, without running it (subscriptions store its units/leader/terms) */
  understand(question: string): Query;
  /** answers a bot command: /item 57, /unit 工信局, /leader 王昌华, /lagging, /stats, /search 5G, /help */
  askAs(kind: CommandKind, arg: string): Answer;
}

const COMMANDS: Record<string, CommandKind> = {
  item: 'item',
  unit: 'unit',
  leader: 'leader',
  lagging: 'lagging',
  stats: 'stats',
  search: 'search',
  help: 'help',
  start: 'help',
};

const LIGHTS: readonly Light[] = ['red', 'yellow', 'green'];
const GREEN = 2;

/**
 * The reports a 变化 question compares: the history's reports before the current
 * one (by as-of date), one per as-of date (a corrected re-import of a quarter
 * replaces the earlier file), then the current report. A history entry with
 * the current report's as-of date is the current report itself (the store's
 * copy) or one it replaces; one after it (an older quarter re-imported as
 * current) is not compared.
 */
export const timelineOf = (report: Report, history: readonly Report[] = []): Report[] => {
  const byAsOf = new Map<string, Report>();
  for (const r of history) if (r.asOf < report.asOf) byAsOf.set(r.asOf, r);
  return [...[...byAsOf.values()].sort((a, b) => a.asOf.localeCompare(b.asOf)), report];
};

/**
 * Builds the question-answering engine over one report. Everything that
 * depends on the data (targets in display order, name resolvers, filters,
 * the topic index, the overview) is built here once, so `ask` only parses
 * and intersects.
 *
 * @example
 *   const engine = createEngine({ report, normalize: createNormalizer(), aliases: loadAliases('data/aliases.json') });
 *   idsOf(engine.ask('工信局未按计划')); // ['57']
 */
export const createEngine = (deps: {
  report: Report;
  /** every stored report, oldest first, normally including `report`: 变化 questions compare them */
  history?: readonly Report[];
  normalize: Normalize;
  aliases: Aliases;
  config?: QaConfig;
  /** thresholds of the traffic lights (PROGRESS_DEFAULTS when omitted) */
  progress?: Partial<ProgressOptions>;
}): Engine => {
  const { report, normalize, aliases } = deps;
  const config = deps.config ?? QA_DEFAULTS;
  const progress = deps.progress ?? {};
  const timeline = timelineOf(report, deps.history);
  // display order once: lists are ascending by 序号, so filters work on positions
  const targets: Target[] = [...report.targets].sort((a, b) => compareIds(a.id, b.id));
  const n = targets.length;
  // lights once per report, here and not per question: extraction reads every progress text
  const assessed = assessReport(report, progress);
  const assessmentOf = new Map<Target, Assessment>(assessed.items.map((x) => [x.target, x.assessment]));
  const plainHits: Hit[] = Object.freeze(targets.map((target) => ({ target, assessment: assessmentOf.get(target) as Assessment }))) as Hit[];
  const positionOf = new Map<string, number>(targets.map((t, i) => [t.id, i]));
  const byId = new Map<string, number>(targets.map((t, i) => [normalize(t.id).trim(), i]));

  const unitPositions = new Map<string, number[]>();
  const leaderPositions = new Map<string, number[]>();
  const lagging = new Uint8Array(n);
  targets.forEach((t, i) => {
    for (const u of unitsOf(t)) (unitPositions.get(u) ?? unitPositions.set(u, []).get(u))?.push(i);
    for (const l of leadersOf(t)) (leaderPositions.get(l) ?? leaderPositions.set(l, []).get(l))?.push(i);
    lagging[i] = isLagging(t) ? 1 : 0;
  });
  const deadlineKey = (t: Target): string => (t.deadline.kind === 'date' ? t.deadline.date : t.deadline.kind === 'ongoing' ? 'ongoing' : '');
  const deadlines = targets.map(deadlineKey);
  const lightCode = new Uint8Array(n);
  const byLight: number[][] = [[], [], []];
  const risky: number[] = [];
  targets.forEach((t, i) => {
    const code = LIGHTS.indexOf((assessmentOf.get(t) as Assessment).light);
    lightCode[i] = code;
    (byLight[code] as number[]).push(i);
    if (code !== GREEN) risky.push(i);
  });
  // single-filter lists precomputed: the common questions (滞后, 年底到期的) then cost no scan of the table
  const byStatus = { lagging: [] as number[], onSchedule: [] as number[] };
  const byStage = new Map<StatusKind, number[]>(STATUS_KINDS.map((k) => [k, []]));
  const byDeadline = new Map<string, number[]>();
  const stageOf = targets.map(targetStatus);
  targets.forEach((_, i) => {
    (lagging[i] ? byStatus.lagging : byStatus.onSchedule).push(i);
    byStage.get(stageOf[i] as StatusKind)?.push(i);
    const key = deadlines[i] as string;
    (byDeadline.get(key) ?? byDeadline.set(key, []).get(key))?.push(i);
  });
  const precomputed = new WeakSet<number[]>([
    byStatus.lagging,
    byStatus.onSchedule,
    ...byStage.values(),
    ...byDeadline.values(),
    ...unitPositions.values(),
    ...leaderPositions.values(),
    ...byLight,
    risky,
  ]);
  /** hits of precomputed position lists, built once: answers share them, so they must be treated as read-only */
  const hitCache = new WeakMap<number[], Hit[]>();
  const hitsAt = (positions: number[]): Hit[] => {
    let hits = hitCache.get(positions);
    if (!hits) {
      hits = positions.map((i) => plainHits[i] as Hit);
      // frozen, so a caller that sorts or splices a shared list fails loudly instead of corrupting later answers
      if (precomputed.has(positions)) hitCache.set(positions, Object.freeze(hits) as Hit[]);
    }
    return hits;
  };

  const units = createNameResolver({ names: unitPositions.keys(), normalize, aliases: aliases.units, config });
  const leaders = createNameResolver({ names: leaderPositions.keys(), normalize, config });
  const reportWords = [
    report.city,
    report.city.replace(/市$/, ''),
    report.period,
    report.period.replace(/^第/, ''),
    `${report.year}年`,
    String(report.year),
    '本季度',
    '这个季度',
    '本期',
  ];
  const parser = createQuestionParser({ normalize, aliases, units, leaders, year: report.year, reportWords });
  const titles = normalizeMany(normalize, targets.map((t) => t.text));
  const bodies = normalizeMany(normalize, targets.map((t) => t.assignments.map((a) => a.progress).join('\n')));
  const topics = createTopicIndex(
    targets.map((_, i) => ({ title: titles[i] as string, body: bodies[i] as string })),
    config,
  );

  const statsOf = (positions: Iterable<number>): Stats => {
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
    const order = (a: GroupStats, b: GroupStats): number => b.lagging - a.lagging || b.yellow - a.yellow || b.total - a.total || a.name.localeCompare(b.name, 'zh');
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
    };
  };
  const allPositions = (): Iterable<number> => targets.keys();
  /**
   * A table of 是/否 knows no 已完成 or 超进度: there a verdict question asks what
   * the table can say (已完成的 → 按计划, 欠进度的 → 滞后), as it did before verdicts.
   * 未开工 stays a verdict: nothing in a 是/否 table is known not to have started.
   */
  const hasVerdicts = report.verdicts === true || stageOf.some((k) => k !== 'on-plan' && k !== 'behind');
  const asYesNo = (q: Query): Query => {
    if (!q.stage || q.stage === 'not-started') return q;
    const { stage, ...rest } = q;
    return { ...rest, status: rest.status ?? (stage === 'behind' ? 'lagging' : 'onSchedule') };
  };
  const overview = statsOf(allPositions());

  /** positions passing the query's filters, ascending; undefined = no filter */
  const filterPositions = (q: Query): number[] | undefined => {
    let sets: number[][] = [];
    if (q.units) {
      // one unit (the usual case) is already an ascending array; several are merged
      const lists = q.units.map((u) => unitPositions.get(u) ?? []);
      // 共同负责: the targets every named unit is on
      if (lists.length === 1 || q.join === 'all') sets.push(...lists);
      else {
        const union = new Uint8Array(n);
        for (const list of lists) for (const i of list) union[i] = 1;
        const merged: number[] = [];
        for (let i = 0; i < n; i += 1) if (union[i]) merged.push(i);
        sets.push(merged);
      }
    }
    if (q.leader) sets.push(leaderPositions.get(q.leader) ?? []);
    if (q.stage) sets.push(byStage.get(q.stage) ?? []);
    // light lists are precomputed and ascending: one alone is returned as is, else the smallest list drives
    if (q.light) sets.push(byLight[LIGHTS.indexOf(q.light)] as number[]);
    else if (q.risk) sets.push(risky);
    sets = sets.sort((a, b) => a.length - b.length);
    const wantLag = q.status === 'lagging' ? 1 : q.status === 'onSchedule' ? 0 : -1;
    const wantDeadline = q.deadline ? ('ongoing' in q.deadline ? 'ongoing' : q.deadline.date) : undefined;
    if (sets.length === 0 && wantLag < 0 && wantDeadline === undefined) return undefined;
    if (sets.length === 0 && wantDeadline === undefined) return wantLag === 1 ? byStatus.lagging : byStatus.onSchedule;
    if (sets.length === 0 && wantLag < 0 && wantDeadline !== undefined) return byDeadline.get(wantDeadline) ?? [];
    const keep = (i: number): boolean => (wantLag < 0 || lagging[i] === wantLag) && (wantDeadline === undefined || deadlines[i] === wantDeadline);
    const [first, ...others] = sets;
    if (first && others.length === 0 && wantLag < 0 && wantDeadline === undefined) return first;
    // the smallest set drives; the others are looked up in a bitmap
    const inOthers = others.length > 0 ? new Uint8Array(n) : undefined;
    if (inOthers) {
      for (const i of others[0] as number[]) inOthers[i] = 1;
      for (const other of others.slice(1)) {
        const next = new Uint8Array(n);
        for (const i of other) if (inOthers[i]) next[i] = 1;
        inOthers.set(next);
      }
    }
    const out: number[] = [];
    if (first) {
      for (const i of first) if (keep(i) && (!inOthers || inOthers[i])) out.push(i);
    } else for (let i = 0; i < n; i += 1) if (keep(i)) out.push(i);
    return out;
  };

  /**
   * Searches by words; when nothing passes, searches again with each phrase as one word. One wrong
   * character splits a word into pieces the table does not have (希望小物 → 希望 | 小物), but the
   * phrase's character pairs (希望, 望小, 小物) still mostly occur in the right target, while an
   * off-topic phrase (今天天气: 今天, 天天, 天气) still falls below the coverage floor.
   */
  const searchTolerant = (groups: string[][], phrases: string[], mask?: Uint8Array): ReturnType<typeof topics.search> => {
    const strict = topics.search(groups, { ...(mask ? { mask } : {}), phrases });
    if (strict.ranked.length > 0) return strict;
    const unique = [...new Set(phrases)];
    const whole = unique.filter((p) => !unique.some((o) => o !== p && o.includes(p)));
    if (whole.length === 0) return strict;
    return topics.search(
      whole.map((p) => [p]),
      { ...(mask ? { mask } : {}), phrases: whole },
    );
  };

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
    const otherFilters = q.leader || q.status || q.stage || q.deadline || q.light || q.risk || q.terms;
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
      const positions = filterPositions(q);
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

  const answer = (question: string, parsed: ParsedQuestion): Answer => {
    const plain = answerPlain(question, parsed);
    return parsed.query.history ? withHistory(plain) : plain;
  };

  const answerPlain = (question: string, parsed: ParsedQuestion): Answer => {
    const { groups, phrases, ambiguous } = parsed;
    const query = hasVerdicts ? parsed.query : asYesNo(parsed.query);
    const base = { question, query, ...(ambiguous ? { candidates: ambiguous } : {}) };
    switch (query.kind) {
      case 'help':
        return { ...base, kind: 'help', hits: [] };
      case 'item': {
        const i = byId.get(query.item ?? '');
        if (i !== undefined) return { ...base, kind: 'item', hits: [plainHits[i] as Hit] };
        return { ...base, kind: 'item', hits: [], ...(n > 0 ? { idRange: { first: (targets[0] as Target).id, last: (targets[n - 1] as Target).id } } : {}) };
      }
      case 'none':
        return { ...base, kind: 'none', hits: [] };
      default:
        break;
    }
    // a unit that was named but is not in the table (发改委): say so rather than answer without it
    if (query.unresolved && !query.units) return { ...base, query: { ...query, kind: 'none' }, kind: 'none', hits: [] };
    const positions = filterPositions(query);
    if (query.kind === 'stats') {
      return { ...base, kind: 'stats', hits: [], stats: positions ? statsOf(positions) : overview };
    }
    if (query.kind === 'list' || groups.length === 0) {
      // no filter at all: the question asked for every target (所有目标)
      return { ...base, kind: 'list', hits: positions ? hitsAt(positions) : plainHits };
    }
    let mask: Uint8Array | undefined;
    if (positions) {
      mask = new Uint8Array(n);
      for (const i of positions) mask[i] = 1;
    }
    const found = searchTolerant(groups, phrases, mask);
    if (found.ranked.length === 0) {
      if (positions) {
        // words found nowhere in the table are noise around a filter (卫健委最近干了啥): answer the filter alone
        const anywhere = mask ? searchTolerant(groups, phrases).ranked.length > 0 : false;
        if (!anywhere) {
          const listQuery: Query = { ...query, kind: 'list' };
          delete listQuery.terms;
          return { ...base, query: listQuery, kind: 'list', hits: positions.map((i) => plainHits[i] as Hit) };
        }
        return { ...base, kind: 'search', hits: [] };
      }
      return { ...base, query: { ...query, kind: 'none' }, kind: 'none', hits: [] };
    }
    const hits: Hit[] = new Array<Hit>(found.ranked.length);
    for (let k = 0; k < found.ranked.length; k += 1) {
      const i = found.ranked[k] as number;
      const d = found.detail.get(i);
      hits[k] = d ? { ...(plainHits[i] as Hit), score: d.score, matched: d.matched } : (plainHits[i] as Hit);
    }
    return { ...base, kind: 'search', hits };
  };

  const ask = (question: string): Answer => {
    const cmd = /^\s*[/／]([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(question);
    const kind = cmd?.[1] ? COMMANDS[cmd[1].toLowerCase()] : undefined;
    if (kind) return askAs(kind, cmd?.[2] ?? '');
    return answer(question, parser.parse(question));
  };

  const understand = (question: string): Query => parser.parse(question).query;

  const askAs = (kind: CommandKind, arg: string): Answer => {
    const question = `/${kind}${arg ? ` ${arg}` : ''}`;
    const text = parser.clean(arg);
    switch (kind) {
      case 'help':
        return { kind: 'help', question, query: { kind: 'help' }, hits: [] };
      case 'item': {
        const m = /(\d+|[零〇一二两三四五六七八九十百]+)/.exec(text);
        const num = m?.[1] ? toNumber(m[1]) : undefined;
        if (num === undefined) return { kind: 'none', question, query: { kind: 'none', unresolved: arg.trim() }, hits: [] };
        return answer(question, { query: { kind: 'item', item: String(num) }, groups: [], phrases: [] });
      }
      case 'unit': {
        const mention = text.replace(/\s+/g, '');
        const found = units.scan(mention);
        const names = found.length === 1 && found[0]?.mention === mention ? found[0].names : units.resolve(mention);
        if (names.length === 0) return { kind: 'none', question, query: { kind: 'none', unresolved: arg.trim() }, hits: [] };
        const parsed: ParsedQuestion = { query: { kind: 'list', units: names }, groups: [], phrases: [], ...(names.length > 1 ? { ambiguous: names } : {}) };
        return answer(question, parsed);
      }
      case 'leader': {
        const mention = text.replace(/\s+/g, '');
        const names = leaders.resolve(mention);
        if (names.length !== 1) return { kind: 'none', question, query: { kind: 'none', unresolved: arg.trim() }, hits: [], ...(names.length > 1 ? { candidates: names } : {}) };
        return answer(question, { query: { kind: 'list', leader: names[0] as string }, groups: [], phrases: [] });
      }
      case 'lagging':
      case 'stats': {
        const parsed = parser.parse(arg);
        const query: Query = { ...parsed.query, kind: kind === 'stats' ? 'stats' : 'list' };
        if (kind === 'lagging') query.status = 'lagging';
        if (parsed.query.kind === 'none' && arg.trim() && !query.units && !query.leader) query.unresolved ??= arg.trim();
        if (query.unresolved && !query.units && kind === 'lagging' && arg.trim()) return { kind: 'none', question, query: { ...query, kind: 'none' }, hits: [] };
        return answer(question, { ...parsed, groups: kind === 'lagging' ? parsed.groups : [], query: kind === 'lagging' && parsed.groups.length > 0 ? { ...query, kind: 'search' } : query });
      }
      case 'search': {
        const parsed = parser.parse(arg);
        if (parsed.groups.length === 0) return answer(question, { ...parsed, query: { ...parsed.query, kind: parsed.query.kind === 'list' ? 'list' : 'none' } });
        return answer(question, { ...parsed, query: { ...parsed.query, kind: 'search' } });
      }
      default:
        return { kind: 'none', question, query: { kind: 'none' }, hits: [] };
    }
  };

  return { report, assessed, timeline, ask, understand, askAs };
};
