import { CHINESE_DIGITS, parseChineseNumeral } from './chinese-numerals';

/** A year's digits, with ○ (a circle typed for 〇) as zero too. */
const YEAR_DIGITS: Readonly<Record<string, number>> = { ...CHINESE_DIGITS, '○': 0 };

/** 二〇二三年, 二零二二年 → 2023年, 2022年: a year written digit by digit in characters. */
export const arabicYears = (text: string): string =>
  text.replace(/([零〇○一二三四五六七八九]{4})(\s*年)/gu, (_, year: string, mark: string) => `${[...year].map((c) => YEAR_DIGITS[c]).join('')}${mark}`);

/**
 * Dates written in characters, as some offices type them: 二〇二三年六月底 → 2023年6月底,
 * 十二月三十一日 → 12月31日, 一至九月 → 1至9月. Only numbers right before 年, 月 (or a span
 * of months) or, after a month, 日 change, so counts in the text (三个月, 第三季度) stay.
 */
export const arabicDates = (text: string): string =>
  arabicYears(text)
    // a month, or the first month of a span (一至九月)
    .replace(/(十[一二]|[一二三四五六七八九十])(?=\s*(?:[至到~—–-]\s*(?:十[一二]|[一二三四五六七八九十]|\d{1,2})\s*)?月)/gu, (m) => String(parseChineseNumeral(m)))
    .replace(/(月\s*)(三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])(?=\s*[日号])/gu, (_, month: string, day: string) => `${month}${parseChineseNumeral(day)}`);
