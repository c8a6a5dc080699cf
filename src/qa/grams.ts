/**
 * The search vocabulary: pairs of consecutive Chinese characters (5G基站 →
 * 基站) and whole Latin/digit words (5g, vocs, pm2.5). Pairs need no word list
 * and tolerate one wrong character in a longer word; Latin words are kept
 * whole because their letters alone mean nothing.
 */
const HAN = /\p{Script=Han}/u;
const ASCII_WORD = /[a-z0-9][a-z0-9.]*[a-z0-9]|[a-z0-9]/g;

export const isHan = (ch: string): boolean => HAN.test(ch);

/** Every distinct gram of a normalised text. */
export const gramsOf = (text: string, into: Set<string> = new Set()): Set<string> => {
  let prev = '';
  for (const ch of text) {
    if (isHan(ch)) {
      if (prev) into.add(prev + ch);
      prev = ch;
    } else prev = '';
  }
  for (const m of text.matchAll(ASCII_WORD)) if (m[0].length >= 2) into.add(m[0]);
  return into;
};

/** The grams of one search word, in order (a single Han character has none). */
export const wordGrams = (word: string): string[] => [...gramsOf(word)];
