import { cut, longestFirst, type ParseContext, type ParsePass } from './state';

/**
 * Removes `word` where it stands outside every span, leaving a space so the pieces do not join:
 * a word inside a unit's name (统计 in 区统计局) is that name's, not a request for statistics.
 */
const cutOutside = (text: string, word: string, spans: readonly { start: number; end: number }[]): string => {
  if (spans.length === 0) return cut(text, word);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
    if (spans.some((u) => u.start <= at && at + word.length <= u.end)) continue;
    out += `${text.slice(from, at)} `;
    from = at + word.length;
  }
  return out + text.slice(from);
};

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
      // the units named whole, looked up only when a statistics word is there to be told from one
      let units: { start: number; end: number }[] | undefined;
      for (const w of statsWords) {
        if (!s.text.includes(w)) continue;
        units ??= ctx.units.scan(s.text).filter((u) => u.names.length > 0);
        const rest = cutOutside(s.text, w, units);
        if (rest === s.text) continue;
        s.stats = true;
        s.text = rest;
        units = ctx.units.scan(s.text).filter((u) => u.names.length > 0);
      }
    },
  };
};
