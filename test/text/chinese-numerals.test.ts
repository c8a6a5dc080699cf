import { parseChineseNumeral } from '../../src/text/chinese-numerals';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百', 100],
    ['一百零五', 105],
    ['两千', 2000],
    ['三千五', 3500],
    ['一万', 10000],
    ['三万五千', 35000],
    ['一亿五千万', 150000000],
    ['七百亿', 70000000000],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('refuses text without a digit or that is not a numeral', () => {
    expect(parseChineseNumeral('万')).toBeUndefined();
    expect(parseChineseNumeral('百')).toBeUndefined();
    expect(parseChineseNumeral('12')).toBeUndefined();
  });
});
