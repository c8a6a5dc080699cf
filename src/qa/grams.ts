/**
 * The search vocabulary: pairs of consecutive Chinese characters (5G基站 →
 * 基站) and whole Latin/digit words (5g, vocs, pm2.5). Pairs need no word list
 * and tolerate one wrong character in a longer word; Latin words are kept
 * whole because their letters alone mean nothing.
 *
 * A pair is a number (first code unit × 65536 + second), a Latin word a
 * string: building the index over 100k targets is dominated by this loop, and
 * numbers hash much faster than short strings.
 */
export type Gram = number | string;

/** CJK unified ideographs (and extension A, compatibility ideographs): what 汉字 pairs are made of. */
export const isHanCode = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);

export const isHan = (ch: string): boolean => ch.length === 1 && isHanCode(ch.charCodeAt(0));

const isWordCode = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/** Calls `onGram` for every gram of a normalised text, in order (repeats included). */
export const eachGram = (text: string, onGram: (gram: Gram) => void): void => {
  let prev = -1;
  let wordStart = -1;
  const n = text.length;
  for (let i = 0; i <= n; i += 1) {
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c >= 0 && isHanCode(c)) {
      if (prev >= 0) onGram(prev * 65536 + c);
      prev = c;
    } else prev = -1;
    // Latin words: letters and digits, with inner dots (pm2.5)
    const inWord = c >= 0 && (isWordCode(c) || (c === 0x2e && wordStart >= 0 && i + 1 < n && isWordCode(text.charCodeAt(i + 1))));
    if (inWord) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      if (i - wordStart >= 2) {
        const word = text.slice(wordStart, i);
        onGram(word);
        // the number of a road or a line written with its letter (g237, s325, 237国道 asked as 国道237): its digits alone too
        if (/[a-z]/.test(word) && /\d{2}/.test(word)) for (const digits of word.match(/\d{2,}/g) ?? []) onGram(digits);
      }
      wordStart = -1;
    }
  }
};

/** Every distinct gram of a normalised text. */
export const gramsOf = (text: string, into: Set<Gram> = new Set()): Set<Gram> => {
  eachGram(text, (g) => into.add(g));
  return into;
};

/** The distinct grams of one search word, in order (a single Han character has none). */
export const wordGrams = (word: string): Gram[] => [...gramsOf(word)];
