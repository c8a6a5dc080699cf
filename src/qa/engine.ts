import { compareIds, isLagging, leadersOf, unitsOf, type Report, type Target } from '../model';
import type { Normalize } from '../text/normalize';
import type { Aliases } from './aliases';
import type { Answer, GroupStats, Hit, Query, Stats } from './answer';
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
export const createEngine = (deps: { report: Report; normalize: Normalize; aliases: Aliases; config?: QaConfig }): Engine => {
  const { report, normalize, aliases } = deps;
  const config = deps.config ?? QA_DEFAULTS;
  // display order once: lists are ascending by 序号, so filters work on positions
  const targets: Target[] = [...report.targets].sort((a, b) => compareIds(a.id, b.id));
  const n = targets.length;
  const plainHits: Hit[] = Object.freeze(targets.map((target) => ({ target }))) as Hit[];
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
  // single-filter lists precomputed: the common questions (滞后, 年底到期的) then cost no scan of the table
  const byStatus = { lagging: [] as number[], onSchedule: [] as number[] };
  const byDeadline = new Map<string, number[]>();
  targets.forEach((_, i) => {
    (lagging[i] ? byStatus.lagging : byStatus.onSchedule).push(i);
    const key = deadlines[i] as string;
    (byDeadline.get(key) ?? byDeadline.set(key, []).get(key))?.push(i);
  });
  const precomputed = new WeakSet<number[]>([byStatus.lagging, byStatus.onSchedule, ...byDeadline.values(), ...unitPositions.values(), ...leaderPositions.values()]);
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
    const bump = (map: Map<string, GroupStats>, name: string, isLag: boolean): void => {
      const g = map.get(name) ?? { name, total: 0, lagging: 0 };
      g.total += 1;
      if (isLag) g.lagging += 1;
      map.set(name, g);
    };
    for (const i of positions) {
      const t = targets[i] as Target;
      const isLag = lagging[i] === 1;
      total += 1;
      assignments += t.assignments.length;
      if (isLag) lag += 1;
      for (const u of unitsOf(t)) bump(byUnit, u, isLag);
      for (const l of leadersOf(t)) bump(byLeader, l, isLag);
    }
    const order = (a: GroupStats, b: GroupStats): number => b.lagging - a.lagging || b.total - a.total || a.name.localeCompare(b.name, 'zh');
    return {
      scope: { city: report.city, year: report.year, period: report.period, asOf: report.asOf },
      total,
      assignments,
      lagging: lag,
      onScheduleRate: total === 0 ? 0 : (total - lag) / total,
      byUnit: [...byUnit.values()].sort(order),
      byLeader: [...byLeader.values()].sort(order),
    };
  };
  const allPositions = (): Iterable<number> => targets.keys();
  const overview = statsOf(allPositions());

  /** positions passing the query's filters, ascending; undefined = no filter */
  const filterPositions = (q: Query): number[] | undefined => {
    let sets: number[][] = [];
    if (q.units) {
      // one unit (the usual case) is already an ascending array; several are merged
      const lists = q.units.map((u) => unitPositions.get(u) ?? []);
      if (lists.length === 1) sets.push(lists[0] as number[]);
      else {
        const union = new Uint8Array(n);
        for (const list of lists) for (const i of list) union[i] = 1;
        const merged: number[] = [];
        for (let i = 0; i < n; i += 1) if (union[i]) merged.push(i);
        sets.push(merged);
      }
    }
    if (q.leader) sets.push(leaderPositions.get(q.leader) ?? []);
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

  const answer = (question: string, parsed: ParsedQuestion): Answer => {
    const { query, groups, phrases, ambiguous } = parsed;
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
      hits[k] = d ? { target: targets[i] as Target, score: d.score, matched: d.matched } : (plainHits[i] as Hit);
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

  return { report, ask, understand, askAs };
};
