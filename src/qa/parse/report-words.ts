import { cut, longestFirst, type ParseContext, type ParsePass } from './state';

/**
 * The report's own city, year and quarter (菏泽市, 2022年, 第三季度): true of every target, so they are cut, not searched,
 * and alone (2022年的目标, 菏泽市的) they ask for every target.
 */
export const createReportWordsPass = (ctx: ParseContext): ParsePass => {
  const words = longestFirst(ctx.normalize, ctx.reportWords ?? []).filter((w) => w.length >= 2);
  return {
    name: 'report words',
    run(s) {
      for (const w of words) {
        if (!s.text.includes(w)) continue;
        s.everything = true;
        s.text = cut(s.text, w);
      }
    },
  };
};
