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
  const t = toHalfWidth(title).replace(/\s+/g, '');
  const f = toHalfWidth(file);
  const city = /^(.{1,12}?(?:市|州|盟|地区|县|区))(?:人民政府|政府)/.exec(t)?.[1] ?? /^(.{1,12}?市)/.exec(t)?.[1] ?? '';
  const yearText = /(20\d{2})年/.exec(t)?.[1] ?? /(?:^|\D)(20\d{2})(?:\D|$)/.exec(f)?.[1];
  const year = yearText === undefined ? undefined : Number(yearText);

  let period = '';
  let month: string | undefined;
  const quarter = /(?:第|前)?([一二三四1-4])季度/.exec(t) ?? /q([1-4])/i.exec(f);
  const months = /1[-—–~至到]((?:1[0-2])|[1-9])月/.exec(t);
  if (/上半年|半年/.test(t)) {
    period = '上半年';
    month = '06-30';
  } else if (/全年|年度总结|年终/.test(t)) {
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
