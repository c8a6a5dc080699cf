import { CHINESE_DIGITS } from '../../text/chinese-numerals';
import { setAside, setAsideSpan } from './negation';
import { numberInName, type ParsePass } from './state';

/** 五十七 → 57, 十二 → 12, 一百 → 100; digits pass through. */
export const toNumber = (text: string): number | undefined => {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in CHINESE_DIGITS) current = CHINESE_DIGITS[ch] as number;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return undefined;
  }
  return total + current;
};

const NUM = '(\\d+|[零〇一二两三四五六七八九十百]+)';
/** Ways to quote a 序号: 第57项, 57号, 序号48, #62, /item 57, item57, 编号 57, a bare 57. */
const ITEM_PATTERNS: RegExp[] = [
  /^\/?item\s*(\d+)$/,
  /(?:序号|编号|no\.?|#)\s*(?:为|是|:)?\s*(\d+)/,
  /^\s*(\d{1,6})\s*(?:项|条)\s*$/,
  // 47项目标各责任单位的进展情况: a number opening the question, said as that target
  /^\s*(\d{1,6})\s*(?:项|条|号)\s*(?:目标|任务)/,
  new RegExp(`第\\s*${NUM}\\s*(?:项|条|号|个|行)`),
  /第\s*(\d+)\s*(?:$|的|目标|任务)/,
  /(?:^|[^\d.年月])(\d{1,6})\s*号(?!楼)/,
  /^\s*(\d{1,6})\s*$/,
];

const findItem = (text: string, writes: (word: string) => boolean): { item: string; at: number; length: number } | undefined => {
  for (const re of ITEM_PATTERNS) {
    const m = re.exec(text);
    if (m?.[1]) {
      const at = m.index + m[0].indexOf(m[1]);
      if (numberInName(text, at, at + m[1].length, writes)) continue;
      const n = toNumber(m[1]);
      if (n !== undefined) return { item: String(n), at: m.index, length: m[0].length };
    }
  }
  return undefined;
};

/** What a 序号 set aside may be followed by up to the word that closes the negation: 除了第41项那个市场主体建设年以外. */
const DESCRIBED_UNTIL_ASIDE = /^\s*[^\s,，。;；]{0,20}?(?:以外|之外|除外)/u;

const ONE = '(\\d{1,6}|[零〇一二两三四五六七八九十百]{1,6})';
const PREFIX = '(?:第|序号|编号|#)';
const SUFFIX = '(?:项|号|条)';
const RANGE = new RegExp(`(${PREFIX})?\\s*${ONE}\\s*(${SUFFIX})?\\s*(?:至|到|-|~|—|–|―|一直到)\\s*(第)?\\s*${ONE}\\s*(${SUFFIX})?`);
const LIST = new RegExp(`${PREFIX}?\\s*${ONE}(?:\\s*${SUFFIX})?(?:\\s*(?:、|,|，|;|和|与|及|跟|以及|还有|或|\\s)\\s*${PREFIX}?\\s*${ONE}(?:\\s*${SUFFIX})?)+`);
/** after a number, a unit of measure or a date: 1—9月, 6、7、8三个月, 60-65% are not 序号 */
const MEASURE_AFTER = /^\s*(?:[年月日%‰元万亿千百个家名人倍天次度岁台座所间处户亩吨季批期级]|[零〇一二两三四五六七八九十])/;

/** Han characters the question has besides its numbers: few (看看, 是什么) means the numbers are what it asks about. */
const barely = (rest: string): boolean => !/\d/.test(rest) && rest.replace(/[^\p{Script=Han}a-z]/gu, '').length <= 4;

/**
 * 序号 as a span (第60至65项, 60-65号, 六十到六十五项) or a list (第41、57、63项, 41 57 63).
 * Numbers count as 序号 only with a marker (第, 序号, 项, 号) or when the question is little
 * more than the numbers, and never before a unit of measure or a month.
 */
const findMany = (raw: string): { range?: { from: number; to: number }; items?: string[]; match: string } | undefined => {
  const r = RANGE.exec(raw);
  if (r) {
    const [match, prefix, a = '', suffixA, prefixB, b = '', suffixB] = r;
    const from = toNumber(a);
    const to = toNumber(b);
    const marked = Boolean(prefix || suffixA || prefixB || suffixB);
    // 80到八十二: one end typed in digits is enough to read the pair as numbers
    const digits = /^\d+$/.test(a) || /^\d+$/.test(b);
    const after = raw.slice(r.index + match.length);
    if (from !== undefined && to !== undefined && (marked || (digits && barely(raw.replace(match, '')))) && !MEASURE_AFTER.test(after)) {
      return { range: { from: Math.min(from, to), to: Math.max(from, to) }, match };
    }
  }
  const l = LIST.exec(raw);
  if (l) {
    const match = l[0];
    const numbers = [...match.matchAll(new RegExp(ONE, 'g'))].map((m) => toNumber(m[1] as string));
    const marked = new RegExp(`${PREFIX}|${SUFFIX}`).test(match);
    const after = raw.slice(l.index + match.length);
    const digits = /^[\d\s、,，;和与及跟以还有或第项号条序编#]+$/.test(match);
    if (numbers.every((n) => n !== undefined) && (marked || (digits && barely(raw.replace(match, '')))) && !MEASURE_AFTER.test(after)) {
      const items = [...new Set(numbers as number[])].sort((x, y) => x - y).map(String);
      if (items.length > 1) return { items, match };
    }
  }
  return undefined;
};

/**
 * 序号: a span or a list becomes a filter (the rest of the question may narrow
 * it: 第60至65项滞后的); one number names one target whatever else the
 * question says. After the history words (57号的变化 keeps its 变化).
 */
export const createNumbersPass = (clean: (text: string) => string, writes: (word: string) => boolean = () => false): ParsePass => ({
  name: 'numbers',
  run(s) {
    const many = findMany(s.raw);
    if (many) {
      if (many.range) s.query.range = many.range;
      if (many.items) s.query.items = many.items;
      const written = clean(many.match);
      s.text = s.text.includes(written) ? s.text.split(written).join(' ') : s.text.replace(/\d+/g, ' ');
      return;
    }
    const found = findItem(s.text, writes);
    if (found === undefined) return;
    const { item, at, length } = found;
    // 除了第四十一项那个…以外的其他几项: every target of the rest of the question but that one
    const aside = setAsideSpan(s.text, at, at + length);
    if (aside) {
      const described = aside.to === at + length ? (DESCRIBED_UNTIL_ASIDE.exec(s.text.slice(aside.to))?.[0].length ?? 0) : 0;
      setAside(s, { items: [item] });
      s.text = `${s.text.slice(0, aside.from)} ${s.text.slice(aside.to + described)}`;
      return;
    }
    s.query = { kind: 'item', item, ...(s.query.history ? { history: s.query.history } : {}) };
    s.done = true;
  },
});
