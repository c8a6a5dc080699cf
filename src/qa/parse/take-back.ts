import type { FilterKindName } from '../filter-kinds';
import { PAUSE, type TextRewrite } from './rewrite';
import { normWord, type ParseContext } from './state';

/**
 * Words that take back what was just said, with or without the new value after them: 不对(不对), 哦不对,
 * 我说错了, 搞错了, 口误, 更正一下, 不是那个是 (那个 points back, it names nothing). 不是X是Y, which names
 * what it sets aside, is the corrections rewrite's.
 */
const TAKE_BACK = new RegExp(
  [
    `(?:[哦噢喔呃啊嗯]\\s*)?不对(?:${PAUSE}*不对)*`,
    '(?:我|刚才|刚刚)*(?:说|讲|搞|弄|记|打|写)错了',
    '口误',
    '(?:更正|纠正)一下',
    `(?<!是)不是(?:刚才|前面|上面)?(?:那个|这个|那|这)(?:的)?${PAUSE}*(?:而|应该)?(?=是)`,
    `[哦噢喔](?=${PAUSE}*不是)`,
  ].join('|'),
  'gu',
);
/** 应该是Y after a pause only sets the value it names: said alone at the end it asks (应该是哪个单位). */
const SHOULD_BE = new RegExp(`(?<=${PAUSE})应该是`, 'gu');

/** Two characters between the edges of a word: a pause or 是/跟/和 before, 的, a pause or a role after. */
const SHORT_NAME = new RegExp(`(?<=^|${PAUSE}|[是跟和与看查])\\p{Script=Han}{2}(?=$|${PAUSE}|的|负责|牵头|配合|参与|那)`, 'gu');

/** A 序号 said as one (五十号, 第51项, 65条, 序号五十七). */
const ITEM = /第?[\d零〇一二两三四五六七八九十百]+\s*(?:号|项|条)|(?:序号|编号)\s*(?:为|是)?\s*[\d零〇一二两三四五六七八九十百]+/gu;

/** A denial right before a value taken back (不是卫健委): cut with it. */
const NOT_BEFORE = /(?:不是|不要|不看|不查)$/u;

interface Span {
  kind: FilterKindName;
  start: number;
  end: number;
  /** what it means, where words differ for one value (按计划推进 and 进度正常 are both on schedule; 卫计委 and 卫健委 one unit) */
  value: string;
}

/**
 * The filter mentions a correction can take back, by kind: units and leaders (by name, and a leader by
 * surname or given name and a title, 王副市长), status words, deadlines (a month, 年底, 长期坚持) and 序号 (五十号). Topics
 * are left to the words that name them (不是希望小屋，是5G基站).
 */
const createMentionScanner = (ctx: ParseContext): ((text: string) => Span[]) => {
  const norm = normWord(ctx.normalize);
  const esc = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alt = (words: Iterable<string>): string =>
    [...new Set(words)]
      .map(norm)
      .filter(Boolean)
      .sort((a, b) => b.length - a.length)
      .map(esc)
      .join('|');
  const titles = ctx.aliases.leaderTitles.filter((t) => !/局长|主任|同志|领导/.test(t));
  const callers = ctx.leaders.names.flatMap((name) => {
    const n = norm(name);
    return [n.slice(0, 1), n.slice(1)].filter((p) => p.length > 0);
  });
  const address = callers.length > 0 && titles.length > 0 ? new RegExp(`(?:${alt(callers)})(?:${alt(titles)})`, 'gu') : undefined;
  const statusWords = Object.values(ctx.aliases.status).flat();
  const status = statusWords.length > 0 ? new RegExp(alt(statusWords), 'gu') : undefined;
  const statusOf = new Map(Object.entries(ctx.aliases.status).flatMap(([key, words]) => words.map((w) => [norm(w), key] as const)));
  // a month (九月底, 8月末, 6月份) or a deadline word of the aliases (年底, 长期坚持)
  const deadlineWords = Object.values(ctx.aliases.deadlines).flat();
  const deadline = new RegExp(`(?:[\\d]{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份|前|中旬|上旬|下旬)?${deadlineWords.length > 0 ? `|${alt(deadlineWords)}` : ''}`, 'gu');
  return (text) => {
    const spans: Span[] = [
      ...ctx.units.scan(text).map((m) => ({ kind: 'unit' as const, start: m.start, end: m.end, value: m.names.join('|') || m.mention })),
      ...ctx.leaders.scan(text).map((m) => ({ kind: 'leader' as const, start: m.start, end: m.end, value: m.names.join('|') || m.mention })),
    ];
    const add = (kind: FilterKindName, start: number, length: number, value = text.slice(start, start + length)): void => {
      if (!spans.some((o) => o.start < start + length && start < o.end)) spans.push({ kind, start, end: start + length, value });
    };
    for (const [kind, re] of [
      ['leader', address],
      ['status', status],
      ['deadline', deadline],
      ['item', ITEM],
    ] as const) {
      if (re) for (const m of text.matchAll(re)) add(kind, m.index ?? 0, m[0].length, kind === 'status' ? statusOf.get(m[0]) : undefined);
    }
    // a two-character unit name standing as a word (妇联的, 市妇联 without 市): the scan leaves those to the units pass
    for (const m of text.matchAll(SHORT_NAME)) {
      const found = ctx.units.resolveHow(m[0]);
      const whole = found.how === 'exact' || found.how === 'alias' || (found.names.length === 1 && norm(found.names[0] as string).includes(m[0]));
      if (found.names.length > 0 && whole) add('unit', m.index ?? 0, m[0].length, found.names.join('|'));
    }
    return spans.sort((a, b) => a.start - b.start);
  };
};

