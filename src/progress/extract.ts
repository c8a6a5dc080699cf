import type { Target } from '../model';
import { toHalfWidth } from '../text/normalize';
import { findQuantities, type Quantity, type UnitWord } from './numbers';

/**
 * The quantitative goal in 责任目标内容 and the achieved value in 完成情况.
 *
 * Kinds of goal:
 * - `count`: 建设“希望小屋”1000个, 引进高端人才300名 (cumulative, paced against the calendar);
 * - `amount`: money, 产业规模达到700亿元 (cumulative, paced);
 * - `growth`: 增长8%左右, compared with the reported year-on-year rate (not paced: a
 *   year-to-date rate already estimates the year's);
 * - `level`: 优良率达到87.5%以上, a rate to hold (not paced);
 * - `share`: 全部达到国家基本标准, a 100% goal met by the reported 占比 (paced).
 *
 * The extractor prefers saying nothing to guessing: an achieved value must carry a
 * compatible measure word, share words with the goal's subject, and not be an
 * application or a plan (169家企业申报 is not 169 recognitions).
 */
export type MeasureKind = 'count' | 'amount' | 'growth' | 'level' | 'share';

export interface Goal {
  kind: MeasureKind;
  /** in `unit` (1万个 → 10000 个; 700亿元 → 700 亿元) */
  value: number;
  /** as displayed: 个, 名, 家, 项, 亿元, % */
  unit: string;
  /** the words the goal is about, used to pick the matching achieved number */
  subject: string;
  /** the goal as written, e.g. 5G基站2000个 */
  text: string;
}

export interface Measure {
  kind: MeasureKind;
  goal: number;
  /** converted to the goal's unit (1331间 → 1331 个; 4141000万元 → 414.1 亿元) */
  achieved: number;
  unit: string;
  /** achieved / goal; for `share`, the reported share (86.3% → 0.863) */
  ratio: number;
  goalText: string;
  /** the achieved value as written in the progress text, e.g. 1331间 */
  achievedText: string;
  /** table row of the assignment whose progress text gave the value */
  row: number;
}

export interface Extraction {
  goal?: Goal;
  measure?: Measure;
}

/** Measure words counting the same things. 个/间/处 all count facilities (希望小屋1000个 → 1331间). */
const UNIT_GROUPS: readonly (readonly UnitWord[])[] = [
  ['个', '间', '处', '座', '所', '套'],
  ['名', '人', '位'],
];

/** Words that make a number something other than an achievement. */
const NOT_ACHIEVED = /申报|推荐|报送|签约|意向|拟|计划|储备|目标|任务|争取/;

/**
 * Different names for one indicator, mapped to one spelling before comparing subjects
 * (经济总量增长15% is measured as 地区生产总值同比增长4.3%).
 */
const SYNONYMS: readonly [RegExp, string][] = [
  [/经济总量|地区生产总值|gdp|GDP/g, '生产总值'],
  [/主营业务收入|营业收入|营收/g, '营业收入'],
];

const GOAL_VERBS =
  /新增|新建|建设|建成|完成|实现|实施|引进|认定|入选|开通|培育|打造|创建|达到|超过|突破|改造|招引|培训|举办|开展|发放|提供|帮扶|吸引|招聘|安置|覆盖|登记|种植|整治|治理|修复|建立|设立|组建|开设|增加|扶持|力争|确保|累计/;

const SENTENCE_END = /[。；;!?！？\n]/;
const CLAUSE_END = /[。；;!?！？\n,，:：()（）]/;

/**
 * Half-width, no thousands separators, and numerals inside quotes and titles masked:
 * “三个一百”, “一港四园”, 《…2022年…》 are names, not quantities. Masking keeps
 * the length, so offsets stay valid.
 */
export const prepareText = (text: string): string => {
  const half = toHalfWidth(text).replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  return half.replace(/“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》|"[^"]*"/g, (quoted) => quoted.replace(/[\d零〇一二两三四五六七八九十百千万亿]/g, '□'));
};

const clauseAround = (text: string, start: number, end: number): { before: string; after: string } => {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1] ?? '')) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to] ?? '')) to++;
  return { before: text.slice(from, start), after: text.slice(end, to) };
};

