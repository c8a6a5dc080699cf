import type { QueryFilters } from '../answer';
import { negatedKinds, pickKind } from '../filter-kinds';
import { cut, type ParseContext, type ParsePass, type ParseState } from './state';

/**
 * Words before a filter that set it aside: 除了年底的, 不是民生实事的, 不在年底完成, 不属于民生实事的, 不需要各乡镇配合的, and with a word
 * of time or degree between them (除了已经滞后的, 不是还没开工的), which says when, not what, or a pronoun for the
 * names said (不是他们单独干的).
 */
const BEFORE =
  /(?:除了|除去|除开|不属于|不归|不是|不在|不用|不需要|不需|无需|不要|不含|不包括|不算|排除|去掉|并非|而非|非)\s*(?:在|是)?\s*(?:他们|她们|它们|人家)?\s*(?:已经|已|还在|还|都|目前|现在|仍然|仍|也)?\s*$/u;
/** Pointing at the filter's targets before a refusal: 那几项先不要, 那些都剔掉. */
const POINTING = '(?:那几个|这几个|那几项|这几项|那几条|这几条|那个|那些|这个|这些|那条|那项|那块|这块|那部分|这部分)';
/**
 * The words after a filter that set it aside, for every kind of filter (and the except pass's names): 以外, 之外, 除外,
 * or a refusal, pointed at it or not and with an adverb or two (那几项先不要, 都剔掉, 的就不看了): any verb that takes
 * things out of a list (剔掉, 拿掉, 刨去, 扣除) reads as 去掉 does. Past a clause break only a refusal that ends its piece
 * (鲁西新区管委会，先不要): one with words after it refuses those (团市委的，去掉希望小屋那个).
 */
export const REFUSAL = '(?:不要|不看|不算|不考虑|去掉|去除|排除|剔掉|剔除|删掉|删去|删除|拿掉|刨掉|刨去|扣掉|扣除|不用看|不用管|不用列|别列)';
export const SET_ASIDE_AFTER = `(?:(?:${POINTING}\\s*)?(?:也|就|先|都|全|全部|统统|暂时|一律)*(?:以外|之外|除外|${REFUSAL}|\\s+(?:也|就|先|都|全部|统统|暂时|一律)*${REFUSAL}(?=\\s|$|[的了吧啊呢])))`;
/**
 * Words after a filter that set it aside: 年底以外的, 已完成之外, 民生实事除外, and a refusal after it, pointed at it or
 * not (长期坚持那个不要, 滞后的就不看了, 年底到期的去掉, 长期坚持的也不要), the filter's own verb between (年底到期的除外).
 */
const AFTER = new RegExp(`^\\s*(?:到期|截止|完成|负责|牵头|分管|配合|参与|有关|相关)?\\s*(?:的)?\\s*${SET_ASIDE_AFTER}`, 'u');

/**
 * Whether the filter word at [start, end) of `text` is set aside by the words around it,
 * and the span those words and the filter take, to cut together. One rule for every kind
 * of filter, so 不是年底到期的 and 除了民生实事 read as 王昌华以外的 does.
 */
export const setAsideSpan = (text: string, start: number, end: number): { from: number; to: number } | undefined => {
  const before = BEFORE.exec(text.slice(0, start));
  const after = AFTER.exec(text.slice(end));
  if (!before && !after) return undefined;
  return { from: before ? start - before[0].length : start, to: end + (after?.[0].length ?? 0) };
};

/** Records a filter as set aside: merged into the query's except, each kind's values together. */
export const setAside = (s: ParseState, part: QueryFilters): void => {
  const except: QueryFilters = { ...(s.query.except ?? {}) };
  for (const kind of negatedKinds(part)) {
    const add = pickKind(part, kind) as Record<string, unknown>;
    for (const [field, value] of Object.entries(add)) {
      const had = (except as Record<string, unknown>)[field];
      (except as Record<string, unknown>)[field] = Array.isArray(value) && Array.isArray(had) ? [...new Set([...had, ...value])] : value;
    }
  }
  s.query.except = except;
};

/** A negation before words no filter took, up to the end of their piece: 除了希望小屋以外, 不含托育相关的. */
const NEGATED_WORDS = /(?:除了|除去|除开|不含|不包括|不要|去掉|排除)\s*(\p{Script=Han}{2,16}?)\s*(?:相关|有关|方面|这块|那块|那个|这个|的)*\s*(?:以外|之外|除外)?(?=\s|$)/u;

/**
 * A topic set aside (除了希望小屋以外团市委的目标): the words the negation governs that the loaded table uses
 * become the set-aside topic, so the targets saying them go. Words the table never uses are no topic of it:
 * the negation is left for the reply to say it was not applied. After every filter pass, before the one
 * that says an unplaced negation.
 */
export const createNegatedTopicPass = (ctx: ParseContext): ParsePass => {
  let words: Set<string> | undefined;
  return {
    name: 'negated topic',
    run(s) {
      const m = NEGATED_WORDS.exec(s.text);
      if (!m?.[1]) return;
      words ??= new Set([...(ctx.tableWords?.() ?? [])].filter((w) => w.length >= 2));
      const piece = m[1];
      const found: string[] = [];
      // longest table words first, without overlaps: 希望小屋 before 希望
      for (let i = 0; i < piece.length; ) {
        let took = 0;
        for (let n = Math.min(8, piece.length - i); n >= 2 && !took; n -= 1) if (words.has(piece.slice(i, i + n))) took = n;
        if (took) found.push(piece.slice(i, i + took));
        i += took || 1;
      }
      if (found.length === 0) return;
      setAside(s, { terms: found });
      s.text = `${s.text.slice(0, m.index)} ${s.text.slice(m.index + m[0].length)}`;
    },
  };
};

/**
 * Cuts a filter's words at [from, to) out of what is left of the question, with the words around them that
 * set it aside when there are any, and then sets `part` aside. True when it was set aside, so the caller
 * records the filter as asked for only when it was not.
 */
export const cutFilter = (s: ParseState, from: number, to: number, part: QueryFilters): boolean => {
  const aside = setAsideSpan(s.text, from, to);
  if (aside) setAside(s, part);
  const span = aside ?? { from, to };
  s.text = `${s.text.slice(0, span.from)} ${s.text.slice(span.to)}`;
  return aside !== undefined;
};

/** Negation words nothing took: the reply says they were not applied rather than answer as if they were not written. */
const LEFT = /(?:^|\s)(除了|除去|不是|不要|不含|不包括|不算|排除|去掉|以外|之外|除外|不需要|不用)(?=\s|$)/u;

/** The first negation word left standing alone in what remains of the question. */
export const unplacedNegation = (text: string): string | undefined => LEFT.exec(text)?.[1];

/**
 * A negation no filter took (除了 before words the table does not know): recorded, so the reply
 * says it was not applied, and cut, so it is not searched. After every filter pass, before the topic.
 */
export const createNegationLeftPass = (): ParsePass => ({
  name: 'negation left',
  run(s) {
    const word = unplacedNegation(s.text);
    if (!word) return;
    s.query.unplacedNegation = word;
    s.text = cut(s.text, word);
  },
});
