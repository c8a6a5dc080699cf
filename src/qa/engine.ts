import { leadersOf, leaderTitlesIn, type Report, type Target } from '../model';
import type { ProgressOptions } from '../progress/defaults';
import { assessReport, type Assessment, type ReportAssessment } from '../progress/light';
import type { Normalize } from '../text/normalize';
import type { Aliases } from './aliases';
import type { Answer, Hit, Query } from './answer';
import { examplesOf, type TableExamples } from './examples';
import { commandKindOf, createCommands, parseCommand, type CommandKind } from './commands';
import { QA_DEFAULTS, type QaConfig } from './config';
import { createFilters } from './filters';
import type { FilterKindName } from './filter-kinds';
import { addsAnything, cuesOf, mergeFollowUp, namesSubject, partsOf, pick, standsAlone, type Conversation, type Understood } from './follow-up';
import { createHistoryAnswers } from './history-answers';
import { createNameResolver, createSyllableMemo } from './names';
import { asFigures, asksForFigures, decideKind } from './parse/kind';
import { createQuestionParser, type ParsedQuestion } from './parse-question';
import { createStatistics } from './statistics';
import { loadDepartments } from './departments';
import { loadSuccessions, type Succession } from './successions';
import { createPartialWords } from './partial-words';
import { createTopicIndex, rareDfOf } from './topic-index';

export type { CommandKind } from './commands';
export type { Conversation, Understood } from './follow-up';

/** The titles the table's leader cells give each leader (周海波（县长）), so 县长 alone names him. */
const titlesOfLeaders = (targets: readonly Target[]): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const t of targets) {
    for (const a of t.assignments) {
      for (const [name, titles] of leaderTitlesIn(a.leader)) out.set(name, [...new Set([...(out.get(name) ?? []), ...titles])]);
    }
  }
  return out;
};

const SEPARATOR = '\u2028';
/** How much of a target's text gives the table's vocabulary: real texts are a few hundred characters; a 100,000-character cell must not cost a second a question. */
const WORDS_OF_TEXT = 2_000;

/**
 * Normalises many texts in few calls: OpenCC's per-call cost dominates on
 * short texts, and joining them is three times faster at 10k targets. The
 * separator (LINE SEPARATOR) is mapped by no step of the normaliser; any in
 * the data becomes a newline first so the split stays aligned.
 */
