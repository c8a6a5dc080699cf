const DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九, 十, 十一 … 十九, 二十 … 三十一: the numbers a month or a day is written with. */
const small = (word: string): number => {
  const at = word.indexOf('十');
  if (at < 0) return DIGIT[word]!;
  return (at === 0 ? 1 : DIGIT[word[0]!]!) * 10 + (at === word.length - 1 ? 0 : DIGIT[word[at + 1]!]!);
};

/** 二〇二三年, 二零二二年 → 2023年, 2022年: a year written digit by digit in characters. */
export const arabicYears = (text: string): string =>
  text.replace(/([零〇○一二三四五六七八九]{4})(\s*年)/gu, (_, year: string, mark: string) => `${[...year].map((c) => DIGIT[c]).join('')}${mark}`);

/**
 * Dates written in characters, as some offices type them: 二〇二三年六月底 → 2023年6月底,
 * 十二月三十一日 → 12月31日, 一至九月 → 1至9月. Only numbers right before 年, 月 (or a span
 * of months) or, after a month, 日 change, so counts in the text (三个月, 第三季度) stay.
 */
export const arabicDates = (text: string): string =>
  arabicYears(text)
    // a month, or the first month of a span (一至九月)
    .replace(/(十[一二]|[一二三四五六七八九十])(?=\s*(?:[至到~—–-]\s*(?:十[一二]|[一二三四五六七八九十]|\d{1,2})\s*)?月)/gu, (m) => String(small(m)))
    .replace(/(月\s*)(三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号])/gu, (_, month: string, day: string) => `${month}${small(day)}`);
