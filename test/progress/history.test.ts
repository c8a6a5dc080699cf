import type { Report } from '../../src/model';
import { changedBetween, targetHistory, unitHistory, withChanges } from '../../src/progress/history';
import { assessTarget } from '../../src/progress/light';
import { buildReport, Q2_2022, Q3_2022 } from './build-table';

const GOAL_57 = '规模以上工业增加值增长8%左右';
const GOAL_58 = '加快实施5G和固定网络“双千兆”工程，年内建成并开通5G基站2000个';
const ICT = '市工业和信息化局';

describe('history across quarters', () => {
  let q2: Report;
  let q3: Report;
  beforeAll(async () => {
    q2 = await buildReport(
      Q2_2022,
      [
        ['57', '王昌华', GOAL_57, '年底', '1—6月，全市规模以上工业增加值同比增长7.9%', '是', ICT],
        ['58', '王昌华', GOAL_58, '年底', '截至6月底，新建并开通5G基站800个', '是', ICT],
        ['59', '王昌华', '推进数字乡村建设', '年底', '有序推进', '是', ICT],
      ],
      'heze-2022-q2.tsv',
    );
    q3 = await buildReport(
      Q3_2022,
      [
        ['57', '王昌华', GOAL_57, '年底', '1—9月，全市规模以上工业增加值同比增长6.8%', '否', ICT],
        ['58', '王昌华', GOAL_58, '年底', '截至9月底，新建并开通5G基站1658个', '是', ICT],
        ['59', '王昌华', '推进数字乡村建设', '年底', '有序推进', '是', ICT],
        ['60', '王昌华', '高端化工营业收入增长10%以上', '年底', '同比增长9.8%', '是', `${ICT} 市税务局`],
      ],
      'heze-2022-q3.tsv',
    );
  });

  it('gives 57号的变化: green in Q2, red in Q3 after 是 turned 否', () => {
    const h = targetHistory([q2, q3], '57')!;
    expect(h.points.map((p) => [p.period, p.light, p.onSchedule, p.measure?.achieved])).toEqual([
      ['第二季度', 'green', true, 7.9],
      ['第三季度', 'red', false, 6.8],
    ]);
    expect(h.changes).toEqual([
      {
        from: '2022-06-30',
        to: '2022-09-30',
        light: { from: 'green', to: 'red' },
        onSchedule: { from: true, to: false },
        achieved: { from: 7.9, to: 6.8, delta: -1.1, unit: '%' },
      },
    ]);
  });

  it('sorts reports by as-of date whatever the input order', () => {
    expect(targetHistory([q3, q2], '58')!.points.map((p) => p.asOf)).toEqual(['2022-06-30', '2022-09-30']);
  });

  it('shows the pace at each quarter', () => {
    const [p2, p3] = targetHistory([q2, q3], '58')!.points;
    // 800 of 2000 at 181/365 of the year; 1658 of 2000 at 273/365
    expect(p2!.pace).toMatchObject({ actual: 0.4, behind: false });
    expect(p2!.pace!.expected).toBeCloseTo(181 / 365, 10);
    expect(p3!.pace!.expected).toBeCloseTo(273 / 365, 10);
  });

  it('marks quarters where the target is missing and when it appears', () => {
    const h = targetHistory([q2, q3], '60')!;
    expect(h.points.map((p) => p.present)).toEqual([false, true]);
    expect(h.changes).toEqual([{ from: '2022-06-30', to: '2022-09-30', presence: 'added' }]);
  });

  it('is undefined for a 序号 no report has', () => {
    expect(targetHistory([q2, q3], '999')).toBeUndefined();
  });

  it('gives 工信局上季度以来的变化: every target of the unit, then only the changed ones', () => {
    const all = unitHistory([q2, q3], ICT);
    expect(all.map((h) => h.id)).toEqual(['57', '58', '59', '60']);
    // 59 stayed green with no numbers: nothing to report
    expect(withChanges(all).map((h) => h.id)).toEqual(['57', '58', '60']);
    expect(all.find((h) => h.id === '58')!.changes[0]!.achieved).toEqual({ from: 800, to: 1658, delta: 858, unit: '个' });
  });

  it('flags a 序号 whose text differs from the newest report', async () => {
    const other = await buildReport(Q2_2022, [['57', '王昌华', '实施工业设计产业规划', '年底', '推进中', '是', ICT]], 'other-q2.tsv');
    const h = targetHistory([other, q3], '57')!;
    expect(h.text).toBe(GOAL_57);
    expect(h.points.map((p) => p.textChanged)).toEqual([true, false]);
  });

  it('says which targets changed without building histories, agreeing with the histories', () => {
    const state = (r: Report, id: string) => {
      const target = r.targets.find((t) => t.id === id);
      return target ? { target, assessment: assessTarget(target, r) } : undefined;
    };
    for (const id of ['57', '58', '59', '60']) {
      // 57 flips, 58 moves, 60 appears; 59 stays as it was
      expect([id, changedBetween(state(q2, id), state(q3, id))]).toEqual([id, targetHistory([q2, q3], id)!.changes.length > 0]);
    }
    expect(changedBetween(undefined, undefined)).toBe(false);
  });
});
