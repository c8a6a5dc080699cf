import { elapsedShare, isPastDeadline, paceOf } from '../../src/progress/pace';
import { extractMeasure } from '../../src/progress/extract';
import { PROGRESS_DEFAULTS } from '../../src/progress/defaults';
import { buildReport, Q3_2022 } from './build-table';

describe('elapsedShare', () => {
  it('counts from January 1 of the report year to the deadline, both days included', () => {
    // Q3 as of 2022-09-30 is day 273 of 365
    expect(elapsedShare(2022, '2022-09-30', '2022-12-31')).toBeCloseTo(273 / 365, 10);
    // a deadline in the next year stretches the time: 2023年6月底 is day 546
    expect(elapsedShare(2022, '2022-09-30', '2023-06-30')).toBeCloseTo(273 / 546, 10);
  });

  it('is 1 once the deadline has passed and 0 before the year starts', () => {
    expect(elapsedShare(2022, '2022-09-30', '2022-08-31')).toBe(1);
    expect(elapsedShare(2022, '2021-12-31', '2022-12-31')).toBe(0);
    expect(elapsedShare(2022, '2022-09-30', '2021-12-31')).toBe(1);
  });

  it('names the input it cannot read', () => {
    expect(() => elapsedShare(2022, '2022/09/30', '2022-12-31')).toThrow('"2022/09/30"');
  });
});

describe('paceOf', () => {
  it('is behind when half the goal is done three quarters into the year', async () => {
    const report = await buildReport(Q3_2022, [['1', '甲', '建设口袋公园100个', '年底', '已建成口袋公园50个', '是', '市住建局']]);
    const t = report.targets[0]!;
    const pace = paceOf(t, report, extractMeasure(t));
    expect(pace).toMatchObject({ actual: 0.5, behind: true });
    expect(pace!.expected).toBeCloseTo(273 / 365, 10);
    // 24.8 points behind: well past the 10-point margin
    expect(pace!.gap).toBeGreaterThan(PROGRESS_DEFAULTS.paceMargin);
  });

  it('is not behind within the margin, and the margin can be changed per call', async () => {
    const report = await buildReport(Q3_2022, [['1', '甲', '建设口袋公园100个', '年底', '已建成口袋公园70个', '是', '市住建局']]);
    const t = report.targets[0]!;
    const m = extractMeasure(t);
    // 74.8% of the time, 70% done: 4.8 points behind
    expect(paceOf(t, report, m)?.behind).toBe(false);
    expect(paceOf(t, report, m, { paceMargin: 0.02 })?.behind).toBe(true);
  });

  it('has no pace for rates, ongoing deadlines or targets without numbers', async () => {
    const report = await buildReport(Q3_2022, [
      ['1', '甲', '工业增加值增长8%左右', '年底', '同比增长6.8%', '是', '市工信局'],
      ['2', '甲', '建设口袋公园100个', '长期坚持', '已建成口袋公园50个', '是', '市住建局'],
      ['3', '甲', '推进青年发展友好型城市建设', '年底', '正式启动', '是', '团市委'],
    ]);
    for (const t of report.targets) expect(paceOf(t, report, extractMeasure(t))).toBeUndefined();
  });
});

describe('isPastDeadline', () => {
  it('compares the resolved deadline with the as-of date', async () => {
    const report = await buildReport(Q3_2022, [
      ['1', '甲', '建设“小荷学堂”100个', '8月底', '已开设100处', '是', '团市委'],
      ['2', '甲', '加快项目建设', '9月底', '主体完成', '是', '市卫健委'],
      ['3', '甲', '推进建设', '长期坚持', '推进中', '是', '团市委'],
    ]);
    // 8月底 is before 2022-09-30; 9月底 is the as-of day itself, not past it
    expect(report.targets.map((t) => isPastDeadline(t, report))).toEqual([true, false, false]);
  });
});
