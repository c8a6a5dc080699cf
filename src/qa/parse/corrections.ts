import { PAUSE, type Heard, type TextRewrite } from './rewrite';
import { normWord, type ParseContext } from './state';

const PARTICLES = '[啊呀吧哈呢嘛的]*';
/**
 * 不是A是B, 我说的不是A而是B: A is set aside. Not after 是 (是不是 asks a question). A never runs over another denial
 * or a gloss: in 既不是A也不是B and 不是A，B也不要 each denial sets its own value aside, and in 不是A，就是B 就是 restates
 * (that is), it does not correct.
 */
const NOT_BUT = new RegExp(
  `(?:我说的|我问的|我要的|我要看的|我想看的|我想问的|我查的)?(?<!是)不是((?:(?!不是|不要|不看|就是)[^,，。!！?？;；:：~～…]){1,20}?)${PARTICLES}${PAUSE}*(?:而|我说的|我要的|应该|应当|其实|实际上)?(?:是|要|看)(?!不是)`,
  'gu',
);
/** 不要A要B, 不看A看B; not 长期坚持那个不要，只要…, where 不要 ends its clause and sets aside what came before */
const NOT_WANT = new RegExp(`(?:不要|不看|不查)(?!${PAUSE})(.{1,20}?)${PARTICLES}${PAUSE}*(?:我)?(?:要|看|查)(?=.)`, 'gu');
/**
 * A不用看了，看一下B: the clause before the marker is set aside for what follows. Said last (年底到期的就不看了), the
 * marker sets A aside as a filter instead, which the negation words after a filter read.
 */
const NOT_NEEDED = new RegExp(
  `([^,，。.!！?？;；\\s]{1,20}?)(?:就|先|暂时)?(?:不用看了|不用看|不看了|不用查了|不用查|不用了|不要了|就算了|算了|先不看)${PAUSE}*(?:再|改)?(?:看一下|看看|看|查一下|查查|查)?(?=${PAUSE}*[^,，。.!！?？;；\\s~～…])`,
  'gu',
);
/** A 序号 set aside (五十号, 第50项), and a bare number after it. */
const ITEM_WORD = /(?:\d|[零〇一二两三四五六七八九十百])\s*(?:号|项|条)$/u;
const NUMBER_FIRST = /^\s*[\d零〇一二两三四五六七八九十百]+(?![\d零〇一二两三四五六七八九十百]|\s*(?:号|项|条))/u;
/** 不要滞后的 alone: the opposite filter. */
const NEGATION = '(?:不要|不是|不看|除了|除去|去掉|排除)';

/**
 * Corrections, as people make them aloud: 不是聂元科，是王昌华; 我说的不是五十号是五十一号;
 * 不要工信局要科技局; 卫健委不用看了看一下团市委. The answer is about the second
 * name: the first is cut and recorded, so the reply can say what was set
 * aside. A negated status with nothing after it (不要滞后的, 除了滞后的) is the
 * opposite status, written as the table's word for it. Before the numbers are
 * read, so 不是五十号 leaves no number behind.
 */
export const createCorrectionsRewrite = (ctx: ParseContext): TextRewrite => {
  const norm = normWord(ctx.normalize);
  const lagging = ctx.aliases.status.lagging.map(norm).filter(Boolean);
  const onSchedule = ctx.aliases.status.onSchedule.map(norm).filter(Boolean);
  const alt = (words: string[]): string =>
    [...words]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
  // a negated lagging word is on schedule and the other way round; 不滞后 itself is an on-schedule word
  const statusWords = alt([...lagging, ...onSchedule]);
  const negatedStatus = new RegExp(`${NEGATION}(${statusWords})(?:的)?(?:以外|之外)?`, 'gu');
  // 滞后的不要, 滞后的除外: the negation after the status
  const statusNegated = new RegExp(`(${statusWords})(?:的)?(?:不要|不看|除外|不算|去掉)`, 'gu');
  const lagSet = new Set(lagging);

  const setAside = (heard: Heard, what: string): void => {
    const w = what.replace(/^[的了]+|[的了吗呢啊呀吧哈]+$/gu, '').trim();
    if (w) heard.dropped.push(w);
  };

  return {
    name: 'corrections',
    rewrite(text, heard) {
      // a negated status first: in 按计划推进的不要，我要看滞后的 the 不要 belongs to the status before it
      const opposite = (_: string, w: string): string => (lagSet.has(w) ? ' 按计划 ' : ' 滞后 ');
      let t = text.replace(negatedStatus, opposite).replace(statusNegated, opposite);
      t = t.replace(NOT_BUT, (whole: string, a: string, at: number, all: string) => {
        setAside(heard, a);
        // 不是五十号，是五十一: the second number is a 序号 like the first, so it is marked as one
        return ITEM_WORD.test(a) && NUMBER_FIRST.test(all.slice(at + whole.length)) ? ' 第' : ' ';
      });
      // 团市委的先不看了，看看妇联的 before 不看A看B, which would read 了 as A
      for (const re of [NOT_NEEDED, NOT_WANT]) {
        t = t.replace(re, (_, a: string) => {
          setAside(heard, a);
          return ' ';
        });
      }
      // 卫健委的目标，不对，不是卫健委，是市场监管局: what was set aside goes wherever the long sentence said it
      for (const w of heard.dropped) if (w.length >= 2 && !/\d/.test(w)) t = t.split(w).join(' ');
      return t;
    },
  };
};
