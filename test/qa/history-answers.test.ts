import type { Report } from '../../src/model';
import { idsOf } from '../../src/qa/answer';
import { createEngine, timelineOf, type Engine } from '../../src/qa/engine';
import { renderAnswer } from '../../src/view';
import { buildReport, Q2_2022, Q3_2022, type Row } from '../progress/build-table';
import { seed } from './seed';

const ICT = '市工业和信息化局';
const GOAL_57 = '规模以上工业增加值增长8%左右';
const GOAL_58 = '加快实施5G和固定网络“双千兆”工程，年内建成并开通5G基站2000个';
const Q1_2022 = Q2_2022.replace('第二季度', '第一季度');

/*
 * Three quarters built here. Between Q2 and Q3: 57 flips 是 → 否 (and 7.9% → 6.8%), 58 moves
 * 800 → 1658 个, 59 stays as it was, 60 is new, 61 is no longer in the table; 52 (科技局) is
 * unchanged. Q1 → Q2: only 58's number moves (300 → 800).
 */
const row57 = (progress: string, ok: '是' | '否'): Row => ['57', '王昌华', GOAL_57, '年底', progress, ok, ICT];
const row58 = (n: number): Row => ['58', '王昌华', GOAL_58, '年底', `截至目前，新建并开通5G基站${n}个`, '是', ICT];
const row59: Row = ['59', '王昌华', '推进数字乡村建设', '年底', '有序推进', '是', ICT];
const row52: Row = ['52', '王昌华', '强化院企合作协同创新平台布局', '年底', '稳步推进', '是', '市科技局'];

