/** The digits of Chinese numerals, 〇 and 两 included. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral: 一万 → 10000, 两千 → 2000, 十二 → 12, 一百零五 → 105,
 * 三千五 → 3500 (a trailing digit right after a unit is one step below it),
 * 一亿五千万 → 150000000. Returns undefined for text that is not a numeral
 * or has no digit (万 alone is a word, not a number).
 */
export const parseChineseNumeral = (text: string): number | undefined => {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return undefined;
  if (!/[零〇一二两三四五六七八九十]/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit = 0;
  let lastUnit = 0;
  let afterZero = false;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      if (d === 0) afterZero = true;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      // 十二: a unit without a digit before it counts once
      section += (digit === 0 ? 1 : digit) * small;
      digit = 0;
      lastUnit = small;
      afterZero = false;
    } else if (ch === '万') {
      total += (section + digit) * 1e4;
      section = 0;
      digit = 0;
      lastUnit = 1e4;
      afterZero = false;
    } else {
      total = (total + section + digit) * 1e8;
      section = 0;
      digit = 0;
      lastUnit = 1e8;
      afterZero = false;
    }
  }
  // 三千五 means 3500, 一百零五 means 105
  if (digit !== 0 && lastUnit >= 100 && !afterZero) digit *= lastUnit / 10;
  return total + section + digit;
};
