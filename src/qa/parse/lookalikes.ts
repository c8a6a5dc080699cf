import type { TextRewrite } from './rewrite';
import { normWord, type ParseContext } from './state';

/**
 * The words a lookalike is mended into: status, deadline and light words, and
 * every leader and unit spelling. Names of the loaded table, so a slip in
 * 聂元科 is mended only where 聂元科 is a leader.
 */
const knownWords = (ctx: ParseContext): string[] => {
  const { aliases: a } = ctx;
  return [
    ...Object.values(a.status).flat(),
    ...a.deadlines.yearEnd,
    ...a.deadlines.ongoing,
    ...Object.values(a.lights).flat(),
    ...ctx.leaders.names,
    ...ctx.units.names,
    ...ctx.units.names.filter((n) => n.startsWith('市')).map((n) => n.slice(1)),
    ...Object.keys(a.units),
  ];
};

/**
 * A character typed for one that looks like it, inside a known word: 己完成
 * (已完成), 末按计划 (未按计划), 聂元料 (聂元科). One slip a word; a word of two
 * characters or more; never where the slipped character is already part of a
 * known word in the text (今年未完成 is 今年 + 未完成, not 年末). The reply says how
 * the word was read.
 */
export const createLookalikesRewrite = (ctx: ParseContext): TextRewrite => {
  const norm = normWord(ctx.normalize);
  const groups = ctx.aliases.lookalikes.map((g) => [...new Set([...norm(g)])]);
  const known = [...new Set(knownWords(ctx).map(norm))].filter((w) => w.length >= 2);
  const knownSet = new Set(known);
  const groupOf = new Map<string, string[]>();
  for (const g of groups) for (const ch of g) groupOf.set(ch, [...new Set([...(groupOf.get(ch) ?? []), ...g])]);
  // a slip → the word it mends into, indexed by the slipped character so a question looks up only its own characters
  const bySlip = new Map<string, Map<string, { word: string; pos: number }>>();
  const clash = new Set<string>();
  for (const word of known) {
    [...word].forEach((ch, i) => {
      for (const other of groupOf.get(ch) ?? []) {
        if (other === ch) continue;
        const slip = `${word.slice(0, i)}${other}${word.slice(i + 1)}`;
        if (knownSet.has(slip)) continue;
        const slips = bySlip.get(other) ?? bySlip.set(other, new Map()).get(other)!;
        if (slips.has(slip) && slips.get(slip)?.word !== word) clash.add(slip);
        slips.set(slip, { word, pos: i });
      }
    });
  }
  const knownByChar = new Map<string, string[]>();
  for (const w of known) for (const ch of new Set(w)) (knownByChar.get(ch) ?? knownByChar.set(ch, []).get(ch)!).push(w);
  /** whether a known word stands in the text over position k */
  const knownAt = (text: string, k: number): boolean =>
    (knownByChar.get(text[k] as string) ?? []).some((w) => {
      const at = text.indexOf(w, Math.max(0, k - w.length + 1));
      return at >= 0 && at <= k;
    });
  return {
    name: 'lookalikes',
    rewrite(text, heard) {
      let t = text;
      for (const ch of new Set(text)) {
        const slips = bySlip.get(ch);
        if (!slips) continue;
        for (const [slip, { word, pos }] of slips) {
          if (clash.has(slip)) continue;
          const at = t.indexOf(slip);
          // the slipped character already belongs to a known word: it was meant (今年未完成)
          if (at < 0 || knownAt(t, at + pos)) continue;
          t = `${t.slice(0, at)}${word}${t.slice(at + slip.length)}`;
          heard.readAs.push({ written: slip, as: word });
        }
      }
      return t;
    },
  };
};
