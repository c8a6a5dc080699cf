import { cut, longestFirst, type ParseContext, type ParsePass } from './state';

/** Words asking for every target (所有目标), for how many (有几项) or for the statistics (统计, 完成率). */
export const createScopeWordsPass = (ctx: ParseContext): ParsePass => {
  const allWords = longestFirst(ctx.normalize, ctx.aliases.all);
  const countWords = longestFirst(ctx.normalize, ctx.aliases.counts);
  const statsWords = longestFirst(ctx.normalize, ctx.aliases.stats);
  return {
    name: 'scope words',
    run(s) {
      s.everything = allWords.some((w) => s.compact.includes(w));
      for (const w of allWords) s.text = cut(s.text, w);
      for (const w of countWords) {
        if (s.text.includes(w)) {
          s.count = true;
          s.text = cut(s.text, w);
        }
      }
      for (const w of statsWords) {
        if (s.text.includes(w)) {
          s.stats = true;
          s.text = cut(s.text, w);
        }
      }
    },
  };
};