describe('engine: 变化 questions over the report history', () => {
  let q1: Report;
  let q2: Report;
  let q3: Report;
  let engine: Engine;
  beforeAll(async () => {
    const { normalize, aliases } = await seed();
    q1 = await buildReport(Q1_2022, [row52, row57('1—3月，同比增长8.1%', '是'), row58(300), row59], 'q1.tsv');
    q2 = await buildReport(Q2_2022, [row52, row57('1—6月，同比增长7.9%', '是'), row58(800), row59, ['61', '王昌华', '实施工业设计产业规划', '年底', '已完成', '是', ICT]], 'q2.tsv');
    q3 = await buildReport(Q3_2022, [row52, row57('1—9月，同比增长6.8%', '否'), row58(1658), row59, ['60', '王昌华', '高端化工营业收入增长10%以上', '年底', '同比增长9.8%', '是', ICT]], 'q3.tsv');
    engine = createEngine({ report: q3, history: [q1, q2, q3], normalize, aliases });
  });

  it('answers 57号的变化 as an item with every quarter and what changed', () => {
    const a = engine.ask('57号的变化');
    expect([a.kind, idsOf(a), a.query.history]).toEqual(['item', ['57'], 'all']);
    const h = a.history?.targets[0];
    expect(a.history?.periods.map((p) => p.period)).toEqual(['第一季度', '第二季度', '第三季度']);
    expect(h?.points.map((p) => [p.light, p.onSchedule, p.measure?.achieved])).toEqual([
      ['green', true, 8.1],
      ['green', true, 7.9],
      ['red', false, 6.8],
    ]);
    const text = renderAnswer(a, { format: 'plain' }).text;
    expect(text).toContain('各期变化（3 期）');
    expect(text).toContain('2022年第二季度：🟢 绿灯');
    expect(text).toContain('2022年第三季度：🔴 红灯');
    expect(text).toContain('2022-06-30 → 2022-09-30：绿灯→红灯 · 按计划→滞后 · 7.9 → 6.8 %（-1.1）');
  });

  it('compares only the last two reports for 上季度以来', () => {
    const a = engine.ask('57号上季度以来的变化');
    expect([a.kind, idsOf(a), a.history?.periods.map((p) => p.asOf)]).toEqual(['item', ['57'], ['2022-06-30', '2022-09-30']]);
  });

  it('answers 工信局上季度以来的变化 with the changed targets, a new one and a dropped one', () => {
    const a = engine.ask('工信局上季度以来的变化');
    expect(a.kind).toBe('list');
    // 59 did not change; 61 left the table, so its hit is the Q2 target
    expect(idsOf(a)).toEqual(['57', '58', '60', '61']);
    expect(a.history?.considered).toBe(5);
    expect(a.hits.find((h) => h.target.id === '61')?.target.text).toBe('实施工业设计产业规划');
    const text = renderAnswer(a, { format: 'plain' }).text;
    expect(text.split('\n').slice(0, 3)).toEqual([`${ICT} · 上季度以来的变化`, '2022年第二季度—2022年第三季度', '4 项有变化（共 5 项）']);
    expect(text).toContain('2022年第二季度 🟢 800 个（40%） → 2022年第三季度 🟢 1658 个（83%）');
    expect(text).toContain('800 → 1658 个（+858）');
    expect(text).toContain('2022年第二季度 本期表中没有此项 → 2022年第三季度 🟢 增长 9.8%');
    expect(text).toContain('新增');
    expect(text).toContain('移出');
  });

  it('says when nothing changed, counting what it looked at', () => {
    const a = engine.ask('科技局上季度以来的变化');
    expect([a.kind, idsOf(a)]).toEqual(['list', []]);
    expect(renderAnswer(a, { format: 'plain' }).text).toContain('没有变化（共 1 项）');
  });

  it('lists every changed target for a bare 上季度以来的变化', () => {
    expect(idsOf(engine.ask('上季度以来的变化'))).toEqual(['57', '58', '60', '61']);
    // across all three quarters 58 changed twice, and 52 and 59 never
    expect(idsOf(engine.ask('所有目标的变化'))).toEqual(['57', '58', '60', '61']);
  });

  it('keeps the same content in plain text and HTML', () => {
    for (const q of ['57号的变化', '工信局上季度以来的变化']) {
      const a = engine.ask(q);
      const html = renderAnswer(a, { format: 'html' }).text;
      const visible = html
        .replace(/<\/?(b|i|code)>/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
      expect(visible).toBe(renderAnswer(a, { format: 'plain' }).text);
    }
  });

  it('with a single report, says there is only one period and shows the current state', async () => {
    const { normalize, aliases } = await seed();
    const only = createEngine({ report: q3, history: [q3], normalize, aliases });
    const item = only.ask('57号的变化');
    expect([item.kind, idsOf(item), item.history?.periods.length]).toEqual(['item', ['57'], 1]);
    const text = renderAnswer(item, { format: 'plain' }).text;
    expect(text.split('\n')[0]).toBe('目前只有一期数据（2022年第三季度，截至 2022-09-30），还没有可比的变化；以下是当前情况。');
    expect(text).toContain('第 57 项 🔴');
    // a unit's 变化 lists the unit's current targets
    const list = only.ask('工信局上季度以来的变化');
    expect([list.kind, idsOf(list)]).toEqual(['list', ['57', '58', '59', '60']]);
    expect(renderAnswer(list, { format: 'plain' }).text).toContain('目前只有一期数据');
    // no history given at all is the same as a history of one
    expect(idsOf(createEngine({ report: q3, normalize, aliases }).ask('工信局的变化'))).toEqual(['57', '58', '59', '60']);
  });

  it('compares the store copy of the current report once, and never a report newer than the current one', () => {
    const storeCopy = { ...q3, importedAt: '2022-10-10T00:00:00.000Z' };
    expect(timelineOf(q3, [q1, q2, storeCopy])).toEqual([q1, q2, q3]);
    // an older quarter re-imported as current: the later one is left out
    expect(timelineOf(q2, [q1, q3, q2])).toEqual([q1, q2]);
    // two files for one quarter: the later import replaces the earlier
    const corrected = { ...q1, title: 'corrected' };
    expect(timelineOf(q3, [q1, corrected, q3])).toEqual([corrected, q3]);
  });

  it('leaves questions without 变化 words as they were', () => {
    expect(engine.ask('工信局').history).toBeUndefined();
    expect(idsOf(engine.ask('工信局'))).toEqual(['57', '58', '59', '60']);
    expect(engine.ask('第57项').history).toBeUndefined();
  });
});
