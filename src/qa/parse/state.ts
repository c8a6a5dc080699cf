import type { UnitRole } from '../../model';
import type { Normalize } from '../../text/normalize';
import type { Aliases } from '../aliases';
import type { Query, ReadAs } from '../answer';
import type { NameResolver, SyllableMemo } from '../names';

/**
 * What the question parser knows before any question: the vocabulary and the
 * names of the loaded report. Passes take what they need from it when they are
 * built, so word lists are sorted once per report, not per question.
 */
export interface ParseContext {
  normalize: Normalize;
  aliases: Aliases;
  units: NameResolver;
  leaders: NameResolver;
  /** the report year: 年底 and 8月底 are in this year */
  year: number;
  /** words that name the whole report (菏泽市, 第三季度, 2022年): true of every target, so not a filter */
  reportWords?: string[];
  /** the report's city (菏泽市): another city named with a unit (济宁市科技局) is outside the table */
  city?: string;
  /** the one leader over a unit's targets (its staff's 领导), undefined when several or none */
  leaderOf?: (unit: string) => string | undefined;
  /** the year and quarter of every loaded report: a question about another one is outside them */
  covered?: { year: number; period: string }[];
  /** the titles the table gives each leader (李卫东 → 县委常委, 副县长), when its cells say them */
  leaderTitles?: ReadonlyMap<string, readonly string[]>;
  /** the words of the table's target texts, computed when first asked for (pinyin questions need them) */
  tableWords?: () => Iterable<string>;
  /** the table writes some deadlines as a whole period (全年) beside days of the same date (12月底): 全年 is then a deadline */
  wholePeriods?: boolean;
  /** the table's section names (民生实事), from its section rows; none when it has none */
  sections?: readonly string[];
  /** the table's status cells say verdicts (已完成, 正常推进 …), not only 是/否: 未完成 is then every other verdict, not lagging */
  verdicts?: boolean;
  /** the targets' texts, normalised, when first asked for: whether a word names a topic of the table */
  targetTexts?: () => readonly string[];
  /** the pinyin the name resolvers read, forgotten when a question starts */
  syllables?: SyllableMemo;
}

/**
 * Where a message points into the list the conversation showed last:
 * the n-th (第三个), the n-th from the end (倒数第一个, 最后一个), the first or
 * last few (前两个, 后三条), a 序号 in it (65那条), or all of it (这些, 这几项).
 * Ordinals count in the order the list was shown, across its pages.
 */
export type Pick = { nth: number } | { fromEnd: number } | { head: number } | { tail: number } | { id: string } | { all: true };

export interface Pointer {
  /** as written, for the reply's 接上一问 line */
  written: string;
  pick: Pick;
}

/** A unit or leader as the question wrote it, for telling a union (工信局和王昌华) from a combination. */
export interface Mention {
  written: string;
  kind: 'unit' | 'leader';
}

/**
 * One question on its way through the passes. Each pass reads `text`, records
 * what it understood in `query` (or the fields beside it) and cuts the words it
 * used out of `text`, so later passes only see what is left.
 */
export interface ParseState {
  /** what is left of the question, pieces separated by spaces */
  text: string;
  /** the normalised question before punctuation was turned into spaces (60-65号, 第41、57项) */
  readonly raw: string;
  /** the cleaned question with its spaces, as asked: where a mention sits */
  readonly cleaned: string;
  /** the cleaned question without spaces, as asked: for words that must be seen whole */
  readonly compact: string;
  query: Query;
  /** search words, each with its synonyms (托儿所 | 托育) */
  groups: string[][];
  /** the contiguous pieces of the question left for searching, for whole-phrase ranking */
  phrases: string[];
  /** a unit mention resolved to several units */
  ambiguous?: string[];
  /** a role said before any unit was resolved (发改局牵头的, where 发改局 is resolved loosely later): the role once one is */
  pendingRole?: UnitRole;
  /** units named so far (a union when several) */
  units: Set<string>;
  /** leaders named so far (a union when several) */
  leaders: Set<string>;
  /** names in the order passes found them, as written */
  mentions: Mention[];
  /** names read differently from how they were written */
  readAs: ReadAs[];
  /** a leader mention that fits several leaders (王市长 with two 王): asked back, never guessed */
  ambiguousLeaders?: string[];
  /** a count was asked (有几项, 多少个) */
  count: boolean;
  /** the question asked for every target (所有目标) */
  everything: boolean;
  /** the question asked for statistics (统计, 完成率) */
  stats: boolean;
  /** how the wording asks, beside its filters: what parse/kind.ts decides the answer's kind from */
  cues: AskCues;
  /** where the question points into the conversation's last list (第三个, 这些) */
  pointer?: Pointer;
  /** set by a pass that answered the whole question (help, a 序号): later passes are skipped */
  done: boolean;
}

