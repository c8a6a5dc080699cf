import { arabicYears } from '../../text/chinese-dates';
import { toNumber } from './numbers';
import type { TextRewrite } from './rewrite';
import { numberInName, tableWrites, type ParseContext } from './state';

const RUN = /[零〇一二两三四五六七八九十百]+/gu;
/** Before a 序号: 第, 序号是, 编号为, 从 (从六十一号到…). */
const MARK_BEFORE = /(?:第|序号|编号|从)\s*(?:是|为)?\s*$/u;
/** After a 序号: 号 (not 号线), 项, 条, 行, 那条. */
const MARK_AFTER = /^\s*(?:号(?!线)|项|条|行|那条|这条|那项|这项)/u;
/** A number alone is a 序号 (what is left of 不是五十号，是五十一). */
const ALONE = /^[\s,，。.!！?？]*$/u;
/** After a count, a date or a measure, a number is no 序号: 第三季度, 三个月, 八大工程, 十二月. */
const NOT_AN_ITEM = /^\s*(?:季|批|期|年|次|届|大|个|月|日|天|倍|万|亿|千|%|名|人|家|座|所|孩|岁|类|种|轮|档|级|星|成|分|部分|板块|块|方面)/u;
/** Between two 序号 of a span or a list. */
const JOIN = /^\s*(?:号|项|条)?\s*(?:到|至|一直到|~|-|、|,|和|跟|与|及|以及|还有|或者|或)\s*(?:第)?\s*$/u;

/**
 * Numbers said in words where a 序号 stands: 七十六号, 第七十六项, 序号是六十三,
 * 编号五十九, 从六十一号到六十四号, 四十一、四十二还有四十三号 become digits, so
 * the numbers pass reads them as it reads typed ones. A number in words
 * elsewhere is left alone: it is a count or part of a name (三个一百, 八大重点
 * 工程, 第三季度). A year said digit by digit (二零二一年) and 去年/前年 become
 * the year, so a year no report covers is recognised.
 */
export const createSpokenNumbersRewrite = (ctx: ParseContext): TextRewrite => {
  const writes = tableWrites(ctx);
  return {
    name: 'spoken numbers',
    rewrite(text) {
      let t = arabicYears(text).replace(/去年|前年/gu, (w) => ` ${ctx.year - (w === '去年' ? 1 : 2)}年 `);
      const runs = [...t.matchAll(RUN)].map((m) => ({ at: m.index ?? 0, word: m[0] }));
      // from the last number back, so a number joined to a later 序号 (六十一到六十四项) sees that one's verdict
      let nextIsItem = false;
      let nextAt = Infinity;
      for (let k = runs.length - 1; k >= 0; k -= 1) {
        const { at, word } = runs[k] as { at: number; word: string };
        const end = at + word.length;
        const before = t.slice(Math.max(0, at - 6), at);
        const after = t.slice(end, end + 4);
        const value = toNumber(word);
        const single = word.length === 1 && word !== '十';
        const joined: boolean = nextIsItem && JOIN.test(t.slice(end, nextAt));
        const item: boolean =
          value !== undefined &&
          !NOT_AN_ITEM.test(after) &&
          !numberInName(t, at, end, writes) &&
          (MARK_BEFORE.test(before) || joined || (ALONE.test(t.slice(0, at)) && ALONE.test(t.slice(end))) || (MARK_AFTER.test(after) && (!single || /^\s*号/u.test(after))));
        // the reply names the 序号 it answers (第 76 项), so a misheard number shows without a note
        // 七十六那条 is written 76号那条, so the numbers pass needs no spoken form of its own
        const classifier = item && !/^\s*(?:号|项|条|行)/u.test(after) ? '号' : '';
        if (item) t = `${t.slice(0, at)}${value}${classifier}${t.slice(end)}`;
        nextIsItem = item;
        nextAt = at;
      }
      return t;
    },
  };
};
