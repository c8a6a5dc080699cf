import { cut, longestFirst, type ParseContext, type ParsePass } from './state';

/** The report's own city, year and quarter (菏泽市, 2022年, 第三季度): true of every target, so they are cut, not searched. */
export const createReportWordsPass = (ctx: ParseContext): ParsePass => {
  const words = longestFirst(ctx.normalize, ctx.reportWords ?? []).filter((w) => w.length >= 2);
  return {
    name: 'report words',
    run(s) {
      for (const w of words) s.text = cut(s.text, w);
    },
  };
};
