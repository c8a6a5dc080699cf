import { findQuantities } from '../../src/progress/numbers';

describe('findQuantities', () => {
  it('reads Arabic numbers with a magnitude and a measure word', () => {
    const q = findQuantities('新增托位1万个，用户36.62万户');
    expect(q.map((x) => [x.value, x.unit])).toEqual([
      [10000, '个'],
      [366200, '户'],
    ]);
  });

  it('reads Chinese numerals and approximations (4000余名, 两千个)', () => {
    const q = findQuantities('帮扶留守儿童4000余名，建成两千个');
    expect(q.map((x) => [x.value, x.unit, x.text])).toEqual([
      [4000, '名', '4000余名'],
      [2000, '个', '两千个'],
    ]);
  });

  it('keeps the written magnitude of money (亿元, 万元) in scale', () => {
    const [a, b] = findQuantities('营业收入414.1亿元，补助资金1276万元');
    expect(a).toMatchObject({ value: 41410000000, unit: '元', scale: 1e8 });
    expect(b).toMatchObject({ value: 12760000, unit: '元', scale: 1e4 });
  });

  it('skips ordinals, percentage points and words that only look like numbers', () => {
    // 第二批 is an ordinal, 1.5个百分点 a difference, 千兆/百兆 are bandwidths, 5G a name
    const q = findQuantities('第二批12个示范机构，高于全省1.5个百分点，千兆网络、百兆以上，5G基站');
    expect(q.map((x) => x.text)).toEqual(['12个']);
  });

  it('reads percentages', () => {
    expect(findQuantities('同比增长6.8%').map((x) => [x.value, x.unit])).toEqual([[6.8, '%']]);
  });

  it('gives offsets into the searched text', () => {
    const text = '共建成希望小屋1331间';
    const [q] = findQuantities(text);
    expect(text.slice(q!.start, q!.end)).toBe('1331间');
  });
});
