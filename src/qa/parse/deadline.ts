import type { Deadline, Query } from '../answer';
import { toNumber } from './numbers';
import { setAside, setAsideSpan } from './negation';
import { cut, longestFirst, type ParseContext, type ParsePass } from './state';

const MONTH = '(\\d{1,2}|十二|十一|十|[一二三四五六七八九])';

const lastDay = (year: number, month: number): string => {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** the year a deadline falls in, if it names one */
const yearOf = (d: NonNullable<Query['deadline']>): number | undefined => ('year' in d ? d.year : 'date' in d && d.date ? Number(d.date.slice(0, 4)) : undefined);

/** Whether a second deadline says the first again: 长期 twice, the same date, or a year and a date in it. */
const restates = (a: NonNullable<Query['deadline']>, b: NonNullable<Query['deadline']>): boolean => {
  if ('ongoing' in a && 'ongoing' in b) return true;
  const [ya, yb] = [yearOf(a), yearOf(b)];
  if (ya === undefined || ya !== yb) return false;
  return 'year' in a || 'year' in b || ('date' in a && 'date' in b && a.date === b.date);
};

/** words after a date that make it a span: 以内, 之内 (9月底之前 is that date, as people use it) */
const SPAN_WORDS = '以内|之内|为止';
const SPAN_AFTER = new RegExp(`^\\s*(?:${SPAN_WORDS})`, 'u');

/**
 * A date read as a span when the question says so: 三季度以内 (up to it), or 年底之前…提前到期的 (earlier than
 * it: 提前 says the date itself is not meant; 提前完成 is a verdict, not a span).
 */
const withSpan = (d: NonNullable<Query['deadline']>, text: string, compact: string): NonNullable<Query['deadline']> => {
  if (!('date' in d)) return d;
  if (/提前(?!完成)/u.test(compact) && /之前|以前|前/u.test(compact)) return { ...d, by: 'before' };
  // 10月底之前（含10月底）, 到三季度末就该完成的: every date up to it, itself included
  if (INCLUDED.test(compact) || DUE_BY.test(compact)) return { ...d, by: 'onOrBefore' };
  const at = text.indexOf(d.label);
  if (at >= 0 && SPAN_AFTER.test(text.slice(at + d.label.length))) return { ...d, by: 'onOrBefore' };
  // 早于年底: earlier than the date, not on it
  if (at >= 0 && /(?:早于|先于)\s*$/u.test(text.slice(0, at))) return { ...d, by: 'before' };
  return d;
};

/** a date said with itself included (之前（含…）, 以前包括当天) */
const INCLUDED = /(?:之前|以前|前|为止)[(（,，]?(?:含|包括|包含)/u;
/** a date by which a target should already be done (到三季度末就该完成的, 截至9月底应完成的) */
const DUE_BY = /(?:^|[^\p{Script=Han}]|[的是])(?:到|截至|截止到?)[^,，。!！?？]{2,10}?(?:就|都)?(?:该|应该|应当|应)(?:完成|办完|到期)/u;
/** an unusual deadline (时限特殊的, 期限比较特别的): any but the year's end, the deadline most targets have */
const SPECIAL = /(?:完成时限|时限|期限|完成时间|截止时间|到期时间|时间节点)(?:比较|很|有点|有些)?(?:特殊|特别|例外|不一样|不同寻常|非常规)/u;

/** a month said without naming it (几月底的, 哪个月份) */
const VAGUE_MONTH = /[几哪]个?月(?:底|末|份)?/gu;

/** a deadline given as an example (比如长期的, 像9月底那种) */
const EXAMPLE = /(?:比如|例如|譬如|像是|诸如|比方说?)\s*(?:说)?\s*$/u;

/** what joins two deadlines into one group: 和, 与, 及, 、, 或 (九月底的和明年的) */
const JOINER = /^\s*(?:到期)?的?\s*(?:和|与|及|以及|跟|、|或者?|还有)\s*$/u;

/** no deadline at all: 没有具体截止时间, 不设期限, 一直做下去 (the table's 长期坚持 in other words) */
const NO_DEADLINE = /(?:没有|没|无|不设)(?:具体|明确|固定)?的?(?:截止|完成)?(?:时间|日期|期限|时限)|一直(?:要)?(?:做|干|推进|抓)下去/u;
/**
 * a quarter's last day: 三季度, 第3季度 (read as a deadline only before 以内/之前/末/底 or a word of being due, 第三季度要完成的,
 * 第三季度到期; alone it is a report's period)
 */
const QUARTER = /(?:第)?([一二三四1-4])\s*季度\s*(?=末|底|以内|之内|之前|以前|前|为止|(?:内|里)?\s*(?:就|要|需要|应|应该|该|得)?\s*(?:完成|到期|截止|办完|交))/u;

/**
 * A deadline: 2023年6月底, 明年3月, 9月30日, 2022年底, 2023年 (after every report), 明年, 长期坚持, 年底, 8月底,
 * resolved against the report year. Before the report's own words are cut, so
 * 2022年底 is still read as a date and not as the report year plus 底.
 */
export const createDeadlinePass = (ctx: ParseContext): ParsePass => {
  const { year } = ctx;
  const lastReportYear = Math.max(year, ...(ctx.covered ?? []).map((c) => c.year));
  const yearEndWords = longestFirst(ctx.normalize, ctx.aliases.deadlines.yearEnd);
  const ongoingWords = longestFirst(ctx.normalize, ctx.aliases.deadlines.ongoing);

  const find = (text: string): { deadline?: Query['deadline']; rest: string } => {
    let m = new RegExp(`(\\d{4})\\s*年\\s*${MONTH}\\s*月\\s*(?:底|末|份|前|之前)?`).exec(text);
    if (m?.[1] && m[2]) {
      const month = toNumber(m[2]) ?? 0;
      if (month >= 1 && month <= 12) return { deadline: { date: lastDay(Number(m[1]), month), label: m[0] }, rest: cut(text, m[0]) };
    }
    m = new RegExp(`明年\\s*${MONTH}\\s*月\\s*(?:底|末|份|前|之前)?`).exec(text);
    if (m?.[1]) {
      const month = toNumber(m[1]) ?? 0;
      if (month >= 1 && month <= 12) return { deadline: { date: lastDay(year + 1, month), label: m[0] }, rest: cut(text, m[0]) };
    }
    m = /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/.exec(text);
    if (m?.[2] && m[3]) {
      const [y, mo, da] = [m[1] ? Number(m[1]) : year, Number(m[2]), Number(m[3])];
      if (mo >= 1 && mo <= 12 && da >= 1 && da <= 31) {
        return { deadline: { date: `${y}-${String(mo).padStart(2, '0')}-${String(da).padStart(2, '0')}`, label: m[0] }, rest: cut(text, m[0]) };
      }
    }
    // 全年 where the table tells a whole-year task from one due at the year's end
    if (ctx.wholePeriods) {
      m = /(?:今年)?全年度?/u.exec(text);
      if (m) return { deadline: { date: `${year}-12-31`, label: m[0], whole: true }, rest: cut(text, m[0]) };
    }
    m = QUARTER.exec(text);
    if (m?.[1]) {
      const quarter = toNumber(m[1]) ?? 0;
      const end = text.slice(m.index + m[0].length).match(/^(?:末|底)/u)?.[0] ?? '';
      // the quarter itself (第三季度要完成的) where the table writes quarters beside days: the targets it gives the quarter
      const whole = !end && ctx.wholePeriods ? { whole: true as const } : {};
      if (quarter >= 1 && quarter <= 4) return { deadline: { date: lastDay(year, quarter * 3), label: m[0] + end, ...whole }, rest: cut(text, m[0] + end) };
    }
    m = /(\d{4})\s*年\s*(?:底|末)/.exec(text);
    if (m?.[1]) return { deadline: { date: `${m[1]}-12-31`, label: m[0] }, rest: cut(text, m[0]) };
    // a later year than any report (2023年到期的, 明年的): the targets due in it; an earlier one is another report (the place pass)
    m = /(\d{4})\s*年(?:度)?(?!\s*\d{1,2}\s*月)/.exec(text);
    if (m?.[1] && Number(m[1]) > lastReportYear) return { deadline: { year: Number(m[1]), label: m[0] }, rest: cut(text, m[0]) };
    if (text.includes('明年') && year + 1 > lastReportYear) return { deadline: { year: year + 1, label: '明年' }, rest: cut(text, '明年') };
    for (const w of ongoingWords) if (text.includes(w)) return { deadline: { ongoing: true, label: w }, rest: cut(text, w) };
    // no deadline at all, in any words (没有具体截止时间, 一直做下去): the targets the table marks 长期
    m = NO_DEADLINE.exec(text);
    if (m) return { deadline: { ongoing: true, label: m[0] }, rest: cut(text, m[0]) };
    for (const w of yearEndWords) if (text.includes(w)) return { deadline: { date: `${year}-12-31`, label: w }, rest: cut(text, w) };
    m = new RegExp(`${MONTH}\\s*月\\s*(?:底|末|份|前|之前)`).exec(text) ?? /(?:^|[^\d])(\d{1,2})\s*月(?![\d份])/.exec(text);
    if (m?.[1]) {
      const month = toNumber(m[1]) ?? 0;
      if (month >= 1 && month <= 12) return { deadline: { date: lastDay(year, month), label: m[0].trim() }, rest: cut(text, m[0]) };
    }
    return { rest: text };
  };

  /** the deadlines written joined by 和 or 、 with nothing else between (九月底的和明年的), as groups of their labels */
  const joinedLabels = (text: string): string[][] => {
    const said: { label: string; at: number }[] = [];
    let rest = text;
    for (let found = find(rest); found.deadline; found = find(rest)) {
      const at = text.indexOf(found.deadline.label);
      if (at >= 0) said.push({ label: found.deadline.label, at });
      rest = found.rest;
    }
    said.sort((a, b) => a.at - b.at);
    const groups: string[][] = [];
    said.forEach((d, k) => {
      const before = said[k - 1];
      const between = before ? text.slice(before.at + before.label.length, d.at) : undefined;
      if (before && between !== undefined && JOINER.test(between)) groups[groups.length - 1]?.push(d.label);
      else groups.push([d.label]);
    });
    return groups.filter((g) => g.length > 1);
  };

  return {
    name: 'deadline',
    run(s) {
      // a comparison by deadline shows every deadline: those named (八月底的、九月底的、年底的各有几条) are its groups, not a filter
      if (s.query.rank?.by === 'deadline') {
        for (let found = find(s.text); found.deadline; found = find(s.text)) s.text = found.rest;
        return;
      }
      // every deadline said is read: those set aside (不是年底到期的, 除了年底以外) go together, the others are kept
      // together (8月底和9月底到期的, 九月底以前的…八月底的也算上), and one said again in other words (2023年才到期的，
      // 就是明年上半年) is one deadline, so the second is not left to be read as another report's year
      const joined = joinedLabels(s.text);
      let kept: Deadline[] = [];
      const aside: Deadline[] = [];
      const examples: Deadline[] = [];
      for (let found = find(s.text); found.deadline; found = find(s.text)) {
        const d = found.deadline;
        const at = s.text.indexOf(d.label);
        const span = at >= 0 ? setAsideSpan(s.text, at, at + d.label.length) : undefined;
        if (span) {
          aside.push(d);
          s.text = cut(`${s.text.slice(0, span.from)} ${s.text.slice(span.to)}`, d.label);
        } else if (kept.some((k) => restates(k, d))) s.text = found.rest;
        else if (at >= 0 && EXAMPLE.test(s.text.slice(0, at))) {
          examples.push(d);
          s.text = found.rest;
        } else {
          kept.push(withSpan(d, s.text, s.compact));
          s.text = found.rest.replace(SPAN_AFTER, ' ');
        }
      }
      // 把九月底的和明年的去掉: deadlines joined by 和 or 、 share the negation said after the last of them
      const asideLabels = new Set(aside.map((d) => d.label));
      const sharesAside = (d: Deadline): boolean => joined.some((group) => group.includes(d.label) && group.some((l) => asideLabels.has(l)));
      aside.push(...kept.filter(sharesAside));
      kept = kept.filter((d) => !sharesAside(d));
      // 几月底: a month not named is no date, and searched as words it only finds progress texts (截至9月底…)
      s.text = s.text.replace(VAGUE_MONTH, ' ');
      // 时限特殊的: the year's end set aside, unless a deadline was set aside in other words already (不是年底到期的)
      const special = SPECIAL.exec(s.text);
      if (special) {
        if (aside.length === 0) aside.push({ date: `${year}-12-31`, label: special[0] });
        s.text = cut(s.text, special[0]);
      }
      // 不是年底的，比如长期的: examples of what is left once a deadline is set aside, not a filter of their own
      if (aside.length === 0) kept.push(...examples);
      const [first, ...also] = kept;
      if (first) s.query.deadline = also.length > 0 ? { ...first, also } : first;
      const [firstAside, ...alsoAside] = aside;
      if (firstAside) setAside(s, { deadline: alsoAside.length > 0 ? { ...firstAside, also: alsoAside } : firstAside });
    },
  };
};
