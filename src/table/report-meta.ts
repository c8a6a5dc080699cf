import { arabicDates, arabicYears } from '../text/chinese-dates';
import { toHalfWidth } from '../text/normalize';

export interface ReportMeta {
  city: string;
  year: number | undefined;
  period: string;
  asOf: string | undefined;
}

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER_END = ['', '03-31', '06-30', '09-30', '12-31'];

/**
 * Reads city, year and period from the title line, falling back to the file
 * name (heze-2022-q3.tsv) for what the title does not say.
 *
 * @example readReportMeta('菏泽市人民政府2022年…第三季度工作推进情况一览表', 'x.tsv')
 *   → { city: '菏泽市', year: 2022, period: '第三季度', asOf: '2022-09-30' }
 */
export const readReportMeta = (title: string, file: string): ReportMeta => {
  const t = arabicDates(toHalfWidth(title)).replace(/\s+/g, '');
  const f = toHalfWidth(file);
  const city = cityOf(t);
  const yearText = /(20\d{2})年/.exec(t)?.[1] ?? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(f)?.[1];
  const year = yearText === undefined ? undefined : Number(yearText);

  let period = '';
  let month: string | undefined;
  const quarter = /(?:第|前)?([一二三四1-4])季度/.exec(t) ?? /q([1-4])/i.exec(f);
  const months = /1[-—–~至到]((?:1[0-2])|[1-9])月/.exec(t) ?? /截至(?:20\d{2}年)?((?:1[0-2])|[1-9])月/.exec(t);
  if (/上半年|半年/.test(t) && !/下半年/.test(t)) {
    period = '上半年';
    month = '06-30';
  } else if (/全年|年度总结|年终|下半年/.test(t)) {
    period = '全年';
    month = '12-31';
  } else if (quarter) {
    const q = QUARTER_WORDS[quarter[1]!]!;
    period = `第${'一二三四'[q - 1]}季度`;
    month = QUARTER_END[q];
  } else if (months) {
    const m = Number(months[1]);
    period = `1-${m}月`;
    month = `${String(m).padStart(2, '0')}-${new Date(Date.UTC(2001, m, 0)).getUTCDate()}`;
  }
  return { city, year, period, asOf: year !== undefined && month ? `${year}-${month}` : undefined };
};

/** Words before 市/县/区 that mean "this" rather than a place: 全市重点工作 names no city. */
const NOT_A_PLACE = /^(?:全|本|我|各|该|市|县|区)(?:市|县|区)$/;

/**
 * The city (or county, district) a title starts with: 菏泽市人民政府…, 曹县2023年…,
 * 中共XX市委办公室… Returns '' when the title names none (全市重点工作任务…).
 */
const cityOf = (t: string): string => {
  const title = t.replace(/^(?:20\d{2}年度?)/, '').replace(/^中共/, '');
  const named =
    /^(.{1,12}?(?:市|州|盟|地区|县|区|旗))(?:人民政府|政府|委员会|市委|县委|区委|委办|办公室|督查|督察)/.exec(title)?.[1] ??
    /^(.{1,12}?(?:市|县|区|旗))(?=20\d{2}|二〇|关于|重点|经济|年度|上半年|第[一二三四]季度|政府工作)/.exec(title)?.[1] ??
    /^(.{1,12}?市)/.exec(title)?.[1] ??
    '';
  return NOT_A_PLACE.test(named) || /^(?:20\d{2}|关于)/.test(named) ? '' : named;
};

/**
 * The year most deadlines name (2023年12月底), for tables whose title and file
 * name say none.
 */
export const yearFromDeadlines = (cells: string[]): number | undefined => {
  const counts = new Map<number, number>();
  for (const cell of cells) {
    const year = /(20\d{2})\s*年/.exec(arabicYears(toHalfWidth(cell)))?.[1];
    if (year) counts.set(Number(year), (counts.get(Number(year)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
};