/**
 * A correction in a long sentence: 科技局的，不对不对，我说错了，是生态环境局的; 王昌华分管的，哦不对是聂元科分管的;
 * 市场监管局的目标，不是那个，是卫健委的，我说错了. The value said before the marker is replaced by the value of
 * the same kind said after it, and only that kind: the leader in 王昌华分管的跟科技局有关的，不对，是跟工信局有关的
 * stays. A marker with no value after it (…卫健委的，我说错了) takes back the earlier of the last two values
 * of a kind. What is taken back is cut from the text and recorded, so the reply says what was set aside.
 * Before the corrections rewrite, which would read 不是那个 as setting aside 那个.
 */
export const createTakeBackRewrite = (ctx: ParseContext): TextRewrite => {
  const mentions = createMentionScanner(ctx);
  return {
    name: 'take back',
    rewrite(text, heard) {
      const markers = [...text.matchAll(TAKE_BACK), ...[...text.matchAll(SHOULD_BE)].map((m) => Object.assign(m, { onlyBefore: true }))].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      if (markers.length === 0) return text;
      const cuts: Span[] = [];
      const said = mentions(text);
      for (const m of markers) {
        const at = m.index ?? 0;
        const all = said.filter((s) => !cuts.includes(s));
        const before = all.filter((s) => s.end <= at);
        const after = all.filter((s) => s.start >= at + m[0].length);
        // the value after the marker replaces the last one of its kind before it, and that value said again in other
        // words (按计划推进的，就是进度正常的那些，哦不对，要不正常的)
        const next = after[0];
        if (next) {
          const old = before.filter((s) => s.kind === next.kind).at(-1);
          if (old) cuts.push(...before.filter((s) => s.kind === old.kind && s.value === old.value));
          continue;
        }
        if ('onlyBefore' in m) continue;
        // …卫健委的，我说错了: the new value was said first, the marker after it
        const last = before.at(-1);
        const old = last && before.filter((s) => s.kind === last.kind).at(-2);
        if (old) cuts.push(old);
      }
      let t = text;
      for (const c of [...new Set(cuts)].sort((a, b) => b.start - a.start)) {
        const name = text.slice(c.start, c.end);
        if (!heard.dropped.includes(name)) heard.dropped.push(name);
        // 不是卫健委，应该是…: the 不是 goes with the value it took back, or it would set the new value aside
        const denied = NOT_BEFORE.exec(text.slice(0, c.start));
        t = `${t.slice(0, c.start - (denied?.[0].length ?? 0))} ${t.slice(c.end)}`;
      }
      // the markers themselves say nothing about the targets; a pause keeps the clauses apart
      return t.replace(TAKE_BACK, '，').replace(SHOULD_BE, '，');
    },
  };
};
