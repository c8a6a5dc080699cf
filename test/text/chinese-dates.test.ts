import { arabicDates, arabicYears } from '../../src/text/chinese-dates';

describe('dates written in characters', () => {
  it.each([
    ['二〇二三年六月底', '2023年6月底'],
    ['二零二二年十二月三十一日', '2022年12月31日'],
    ['十一月十五日前', '11月15日前'],
    ['九月底', '9月底'],
    ['一至九月', '1至9月'],
    ['2023年6月底', '2023年6月底'],
  ])('%s → %s', (text, want) => {
    expect(arabicDates(text)).toBe(want);
  });

  it.each(['三个月内完成', '第三季度', '一号文件', '十大工程', '二三年'])('leaves numbers that are no date alone: %s', (text) => {
    expect(arabicDates(text)).toBe(text);
  });

  it('reads a year only when it has four digits', () => {
    expect(arabicYears('二〇二三年 二三年 一九九八年')).toBe('2023年 二三年 1998年');
  });
});
