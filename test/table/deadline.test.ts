import { toDeadline } from '../../src/table/deadline';

describe('toDeadline: 完成时限 as the tables write it', () => {
  it.each([
    ['年底', '2022-12-31'],
    ['年底前', '2022-12-31'],
    ['8月底', '2022-08-31'],
    ['2023年6月底', '2023-06-30'],
    ['二〇二三年六月底', '2023-06-30'],
    ['十二月底', '2022-12-31'],
    ['九月三十日前', '2022-09-30'],
    ['11月15日', '2022-11-15'],
    ['上半年', '2022-06-30'],
    ['第三季度', '2022-09-30'],
    ['2023年底', '2023-12-31'],
    // a year relative to the report's: the next year, or the report's own
    ['次年6月底前', '2023-06-30'],
    ['明年3月底', '2023-03-31'],
    ['次年底', '2023-12-31'],
    ['今年年底', '2022-12-31'],
    ['9月30号前', '2022-09-30'],
  ])('%s → %s (report year 2022)', (text, date) => {
    expect(toDeadline(text, 2022)).toEqual({ kind: 'date', text, date });
  });

  it('keeps ongoing work and wording it cannot date, with the text as written', () => {
    expect(toDeadline('长期坚持', 2022)).toEqual({ kind: 'ongoing', text: '长期坚持' });
    expect(toDeadline('按省里要求', 2022)).toEqual({ kind: 'other', text: '按省里要求' });
    expect(toDeadline('13月底', 2022)).toEqual({ kind: 'other', text: '13月底' });
  });
});