const sentenceStart = (text: string, at: number): number => {
  let from = at;
  while (from > 0 && !SENTENCE_END.test(text[from - 1] ?? '')) from--;
  return from;
};

/** Character pairs of the meaningful characters (CJK, letters, digits), after synonyms. */
const bigrams = (text: string): Set<string> => {
  let s = text;
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  const chars = [...s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
};

const overlap = (subject: string, context: string): number => {
  const want = bigrams(subject);
  const have = bigrams(context);
  let n = 0;
  for (const b of want) if (have.has(b)) n++;
  return n;
};

const displayUnit = (q: Quantity): string => {
  if (q.unit !== '元') return q.unit;
  return q.scale === 1e8 ? '亿元' : q.scale === 1e4 ? '万元' : '元';
};

const displayValue = (q: Quantity): number => (q.unit === '元' ? q.value / q.scale : q.value);

const RATE_WORD = /(?:率|比例|比重|占比)/;

/**
 * Reads the goal of a target text, or undefined when it states no quantity.
 *
 * @example extractGoal('年内建成并开通5G基站2000个') → { kind: 'count', value: 2000, unit: '个', … }
 */
export const extractGoal = (targetText: string): Goal | undefined => {
  const text = prepareText(targetText);

  const growth = /(增长|增速)(?:达到|为)?(\d+(?:\.\d+)?)%/.exec(text);
  if (growth) {
    const { before } = clauseAround(text, growth.index, growth.index);
    return { kind: 'growth', value: Number(growth[2]), unit: '%', subject: before, text: growth[0] };
  }

  const level = new RegExp(String.raw`(${RATE_WORD.source})(?:要|要求)?(?:达到|保持在|保持|稳定在|提高到|提升到|不低于|在)?(\d+(?:\.\d+)?)%`).exec(text);
  if (level) {
    const numberAt = level.index + level[0].length - level[2]!.length - 1;
    const { before } = clauseAround(text, numberAt, numberAt);
    return { kind: 'level', value: Number(level[2]), unit: '%', subject: stripTrailingVerb(before), text: `${before}${level[2]}%` };
  }

  const all = /全部(?:达到|完成|建成|实现)/.exec(text);
  if (all) {
    const { before, after } = clauseAround(text, all.index, all.index);
    return { kind: 'share', value: 100, unit: '%', subject: before + after, text: `${before}${after}` };
  }

  for (const q of findQuantities(text)) {
    if (q.unit === '%') continue;
    const { before, after } = clauseAround(text, q.start, q.end);
    const bounded = /^(?:以上|左右|以内)/.test(after);
    if (!GOAL_VERBS.test(before) && !bounded) continue;
    return {
      kind: q.unit === '元' ? 'amount' : 'count',
      value: displayValue(q),
      unit: displayUnit(q),
      subject: before + after.replace(/^(?:以上|左右|以内)/, ''),
      text: q.text,
    };
  }
  return undefined;
};

const stripTrailingVerb = (s: string): string => s.replace(/(?:要|要求)?(?:达到|保持在|保持|稳定在|提高到|提升到|不低于|为|是|达|在)$/, '');

const compatible = (goal: Goal, q: Quantity): boolean => {
  if (goal.kind === 'amount') return q.unit === '元';
  if (goal.kind !== 'count') return q.unit === '%';
  if (q.unit === goal.unit) return true;
  if (UNIT_GROUPS.some((g) => g.includes(goal.unit as UnitWord) && g.includes(q.unit))) return true;
  // projects are counted in 个 or 项 (重点技改项目300个 → 在建重点技改项目318项)
  return /项目/.test(goal.subject) && ['个', '项'].includes(goal.unit) && ['个', '项'].includes(q.unit);
};

/** Does the number before `q` read as the kind of percentage the goal needs? */
const percentFits = (goal: Goal, text: string, q: Quantity): boolean => {
  const lead = text.slice(Math.max(0, q.start - 6), q.start);
  const isGrowth = /(?:增长|增速|增幅|下降)(?:了|为|达到|达)?$/.test(lead);
  if (goal.kind === 'growth') return isGrowth;
  if (isGrowth) return false;
  if (goal.kind === 'share') return /(?:占比|比例|比重|占)(?:为|达到|达)?$/.test(lead);
  return RATE_WORD.test(lead);
};

/**
 * A level goal (受污染耕地安全利用率达到93%) only matches a rate of the same thing:
 * drop the ending both subjects share (…安全利用率), then the goal's words just
 * before it (耕地 / 断面) must appear in the candidate's subject.
 * 重点建设用地安全利用率达到100% is about building land, not farmland.
 */
const sameRateSubject = (goalSubject: string, context: string): boolean => {
  const norm = (s: string): string => stripTrailingVerb(s.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '')).replace(/比例|比重|占比/g, '率');
  const g = norm(goalSubject);
  const c = norm(context);
  let k = 0;
  while (k < g.length && k < c.length && g[g.length - 1 - k] === c[c.length - 1 - k]) k++;
  const rest = g.slice(0, g.length - k);
  if (rest.length < 2) return true;
  return c.includes(rest.slice(-2));
};

