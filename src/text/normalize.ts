import * as OpenCC from 'opencc-js/t2cn';

/**
 * Builds the normaliser used for searching: traditional → simplified
 * (鄆城 → 郓城), full-width → half-width (５Ｇ → 5G, ideographic space → space),
 * lower case (5G → 5g). Display always uses the original text.
 *
 * The OpenCC dictionaries take ~100 ms to load, so build one normaliser at start-up
 * and pass it around instead of converting at import time.
 */
export const createNormalizer = (): ((text: string) => string) => {
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  // NFKC first: compatibility forms (①, ㈠, ＧＤＰ, ﹙) read as what they stand for
  return (text: string): string => toSimplified(toHalfWidth(text.normalize('NFKC'))).toLowerCase();
};

/** Full-width ASCII (！ to ～) and the ideographic space to their half-width forms. */
export const toHalfWidth = (text: string): string => text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));

export type Normalize = ReturnType<typeof createNormalizer>;