/** The words of some texts, as a segmenter finds them, with runs of single characters joined (希望 小屋, 托 育 → 托育). */
const wordsOf = (texts: readonly string[]): Set<string> => {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const out = new Set<string>();
  for (const text of texts) {
    let run = '';
    for (const seg of segmenter.segment(text)) {
      const w = seg.segment;
      if (!/^\p{Script=Han}+$/u.test(w)) {
        if (run.length >= 2) out.add(run);
        run = '';
      } else if (w.length === 1) run += w;
      else {
        if (run.length >= 2) out.add(run);
        run = '';
        out.add(w);
      }
    }
    if (run.length >= 2) out.add(run);
  }
  return out;
};

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
  /**
   * Answers one message of a conversation: a follow-up (有没有滞后的, 那商务局的呢,
   * 第三个, 我们局的) is read with what the conversation said before; a complete
   * question starts afresh. Returns the conversation after this message.
   */
  converse(question: string, conversation?: Conversation): { answer: Answer; conversation: Conversation };
  /** what an answer of this engine was asked as, for the conversation to keep (undefined for help and asking back) */
  understood(answer: Answer): Understood | undefined;
  /** names and numbers of this table for replies that teach how to ask (computed once) */
  examples(): TableExamples;
}

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
  /** old office names and their successors (data/successions.json when omitted) */
  successions?: readonly Succession[];
  /** thresholds of the traffic lights (PROGRESS_DEFAULTS when omitted) */
  progress?: Partial<ProgressOptions>;
}): Engine => {
  const { report, normalize, aliases } = deps;
  const config = deps.config ?? QA_DEFAULTS;
  const progress = deps.progress ?? {};
  const timeline = timelineOf(report, deps.history);
  // lights once per report, here and not per question: extraction reads every progress text
  const assessed = assessReport(report, progress);
  const assessmentOf = new Map<Target, Assessment>(assessed.items.map((x) => [x.target, x.assessment]));
  const filters = createFilters({ targets: report.targets, assessmentOf, normalize });
  const { targets, plainHits, byId } = filters;
  const n = targets.length;
  /**
   * A table of 是/否 knows no 已完成 or 超进度: there a verdict question asks what
   * the table can say (已完成的 → 按计划, 欠进度的 → 滞后), as it did before verdicts.
   * 未开工 stays a verdict: nothing in a 是/否 table is known not to have started.
   */
  const hasVerdicts = report.verdicts === true || filters.stageOf.some((k) => k !== 'on-plan' && k !== 'behind');
  const asYesNo = (q: Query): Query => {
    if (!q.stage || q.stage === 'not-started') return q;
    const { stage, ...rest } = q;
    return { ...rest, status: rest.status ?? (stage === 'behind' ? 'lagging' : 'onSchedule') };
  };
  const statistics = createStatistics(report, filters, hasVerdicts);
  const history = createHistoryAnswers({ report, timeline, filters, assessmentOf, progress });

  // the table's own place (沂州市, 汶源县): its units are named without it (沂州海关 → 海关)
  const places = [report.city, report.city.replace(/[市县区州旗]$/u, '')];
  const syllables = createSyllableMemo();
  const units = createNameResolver({
    names: filters.unitPositions.keys(),
    normalize,
    aliases: aliases.units,
    config,
    places,
    successions: deps.successions ?? loadSuccessions(),
    departments: loadDepartments(),
    syllables,
  });
  const leaders = createNameResolver({ names: filters.leaderPositions.keys(), normalize, config, soundMinLength: 2, fuzzy: false, syllables });
  const reportWords = [
    report.city,
    report.city.replace(/市$/, ''),
    // the table's own level (市级目标 in a city's table, 县级 in a county's): true of every target it holds
    ...(/[市县区]$/u.test(report.city) ? [`${report.city.slice(-1)}级`] : []),
    report.period,
    report.period.replace(/^第/, ''),
    `${report.year}年`,
    String(report.year),
    '本季度',
    '这个季度',
    '这一季度',
    '这季度',
    '本期',
  ];
  /**
   * A unit's one leader, for 我是X局的 (the speaker's 领导): found once per unit, since a big unit's
   * targets are thousands and reading each one's leader cell cost a dictated question 10+ ms at 30,000 targets.
   */
  const leaderOfUnit = new Map<string, string | undefined>();
  /** the table's words, for the pinyin and help passes: segmented once, on the first question that needs them */
  let tableWords: Set<string> | undefined;
  const tableWordsOf = (): Set<string> => (tableWords ??= wordsOf([...titles.map((t) => t.slice(0, WORDS_OF_TEXT)), ...filters.sectionPositions.keys()]));
  const parser = createQuestionParser({
    normalize,
    aliases,
    units,
    leaders,
    year: report.year,
    reportWords,
    city: report.city,
    covered: timeline.map((r) => ({ year: r.year, period: r.period })),
    sections: [...filters.sectionPositions.keys()],
    wholePeriods: filters.wholePeriods,
    verdicts: hasVerdicts,
    leaderTitles: titlesOfLeaders(targets),
    tableWords: tableWordsOf,
    targetTexts: () => titles,
    syllables,
    leaderOf: (unit) => {
      if (leaderOfUnit.has(unit)) return leaderOfUnit.get(unit);
      const over = new Set((filters.unitPositions.get(unit) ?? []).flatMap((i) => leadersOf(targets[i] as Target)));
      const one = over.size === 1 ? [...over][0] : undefined;
      leaderOfUnit.set(unit, one);
      return one;
    },
  });
  const titles = normalizeMany(
    normalize,
    targets.map((t) => t.text),
  );
  const bodies = normalizeMany(
    normalize,
    targets.map((t) => t.assignments.map((a) => a.progress).join('\n')),
  );
  const topics = createTopicIndex(
    targets.map((_, i) => ({ title: titles[i] as string, body: bodies[i] as string })),
    config,
  );
  const partialWords = createPartialWords({ titles, tableWords: tableWordsOf, rareDf: rareDfOf(n) });
  const idRange = n > 0 ? { first: (targets[0] as Target).id, last: (targets[n - 1] as Target).id } : undefined;

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
    const phrased =
      whole.length > 0
        ? topics.search(
            whole.map((p) => [p]),
            { ...(mask ? { mask } : {}), phrases: whole },
          )
        : strict;
    if (phrased.ranked.length > 0) return phrased;
    // words the table writes differently (托育托位, 停车位): searched in the table's words for them
    const partial = partialWords(groups);
    return partial ? topics.search(partial, { ...(mask ? { mask } : {}), phrases }) : phrased;
  };

  /** 序号 of a list or span that the table does not have: 100, or 87–90 for the part of a span past the end */
  const missingOf = (q: Query, found: number): string[] => {
    if (q.items) return q.items.filter((id) => !byId.has(id));
    if (!q.range || !idRange) return [];
    const [first, last] = [Number(idRange.first), Number(idRange.last)];
    const span = (a: number, b: number): string => (a === b ? String(a) : `${a}–${b}`);
    if (!Number.isFinite(first) || !Number.isFinite(last)) return found === 0 ? [span(q.range.from, q.range.to)] : [];
    const out: string[] = [];
    if (q.range.from < first) out.push(span(q.range.from, Math.min(q.range.to, first - 1)));
    if (q.range.to > last) out.push(span(Math.max(q.range.from, last + 1), q.range.to));
    return out;
  };

  /**
   * 东明时化项目: when nothing was found, the question again with each piece the table does not have
   * read as the table's words of the same sound (a homophone typed or dictated); undefined when no
   * piece sounds like the table's words. Only after a miss, so the sound dictionary is built only
   * when a question needs it.
   */
  const byEar = (parsed: ParsedQuestion): ParsedQuestion | undefined => {
    let text = parsed.said ?? '';
    const heard: { written: string; as: string }[] = [];
    for (const p of new Set(parsed.phrases)) {
      const as = text.includes(p) ? parser.soundAlike(p) : undefined;
      if (!as) continue;
      text = text.replaceAll(p, as);
      heard.push({ written: p, as });
    }
    if (heard.length === 0) return undefined;
    const again = parser.parse(text);
    again.query.readAs = [...heard, ...(again.query.readAs ?? [])];
    return again;
  };

  /**
   * 品牌培育，还有质量提升: pieces of a question that each name a different target's text wholly are
   * several topics asked together. Each piece of three or more characters that the first target found
   * lacks (every piece, when the search found nothing) is searched alone, and the targets whose own
   * text holds it are added.
   */
  const otherTopics = (ranked: Int32Array, groups: string[][], phrases: string[], mask?: Uint8Array): Hit[] => {
    const top = ranked[0];
    const unique = [...new Set(phrases)].filter((p) => p.length >= 3);
    const whole = unique.filter((p) => !unique.some((o) => o !== p && o.includes(p)));
    if (whole.length < 2) return [];
    const shown = new Set(ranked);
    const out: Hit[] = [];
    for (const p of whole) {
      if (top !== undefined && titles[top]?.includes(p)) continue;
      const own = groups.filter((g) => p.includes(g[0] as string));
      if (own.length === 0) continue;
      const alone = topics.search(own, { ...(mask ? { mask } : {}), phrases: [p] });
      for (const i of alone.ranked.slice(0, config.searchRefineTop)) {
        if (shown.has(i) || !titles[i]?.includes(p)) continue;
        shown.add(i);
        out.push(plainHits[i] as Hit);
      }
    }
    return out;
  };

  const answerPlain = (question: string, parsed: ParsedQuestion, heardAlike = false): Answer => {
    const { groups, phrases, ambiguous, ambiguousLeaders } = parsed;
    const query = hasVerdicts ? parsed.query : asYesNo(parsed.query);
    const base = {
      question,
      query,
      ...(ambiguous ? { candidates: ambiguous, candidatesOf: 'unit' as const } : {}),
      ...(ambiguousLeaders ? { candidates: ambiguousLeaders, candidatesOf: 'leader' as const } : {}),
    };
    switch (query.kind) {
      case 'help':
        return { ...base, kind: 'help', hits: [] };
      case 'item': {
        const i = byId.get(query.item ?? '');
        if (i !== undefined) return { ...base, kind: 'item', hits: [plainHits[i] as Hit] };
        return { ...base, kind: 'item', hits: [], ...(idRange ? { idRange } : {}) };
      }
      case 'none':
        // another city or year: say what the table covers rather than answer for this city's namesake
        if (query.outside) return { ...base, kind: 'none', hits: [], scope: { city: report.city, year: report.year, period: report.period } };
        return { ...base, kind: 'none', hits: [] };
      default:
        break;
    }
    // a unit that was named but is not in the table (发改委): say so rather than answer without it
    if (query.unresolved && !query.units) return { ...base, query: { ...query, kind: 'none' }, kind: 'none', hits: [] };
    const positions = filters.positions(query);
    const statsAnswer = (q: Query, at: number[] | undefined): Answer => {
      const stats = at ? statistics.statsOf(at, q.rank) : q.rank ? statistics.rankedOverview(q.rank) : statistics.overview;
      return { ...base, query: q, kind: 'stats', hits: [], stats };
    };
    if (query.kind === 'stats') return statsAnswer(query, positions);
    const numbered: Pick<Answer, 'missingItems' | 'idRange'> = query.items || query.range ? { missingItems: missingOf(query, positions?.length ?? 0), ...(idRange ? { idRange } : {}) } : {};
    if (query.kind === 'list' || groups.length === 0) {
      // no filter at all: the question asked for every target (所有目标)
      const hits = positions ? filters.hitsAt(positions) : (plainHits as Hit[]);
      // 序号 none of which exist: nothing to list, only what the table has
      if (hits.length === 0 && numbered.missingItems?.length) return { ...base, ...numbered, query: { ...query, kind: 'none' }, kind: 'none', hits: [] };
      return { ...base, ...numbered, kind: 'list', hits };
    }
    let mask: Uint8Array | undefined;
    if (positions) {
      mask = new Uint8Array(n);
      for (const i of positions) mask[i] = 1;
    }
    const found = searchTolerant(groups, phrases, mask);
    if (found.ranked.length === 0) {
      const each = otherTopics(found.ranked, groups, phrases, mask);
      if (each.length > 0) return { ...base, kind: 'search', hits: each };
      const again = heardAlike ? undefined : byEar(parsed);
      const alike = again && answerPlain(question, again, true);
      if (alike && alike.hits.length > 0) return alike;
      const anywhere = mask ? searchTolerant(groups, phrases).ranked.length > 0 : false;
      if (anywhere) return { ...base, kind: 'search', hits: [] };
      // words found nowhere in the table are noise around what else was asked (卫健委最近干了啥, 这个表里一共多少条):
      // the kind is decided again without them
      const bare: Query = { ...query };
      delete bare.terms;
      delete bare.phrase;
      // …only a request for figures in so many words (报了多少家 about a topic the table lacks is no request for the overview)
      const decided = parsed.cues && (positions || asksForFigures(parsed.cues)) ? decideKind(bare, false, parsed.cues) : { kind: positions ? ('list' as const) : ('none' as const) };
      if (decided.kind === 'stats') {
        const q = decided.figures ? asFigures(bare) : bare;
        return statsAnswer({ ...q, kind: 'stats' }, filters.positions(q));
      }
      if (positions) return { ...base, ...numbered, query: { ...bare, kind: 'list', ...(decided.count ? { count: true } : {}) }, kind: 'list', hits: positions.map((i) => plainHits[i] as Hit) };
      return { ...base, query: { ...query, kind: 'none' }, kind: 'none', hits: [] };
    }
    const hits: Hit[] = new Array<Hit>(found.ranked.length);
    for (let k = 0; k < found.ranked.length; k += 1) {
      const i = found.ranked[k] as number;
      const d = found.detail.get(i);
      hits[k] = d ? { ...(plainHits[i] as Hit), score: d.score, matched: d.matched } : (plainHits[i] as Hit);
    }
    return { ...base, kind: 'search', hits: [...hits, ...otherTopics(found.ranked, groups, phrases, mask)] };
  };

  // the table's own names and numbers for the replies that teach how to ask, found on the first such reply
  let examples: TableExamples | undefined;
  const tableExamples = (): TableExamples => (examples ??= examplesOf(report));
  const teaches = (a: Answer): boolean => a.kind === 'help' || a.kind === 'none' || a.kind === 'stats' || (a.kind === 'item' && a.hits.length === 0);
  const understoodOf = new WeakMap<Answer, Understood>();
  const answer = (question: string, parsed: ParsedQuestion): Answer => {
    const found = answerPlain(question, parsed);
    const plain = teaches(found) ? { ...found, examples: tableExamples() } : found;
    const out = parsed.query.history ? history.withHistory(plain) : plain;
    // as answered: words found nowhere in the table were dropped as noise (卫健委最近干了啥), and a follow-up does not carry them
    const searched = out.query.terms !== undefined;
    understoodOf.set(out, { query: out.query, groups: searched ? parsed.groups : [], phrases: searched ? parsed.phrases : [] });
    return out;
  };
  const { askAs } = createCommands({ parser, units, leaders, answer });

  const ask = (question: string): Answer => {
    const cmd = parseCommand(question);
    const kind = cmd && commandKindOf(cmd.name);
    if (cmd && kind) return askAs(kind, cmd.arg);
    return answer(question, parser.parse(question));
  };

  const understand = (question: string): Query => parser.parse(question).query;

  /** the 序号 of the last list, in the order it was shown */
  const shown = (last: Understood): string[] => answer('', last).hits.map((h) => h.target.id);

  /** 我是市科技局的 alone: acknowledged, with that unit's (or leader's) figures */
  const introduction = (question: string, parsed: ParsedQuestion): Answer => {
    const speaker = parsed.speaker as NonNullable<ParsedQuestion['speaker']>;
    const known = (speaker.kind === 'unit' ? filters.unitPositions : filters.leaderPositions).has(speaker.name);
    const query: Query = known ? { kind: 'stats', ...(speaker.kind === 'unit' ? { units: [speaker.name] } : { leader: speaker.name }) } : { kind: 'none', unresolved: speaker.name };
    return { ...answer(question, { query, groups: [], phrases: [] }), introduced: speaker };
  };

  const converse = (question: string, before: Conversation = {}): { answer: Answer; conversation: Conversation } => {
    const cmd = parseCommand(question);
    const kind = cmd && commandKindOf(cmd.name);
    const after = (a: Answer, last: Understood | undefined, speaker = before.speaker): { answer: Answer; conversation: Conversation } => ({
      answer: a,
      conversation: { ...(last ? { last, page: 1 } : {}), ...(speaker ? { speaker } : {}) },
    });
    if (cmd && kind) {
      const a = askAs(kind, cmd.arg);
      return after(a, understoodOf.get(a));
    }
    const parsed = parser.parse(question, before.speaker ? { speaker: before.speaker } : {});
    const speaker = parsed.speaker ?? before.speaker;
    const fresh = (): { answer: Answer; conversation: Conversation } => {
      const a = answer(question, parsed);
      return after(a, understoodOf.get(a), speaker);
    };
    if (parsed.introduced && !addsAnything(parsed) && !parsed.pointer && !parsed.query.terms?.length) return after(introduction(question, parsed), before.last, speaker);
    const { last } = before;
    if (!last) return fresh();
    const q = parsed.query;
    // 第三条, 倒数第一个, 这些; 第三项 where the table has no 序号 3 counts along the list too
    const pointer =
      parsed.pointer ??
      (q.kind === 'item' && q.item && !byId.has(q.item) && /^\d+$/.test(q.item)
        ? { written: /第[^第]{1,6}?[项号]/u.exec(parsed.said ?? question)?.[0] ?? q.item, pick: { nth: Number(q.item) } }
        : undefined);
    if (pointer && !('all' in pointer.pick && addsAnything(parsed))) {
      const ids = pick(pointer, shown(last));
      if (ids.length > 0) {
        const picked: Query = ids.length === 1 ? { kind: 'item', item: ids[0] as string } : { kind: 'list', items: ids };
        const a = 'all' in pointer.pick ? answer(question, last) : answer(question, { query: picked, groups: [], phrases: [] });
        // the list stays the one pointed into: 第四个 next counts along it too
        return after({ ...a, followUp: { basis: last.query, pointer: pointer.written } }, last, speaker);
      }
    }
    // one 序号 that the table has is the most specific subject there is: never narrowed by the last question
    if (q.kind === 'item' && q.item && byId.has(q.item)) return fresh();
    const cues = cuesOf(parsed.said ?? normalize(question));
    const tied = cues.swap || cues.narrow || cues.correct || cues.notOnly !== undefined;
    if (standsAlone(parsed) && !tied) return fresh();
    // 全市所有目标里哪些…, or …的目标是哪个 with nothing tying it to the last: a complete question
    if (cues.whole && !cues.correct) return fresh();
    if (cues.headNoun && !tied && !cues.within) return fresh();
    const without: FilterKindName[] = cues.notOnly ? partsOf(parser.parse(cues.notOnly).query) : [];
    if (!addsAnything(parsed) && without.length === 0 && !cues.everything) return fresh();
    // a topic alone (托育服务进展怎么样) is a new question unless its best match is on the list; asked
    // with 有没有 (有没有跟园区有关的), it narrows the list when the list has any
    const topicAlone = !namesSubject(q) && partsOf(q).every((p) => p === 'topic') && q.terms?.length && !tied;
    if (topicAlone && !cues.within) {
      const alone = answer(question, parsed);
      const top = alone.hits[0]?.target.id;
      if (!top || !shown(last).includes(top)) return after(alone, understoodOf.get(alone), speaker);
    }
    const a = answer(question, mergeFollowUp(last, parsed, cues, without));
    if (topicAlone && cues.within && a.hits.length === 0) return fresh();
    return after({ ...a, followUp: { basis: a.query } }, understoodOf.get(a), speaker);
  };

  return { report, assessed, timeline, ask, understand, askAs, converse, understood: (a) => understoodOf.get(a), examples: tableExamples };
};
