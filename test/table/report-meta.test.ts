import { readReportMeta, yearFromDeadlines } from '../../src/table/report-meta';

describe('readReportMeta: city, year and period from the title', () => {
  it.each([
    ['菏泽市人民政府2022年经济社会发展责任目标第三季度工作推进情况一览表', 'x.tsv', { city: '菏泽市', year: 2022, period: '第三季度', asOf: '2022-09-30' }],
    ['曹县二〇二三年上半年重点工作推进情况', 'x.xlsx', { city: '曹县', year: 2023, period: '上半年', asOf: '2023-06-30' }],
    ['济宁市二零二三年一至九月重点工作推进情况', 'x.csv', { city: '济宁市', year: 2023, period: '1-9月', asOf: '2023-09-30' }],
    ['全市重点工作任务推进情况', 'heze-2022-q3.tsv', { city: '', year: 2022, period: '第三季度', asOf: '2022-09-30' }],
  ])('%s', (title, file, want) => {
    expect(readReportMeta(title, file)).toEqual(want);
  });
});

describe('yearFromDeadlines', () => {
  it('takes the year most deadlines name, in digits or in characters', () => {
    expect(yearFromDeadlines(['二〇二三年六月底', '2023年12月底', '2022年底', '年底'])).toBe(2023);
    expect(yearFromDeadlines(['年底', '长期坚持'])).toBeUndefined();
  });
});
