import { cut, longestFirst, type AskCues, type ParseContext, type ParsePass } from './state';

/**
 * A stats word that names only the state of things (完成情况, 推进情况), not a figure or the whole (统计, 完成率,
 * 总体情况): 完成情况如何 asks for the figures of the report, but 9月底的目标完成情况如何 for those targets.
 */
const isLoose = (word: string): boolean => /情况$|多少$/u.test(word) && !/[总整汇统计率比]/u.test(word);
/** a total: 一共, 总共, 总数, 共多少项 (but not 公共, 一共 counted once) */
const TOTAL = /一共|总共|共计|总计|合计|总数|总量|(?<![一总公])共(?=多少|几|有)/u;
/** one count: 多少项, 有几条, 滞后几项, 占多少; not 那几项 / 其他几个, which point at targets */
const COUNT = /多少|(?<![那这哪他好])几(?=[项条个家件成])/gu;
/** the targets themselves asked for: 列一下, 哪些, 分别是啥, 明细 */
const LISTING = /列|哪些|哪几|分别是|是什么|是啥|有啥|有什么|明细|具体是/u;

/** a rate asked for: any word ending in 率 before a question of how much (滞后率是多少, 推进率怎么样) */
const RATE = /\p{Script=Han}率(?:是|为|有|能)?(?:多少|几|怎么样|怎样|如何|咋样|多高|高不高)/u;
/** each of several counted apart: 各分管了多少项, 分别有几项, 各自多少 (各 before a count, not 各单位) */
const EACH = /(?:各自?|分别|每人|每位|每个)[^，。？！,.?!]{0,6}(?:多少|几[项条个家件])/u;

/**
 * Grouping by deadline: 按月份, 按时间节点, 按完成时限, 各月, 分月. Read here, before the status words, so 按时
 * inside 按时间节点 is not read as 按时 (on schedule). Not before a word of being due (按时限就该完成的: as the deadline
 * says, not grouped by it).
 */
const BY_DEADLINE = /按照?(?:月份|月|完成时限|时限|截止时间|截止日期|到期时间|时间节点|时间|期限|节点)(?!\s*(?:就|都|应|该|要求|规定|算))|(?:各|每个)(?:月份?|时限|时间节点)|分月份?/gu;

/** 按时限 before a word of being due (按时限就该完成的): as the deadline says; a deadline filter, not a grouping nor 按时 */
const AS_DUE = /按照?(?:完成时限|时限|期限|时间节点)(?=\s*(?:就|都|应|该|要求|规定|算))/gu;

/** the whole place the table covers, of any level (全市, 全县, 咱们区, 本县): every target, like 所有 */
const WHOLE_PLACE = /(?:全|咱们|我们|本)(?:市|县|区|旗)(?![长委政])/gu;

/** marks a unit's name while the scope words are cut (a private-use character no question contains) */
const NAME_MARK = '\uE000';

/** the ending of an office's name: a word before it is part of the name (统计局, 统计所) */
const OFFICE_ENDING = '(?=[局委所处科站院厅办队])';
const escapeRegExp = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How the question asks for figures or for the targets, read from its whole wording (see parse/kind.ts). */
export const askCuesOf = (compact: string, statsWords: readonly string[]): AskCues => {
  const found = statsWords.filter((w) => compact.includes(w));
  return {
    looseStats: found.length > 0 && found.every(isLoose),
    total: TOTAL.test(compact),
    counts: compact.match(COUNT)?.length ?? 0,
    listing: LISTING.test(compact),
    byDeadline: compact.search(BY_DEADLINE) >= 0,
    rate: RATE.test(compact),
    each: EACH.test(compact),
  };
};

/** Words asking for every target (所有目标), for how many (有几项) or for the statistics (统计, 完成率). */
export const createScopeWordsPass = (ctx: ParseContext): ParsePass => {
  const allWords = longestFirst(ctx.normalize, ctx.aliases.all);
  const countWords = longestFirst(ctx.normalize, ctx.aliases.counts);
  const statsWords = longestFirst(ctx.normalize, ctx.aliases.stats);
  const statsBeforeOffice = new RegExp(`(?:${statsWords.map(escapeRegExp).join('|')})${OFFICE_ENDING}`, 'gu');
  return {
    name: 'scope words',
    run(s) {
      s.everything = allWords.some((w) => s.compact.includes(w)) || s.compact.search(WHOLE_PLACE) >= 0;
      // a unit's name is set aside while these words are read: 统计局 names a unit and asks for no 统计;
      // so is a name the table lacks, known by its ending (统计 before 局)
      const kept: string[] = [];
      const keep = (written: string): string => `${NAME_MARK}${kept.push(written) - 1}${NAME_MARK}`;
      // (looked up only when a statistics word is there to be told from one)
      let text = s.text;
      if (statsWords.some((w) => text.includes(w))) {
        for (const m of ctx.units.scan(s.text).sort((a, b) => b.start - a.start)) text = `${text.slice(0, m.start)}${keep(s.text.slice(m.start, m.end))}${text.slice(m.end)}`;
        text = text.replace(statsBeforeOffice, keep);
      }
      s.cues = askCuesOf(
        s.compact,
        statsWords.filter((w) => text.includes(w)),
      );
      // a rate is figures whatever its word (按计划推进率): the status before 率 is read as the figure (kind.ts)
      if (s.cues.rate) s.stats = true;
      for (const w of allWords) text = cut(text, w);
      if (s.cues.byDeadline) text = text.replace(BY_DEADLINE, ' ');
      text = text.replace(AS_DUE, ' ');
      text = text.replace(WHOLE_PLACE, ' ');
      for (const w of countWords) {
        if (text.includes(w)) {
          s.count = true;
          text = cut(text, w);
        }
      }
      for (const w of statsWords) {
        if (text.includes(w)) {
          // a loose word alone is still cut, but asks for figures only where kind.ts finds nothing narrowing
          if (!s.cues.looseStats) s.stats = true;
          text = cut(text, w);
        }
      }
      s.text = text.replace(new RegExp(`${NAME_MARK}(\\d+)${NAME_MARK}`, 'gu'), (_, k: string) => kept[Number(k)] ?? ' ');
    },
  };
};