interface Candidate {
  q: Quantity;
  score: number;
}

/**
 * Finds the achieved value for `goal` in one progress text, or undefined.
 * Among numbers with a compatible measure word, the one whose surroundings share
 * most words with the goal's subject wins; ties go to the earlier (totals come first).
 */
export const extractAchieved = (goal: Goal, progressText: string): { value: number; text: string } | undefined => {
  const text = prepareText(progressText);
  const quantities = findQuantities(text).filter((q) => compatible(goal, q));
  const candidates: Candidate[] = [];
  let previousEnd = 0;
  for (const q of quantities) {
    const { before, after } = clauseAround(text, q.start, q.end);
    const from = Math.max(sentenceStart(text, q.start), previousEnd);
    const context = text.slice(from, q.start) + after;
    previousEnd = q.end;
    if (NOT_ACHIEVED.test(before + after)) continue;
    if (q.unit === '%' && !percentFits(goal, text, q)) continue;
    if (goal.kind === 'level' && !sameRateSubject(goal.subject, text.slice(from, q.start))) continue;
    candidates.push({ q, score: overlap(goal.subject, context) });
  }
  const best = candidates.reduce<Candidate | undefined>((a, b) => (a && a.score >= b.score ? a : b), undefined);
  if (!best) return undefined;
  // A number sharing no word with the goal is someone else's number, with one
  // exception: a lone 同比增长X% in the progress of a growth goal (the shape is
  // specific enough, and offices often drop the subject: 1—9月同比增长6.8%).
  if (best.score === 0 && !(goal.kind === 'growth' && candidates.length === 1)) return undefined;
  const { q } = best;
  let value = q.value;
  if (goal.kind === 'amount') value = q.value / (goal.unit === '亿元' ? 1e8 : goal.unit === '万元' ? 1e4 : 1);
  if (/下降$/.test(text.slice(Math.max(0, q.start - 4), q.start).replace(/(?:了|为|达到|达)$/, ''))) value = -value;
  return { value: round(value), text: q.text };
};

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

const ratioOf = (kind: MeasureKind, goal: number, achieved: number): number => (kind === 'share' ? achieved / 100 : achieved / goal);

/**
 * The goal of a target and, when a progress text states it, the achieved value.
 * Continuation rows are read in table order; the first that states the value wins.
 */
export const extractTarget = (target: Target): Extraction => {
  const goal = extractGoal(target.text);
  if (!goal || goal.value <= 0) return goal ? { goal } : {};
  for (const a of target.assignments) {
    const found = extractAchieved(goal, a.progress);
    if (!found) continue;
    return {
      goal,
      measure: {
        kind: goal.kind,
        goal: goal.value,
        achieved: found.value,
        unit: goal.unit,
        ratio: round(ratioOf(goal.kind, goal.value, found.value)),
        goalText: goal.text,
        achievedText: found.text,
        row: a.row,
      },
    };
  }
  return { goal };
};

/** The measure of a target (goal and achieved value), or undefined. */
export const extractMeasure = (target: Target): Measure | undefined => extractTarget(target).measure;
