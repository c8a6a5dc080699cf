import { cut, fillerWords, longestFirst, type ParseContext, type ParsePass } from './state';

/**
 * Filler words (请问, 有哪些, 的) and, once a name was found, titles after it
 * (副市长, 同志). After names, so a filler inside a name (有 in 有关单位) is not
 * cut out of it; 的 last, as a separator anywhere (科技局的目标).
 */
export const createFillersPass = (ctx: ParseContext): ParsePass => {
  const titleWords = longestFirst(ctx.normalize, ctx.aliases.leaderTitles);
  const { multi } = fillerWords(ctx);
  return {
    name: 'fillers',
    run(s) {
      if (s.leaders.size > 0 || s.units.size > 0) for (const t of titleWords) s.text = cut(s.text, t);
      for (const f of multi) s.text = cut(s.text, f);
      s.text = cut(s.text, '的');
    },
  };
};
