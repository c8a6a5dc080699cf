import { cut, longestFirst, type ParseContext, type ParsePass } from './state';

/**
 * 变化 words: across every report (57号的变化) or since the previous one
 * (上季度以来). Before numbers, so 57号的变化 is still an item question.
 */
export const createHistoryPass = (ctx: ParseContext): ParsePass => {
  const sinceLastWords = longestFirst(ctx.normalize, ctx.aliases.history.sinceLast);
  const historyWords = longestFirst(ctx.normalize, ctx.aliases.history.all);
  return {
    name: 'history',
    run(s) {
      for (const w of sinceLastWords) {
        if (s.text.includes(w)) {
          s.query.history = 'sinceLast';
          s.text = cut(s.text, w);
        }
      }
      for (const w of historyWords) {
        if (s.text.includes(w)) {
          s.query.history ??= 'all';
          s.text = cut(s.text, w);
        }
      }
    },
  };
};
