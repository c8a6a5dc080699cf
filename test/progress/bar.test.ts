import { formatNumber, renderBar } from '../../src/progress/bar';
import type { Measure } from '../../src/progress/extract';

const measure = (m: Partial<Measure> & Pick<Measure, 'goal' | 'achieved' | 'ratio'>): Measure => ({
  kind: 'count',
  unit: '个',
  goalText: '',
  achievedText: '',
  row: 3,
  ...m,
});

describe('renderBar', () => {
  it('draws the bar for 1658 of 2000 done (83%)', () => {
    expect(renderBar(measure({ goal: 2000, achieved: 1658, ratio: 0.829 }))).toBe('▰▰▰▰▰▰▰▰▱▱ 83% · 目标 2000 个 · 已完成 1658 个');
  });

  it('fills all cells over 100% but shows the true percent', () => {
    expect(renderBar(measure({ goal: 1000, achieved: 1331, ratio: 1.331 }))).toBe('▰▰▰▰▰▰▰▰▰▰ 133% · 目标 1000 个 · 已完成 1331 个');
  });

  it('never shows an unfinished goal as full or 100%', () => {
    expect(renderBar(measure({ goal: 1000, achieved: 996, ratio: 0.996 }))).toBe('▰▰▰▰▰▰▰▰▰▱ 99% · 目标 1000 个 · 已完成 996 个');
  });

  it('draws an empty bar for nothing done or a fall', () => {
    expect(renderBar(measure({ kind: 'growth', unit: '%', goal: 8, achieved: -2.5, ratio: -0.3125 }))).toBe('▱▱▱▱▱▱▱▱▱▱ -31% · 目标增长 8% · 实际增长 -2.5%');
  });

  it('words rates, shares and money in their own terms', () => {
    expect(renderBar(measure({ kind: 'level', unit: '%', goal: 87.5, achieved: 87.5, ratio: 1 }))).toBe('▰▰▰▰▰▰▰▰▰▰ 100% · 目标 87.5% · 实际 87.5%');
    expect(renderBar(measure({ kind: 'share', unit: '%', goal: 100, achieved: 86.3, ratio: 0.863 }))).toBe('▰▰▰▰▰▰▰▰▰▱ 86% · 目标 100% · 已完成 86.3%');
    expect(renderBar(measure({ kind: 'amount', unit: '亿元', goal: 700, achieved: 414.1, ratio: 0.5916 }))).toBe('▰▰▰▰▰▰▱▱▱▱ 59% · 目标 700 亿元 · 已完成 414.1 亿元');
  });

  it('takes another number of cells', () => {
    expect(renderBar(measure({ goal: 10, achieved: 5, ratio: 0.5 }), 4)).toBe('▰▰▱▱ 50% · 目标 10 个 · 已完成 5 个');
  });
});

describe('formatNumber', () => {
  it('writes round ten-thousands as 万 and keeps two decimals at most', () => {
    expect(formatNumber(10000)).toBe('1万');
    expect(formatNumber(8956)).toBe('8956');
    expect(formatNumber(414.1)).toBe('414.1');
    expect(formatNumber(1 / 3)).toBe('0.33');
  });
});
