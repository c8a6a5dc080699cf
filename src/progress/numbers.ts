/**
 * Quantities as the tables write them: Arabic or Chinese numerals, an optional
 * magnitude (万, 亿), a measure word (个, 名, 家, 项, 亿元, %).
 *
 * @example findQuantities('新增托位8956个，帮扶4000余名') → [{ value: 8956, unit: '个' … }, { value: 4000, unit: '名' … }]
 */
import { parseChineseNumeral } from '../text/chinese-numerals';

/** Measure words a quantity may carry. Longer spellings first so 公里 wins over 里. */
const UNITS = ['平方米', '公里', '千米', '亩', '吨', '辆', '台', '个', '间', '处', '座', '所', '套', '名', '人', '位', '家', '户', '项', '条', '件', '次', '张', '元', '%'] as const;
export type UnitWord = (typeof UNITS)[number];

export interface Quantity {
  /** the value in the unit's base (亿元 → 元, 1万个 → 10000 个) */
  value: number;
  /** the measure word; money is always 元, with its written magnitude in `scale` */
  unit: UnitWord;
  /** for money, the magnitude written before 元 (700亿元 → 1e8), else 1 */
  scale: number;
  /** offset of the first character of the number in the searched text */
  start: number;
  /** offset just past the unit */
  end: number;
  /** the matched text, e.g. 1331间, 4000余名, 700亿元 */
  text: string;
}

const MAGNITUDES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 1e2 };

// number, optional magnitude, optional approximation (余/多), unit.
// 个 followed by 百分点 is a percentage-point difference, not a count.
const QUANTITY = new RegExp(String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)(万|亿|千|百)?(?:余|多)?(${UNITS.join('|')})(?!百分点)`, 'g');

/**
 * Every quantity in `text`, in order. Ordinals (第二批) are skipped. The text
 * should already be half-width (toHalfWidth), so ５０％ reads as 50%, and
 * without thousands separators (1,000 → 1000).
 */
export const findQuantities = (text: string): Quantity[] => {
  const found: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const [whole, numeral = '', magnitude = '', unit = ''] = m;
    const start = m.index;
    if (text[start - 1] === '第') continue;
    if (/[\d.]/.test(text[start - 1] ?? '')) continue;
    const base = /^\d/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
    if (base === undefined || !Number.isFinite(base)) continue;
    const mag = magnitude ? (MAGNITUDES[magnitude] ?? 1) : 1;
    const isMoney = unit === '元';
    // a Chinese numeral ending in 万/亿 carries the money magnitude itself (七百亿元)
    const writtenScale = isMoney ? (mag !== 1 ? mag : /[万亿]$/.test(numeral) ? (MAGNITUDES[numeral.slice(-1)] ?? 1) : 1) : 1;
    found.push({
      value: base * mag,
      unit: unit as UnitWord,
      scale: writtenScale,
      start,
      end: start + whole.length,
      text: whole,
    });
  }
  return found;
};