/**
 * How a question asks, read from its wording before any filter is cut: a total (一共, 总数), how many
 * separate counts (共多少项，滞后几项: two), a request to see the targets (列出来, 哪些, 分别是), or a word
 * for the state of things (完成情况) that asks for the figures only when nothing narrows it.
 */
export interface AskCues {
  /** only a word for the state of things asked for figures (完成情况, 推进情况) */
  looseStats: boolean;
  /** a total was asked (一共, 总共, 总数, 合计) */
  total: boolean;
  /** how many separate counts were asked (多少项 … 几项) */
  counts: number;
  /** the targets themselves were asked for (列一下, 哪些, 分别是啥) */
  listing: boolean;
  /** grouped by deadline (按月份, 按时间节点, 各时限): a comparison by deadline when figures are asked */
  byDeadline: boolean;
  /** a rate asked for (滞后率是多少, 按计划推进率多少): a status before it is the rate's figure, not a filter */
  rate: boolean;
  /** each of several asked for apart (各分管了多少项, 分别有几项, 各自多少) */
  each: boolean;
}

/** One step of the parse, named so a trace or a test can point at it. */
export interface ParsePass {
  name: string;
  run(state: ParseState): void;
}

/** The context's normalisation for a word: normalised, no spaces. */
export const normWord =
  (normalize: Normalize) =>
  (w: string): string =>
    normalize(w).replace(/\s+/g, '');

/** Distinct normalised words, longest first, so 亮红灯 is found before 红灯. */
export const longestFirst = (normalize: Normalize, list: readonly string[]): string[] => {
  const norm = normWord(normalize);
  return [...new Set(list.map(norm))].filter(Boolean).sort((a, b) => b.length - a.length);
};

const writesByContext = new WeakMap<ParseContext, (word: string) => boolean>();

/**
 * Whether some target text of the loaded table writes `word` (memoised per word): 托位, 2号线 and 第二污水 are
 * the table's words when it writes them. False for every word when the context has no target texts.
 */
export const tableWrites = (ctx: ParseContext): ((word: string) => boolean) => {
  let writes = writesByContext.get(ctx);
  if (!writes) {
    let joined: string | undefined;
    const memo = new Map<string, boolean>();
    writes = (word) => {
      joined ??= (ctx.targetTexts?.() ?? []).join('\n');
      let yes = memo.get(word);
      if (yes === undefined) memo.set(word, (yes = word.length > 0 && joined.includes(word)));
      return yes;
    };
    writesByContext.set(ctx, writes);
  }
  return writes;
};

/**
 * A number at [at, end) of `text` is part of a name the table writes (轨道交通2号线, 第二污水处理厂) when it and
 * the two characters after it, or the two before it and it, are written in a target text and hold a character
 * that is no 序号 marker: such a number is the topic's, not a 序号.
 */
export const numberInName = (text: string, at: number, end: number, writes: (word: string) => boolean): boolean =>
  [text.slice(at, end + 2), text.slice(Math.max(0, at - 2), end)].some((w) => w.length >= end - at + 2 && /[^\s\d第号项条零〇一二两三四五六七八九十百]/u.test(w) && writes(w));

/** Removes `word` everywhere in `text`, leaving a space so the pieces do not join. */
export const cut = (text: string, word: string): string => (text.includes(word) ? text.split(word).join(' ') : text);

/** Strips one-character fillers (的, 了, 吗) from both ends of a piece, repeatedly. */
export const createEdgeStripper =
  (singleFillers: ReadonlySet<string>) =>
  (piece: string): string => {
    let p = piece;
    let changed = true;
    while (changed && p.length > 0) {
      changed = false;
      if (singleFillers.has(p[0] as string)) {
        p = p.slice(1);
        changed = true;
      }
      if (p.length > 0 && singleFillers.has(p.slice(-1))) {
        p = p.slice(0, -1);
        changed = true;
      }
    }
    return p;
  };

/** The filler words of the aliases file, split into multi-character words (cut anywhere) and single characters (stripped at edges). */
export const fillerWords = (ctx: ParseContext): { multi: string[]; single: Set<string> } => {
  const all = longestFirst(ctx.normalize, ctx.aliases.fillers);
  return { multi: all.filter((f) => f.length > 1), single: new Set(all.filter((f) => f.length === 1)) };
};

/** The state a question starts in: `raw` normalised, `cleaned` with punctuation turned into spaces. */
export const startState = (raw: string, cleaned: string): ParseState => ({
  text: cleaned,
  raw,
  cleaned,
  compact: cleaned.replace(/\s+/g, ''),
  query: { kind: 'none' },
  groups: [],
  phrases: [],
  units: new Set(),
  leaders: new Set(),
  mentions: [],
  readAs: [],
  everything: false,
  stats: false,
  count: false,
  cues: { looseStats: false, total: false, counts: 0, listing: false, byDeadline: false, rate: false, each: false },
  done: !cleaned,
});
