import type { Deadline } from '../model';
import { arabicDates } from '../text/chinese-dates';
import { toHalfWidth } from '../text/normalize';

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): string => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** A year named relative to the report's own: the next (次年, 明年, 翌年, 下一年, 下年度) or the same (今年, 当年, 本年度). */
const RELATIVE_YEAR = /^(?:次年度?|明年度?|翌年度?|下一?年度?|今年度?|当年度?|本年度?)(?=\d|底|末|内|年|上半年|第|[一二三四]季度)/u;
const NEXT_YEAR = /^(?:次|明|翌|下)/u;

/**
 * Reads 完成时限 the way the tables write it. Year-less wording (年底, 8月底)
 * means the report's own year. The original wording is kept for display.
 *
 * @example toDeadline('8月底', 2022) → { kind: 'date', text: '8月底', date: '2022-08-31' }
 */
export const toDeadline = (raw: string, reportYear: number): Deadline => {
  const text = raw.trim();
  // 年底前, 6月底之前: a deadline says the same with or without 前
  const said = arabicDates(toHalfWidth(text))
    .replace(/\s+/g, '')
    .replace(/(?:之前|以前|前)$/, '')
    .replace(/^(?:截至|截止|于)/, '');
  // 次年6月底, 明年3月, 今年年底: a year said relative to the report's, written as that year
  const s = said.replace(RELATIVE_YEAR, (w) => `${reportYear + (NEXT_YEAR.test(w) ? 1 : 0)}年`);
  if (/长期|持续|常态|每年|经常/.test(s)) return { kind: 'ongoing', text };

  const yearEnd = /^(?:(\d{4})年)?(?:年底|年末|底|年内|全年|12月底|12月末)$/.exec(s) ?? /^(\d{4})年(?:底|末|内)$/.exec(s);
  if (yearEnd) return { kind: 'date', text, date: `${yearEnd[1] ?? reportYear}-12-31` };

  const monthEnd = /^(?:(\d{4})年)?(\d{1,2})月(?:底|末|份|前|)$/.exec(s);
  if (monthEnd && inRange(Number(monthEnd[2]), 1, 12)) {
    return { kind: 'date', text, date: lastDayOf(Number(monthEnd[1] ?? reportYear), Number(monthEnd[2])) };
  }

  const day = /^(?:(\d{4})[年.\-/])?(\d{1,2})[月.\-/](\d{1,2})[日号]?(?:前)?$/.exec(s);
  if (day && inRange(Number(day[2]), 1, 12) && inRange(Number(day[3]), 1, 31)) {
    return { kind: 'date', text, date: `${day[1] ?? reportYear}-${pad(Number(day[2]))}-${pad(Number(day[3]))}` };
  }

  const half = /^(?:(\d{4})年)?上半年(?:底|末)?$/.exec(s);
  if (half) return { kind: 'date', text, date: `${half[1] ?? reportYear}-06-30` };

  const quarter = /^(?:(\d{4})年)?(?:第)?([一二三四1-4])季度(?:底|末)?$/.exec(s);
  if (quarter) {
    const q = '一二三四'.indexOf(quarter[2]!) + 1 || Number(quarter[2]);
    return { kind: 'date', text, date: lastDayOf(Number(quarter[1] ?? reportYear), q * 3) };
  }
  return { kind: 'other', text };
};

const inRange = (n: number, lo: number, hi: number): boolean => n >= lo && n <= hi;
