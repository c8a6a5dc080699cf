import type { Target } from '../../../src/model';
import { idsOf } from '../../../src/qa/answer';
import { createEngine } from '../../../src/qa/engine';
import { toDeadline } from '../../../src/table/deadline';
import { report, seed, target } from '../seed';
import { runUntil } from './context';

describe('deadline pass: a later year', () => {
  it.each([
    ['2023年到期的', 2023],
    ['二〇二三年的', 2023],
    ['卫健委明年的', 2023],
    ['2024年度的目标', 2024],
  ])('reads %s as the targets due in %i, after the 2022 report', async (q, year) => {
    // through the whole parser: 二〇二三年 is made digits by the spoken-numbers rewrite
    const { engine } = await seed();
    const query = engine.understand(q);
    expect(query.deadline).toMatchObject({ year });
    expect(query.outside).toBeUndefined();
  });

  it('keeps a month of that year a date', async () => {
    expect((await runUntil('明年6月底', 'deadline')).query.deadline).toMatchObject({ date: '2023-06-30' });
    expect((await runUntil('2023年6月', 'deadline')).query.deadline).toMatchObject({ date: '2023-06-30' });
  });

  it('leaves an earlier year to the place pass: another report', async () => {
    const s = await runUntil('2021年的目标', 'place');
    expect([s.query.deadline, s.query.outside]).toEqual([undefined, '2021年']);
  });

  it('answers every target due in the year, and none for a year nothing is due in', async () => {
    const { engine } = await seed();
    // 76 is the only target due in 2023 (2023年6月底)
    expect(idsOf(engine.ask('2023年到期'))).toEqual(['76']);
    expect(idsOf(engine.ask('卫健委明年的'))).toEqual(['76']);
    expect(idsOf(engine.ask('工信局明年的'))).toEqual([]);
    expect(engine.ask('2024年的目标').kind).toBe('list');
  });
});

describe('report words pass', () => {
  it.each(['2022年的目标', '菏泽市的目标'])('reads %s, the report itself, as every target', async (q) => {
    const { engine, report } = await seed();
    expect(idsOf(engine.ask(q))).toHaveLength(new Set(report.targets.map((t) => t.id)).size);
  });
});

describe('deadline pass: one deadline said twice', () => {
  it('reads a year said again in other words (明年 after 2023年) as the same deadline, not another report', async () => {
    const { engine } = await seed();
    // 76 is the one target due in 2023 (2023年6月底)
    const a = engine.ask('要到2023年才截止的那个，也就是明年才到期的，是哪条');
    expect([a.kind, idsOf(a)]).toEqual(['list', ['76']]);
    expect(a.query.outside).toBeUndefined();
  });
});

describe('a comparison by deadline', () => {
  it.each(['按月份统计一下各有几条', '按完成时限分类，年底的和九月底的各多少', '各时间节点分别有几项'])('reads %s as figures per deadline, in time order', async (q) => {
    const { engine, report } = await seed();
    const a = engine.ask(q);
    expect([a.kind, a.query.rank?.by, a.query.deadline, a.query.terms]).toEqual(['stats', 'deadline', undefined, undefined]);
    const groups = a.stats?.byDeadline ?? [];
    // every target in one group; the table's own deadline words; dates before 长期坚持
    expect(groups.reduce((n, g) => n + g.total, 0)).toBe(report.targets.length);
    expect(groups.map((g) => g.name)).toEqual(['8月底', '9月底', '年底', '2023年6月底', '长期坚持']);
  });

  it('keeps 按时 inside 按时间节点 from being read as on schedule', async () => {
    const { engine } = await seed();
    expect(engine.ask('按时间节点统计').query.status).toBeUndefined();
  });
});

describe('a deadline read as a span', () => {
  it.each([
    // 8月底 (45) and 9月底 (74) fall within the third quarter; 年底's targets do not
    ['到三季度末为止到期的有哪些', ['45', '74']],
    ['9月底以内要完成的', ['45', '74']],
    // 提前 says the date itself is not meant: what falls due earlier than the year's end
    ['年底之前提前到期的那几个', ['45', '74']],
    // without a word of span, 9月底之前 is that date, as people use it
    ['9月底之前', ['74']],
  ])('reads %s as %o', async (q, ids) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q))).toEqual(ids);
  });

  it('leaves a quarter alone as the report’s period (三季度哪些滞后)', async () => {
    const { engine } = await seed();
    expect(engine.ask('三季度哪些滞后').query.deadline).toBeUndefined();
  });
});

describe('a whole-year deadline beside a day on the same date', () => {
  // a table that writes 全年 for year-long tasks and 12月底前 for those due at the year's end (both 2030-12-31)
  const engine = async () => {
    const { normalize, aliases } = await seed();
    const targets = [
      target('1', '新增市场主体三千户', '甲', ['市场监管局'], '', false, '12月底前'),
      target('2', '固定资产投资增长百分之八', '乙', ['发改局'], '', false, '全年'),
      target('3', '建成口袋公园十处', '乙', ['住建局'], '', true, '12月底前'),
      target('4', '一般公共预算收入增长', '甲', ['财政局'], '', true, '全年'),
    ];
    return createEngine({ report: report(targets), normalize, aliases });
  };

  it.each([
    ['时限是全年的任务', ['2', '4']],
    ['全年的任务里面滞后的', ['2']],
    // the table's own day asks for its day, not the year-long tasks
    ['12月底前要完成的', ['1', '3']],
    // other words for the date keep both
    ['年底到期的', ['1', '2', '3', '4']],
  ])('reads %s as %o', async (q, ids) => {
    expect(idsOf((await engine()).ask(q))).toEqual(ids);
  });

  it('leaves 全年 as words where the table writes no whole-year deadline', async () => {
    const { engine: shipped } = await seed();
    expect(shipped.ask('全年的目标').query.deadline).toBeUndefined();
  });
});

/**
 * Several deadlines said together: a target due at any of them is kept (8月底和9月底, 九月底的…八月底的也算上), and
 * deadlines joined by 和 share a negation said after the last of them (把九月底的和明年的去掉).
 */
describe('deadline pass: several deadlines', () => {
  it('keeps the targets due at any deadline said together', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('8月底和9月底到期的目标分别是哪些'))).toEqual(['45', '74']);
    expect(idsOf(engine.ask('九月底以前就应该完成的任务有哪些,八月底的也算上'))).toEqual(['45', '74']);
  });

  it('sets aside every deadline joined to one set aside', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('卫健委的任务里头,把九月底的和明年的去掉,剩下年底完成的给我列一下'))).toEqual(['73', '75', '77', '78', '79', '80']);
  });
});

/** 长期坚持 in other words (没有具体截止时间, 一直做下去), and a date with 早于 before it as the dates earlier than it. */
describe('deadline pass: no deadline, and earlier than one', () => {
  it('reads having no deadline as 长期坚持, once however often it is said', async () => {
    const { engine } = await seed();
    const a = engine.ask('没有具体截止时间、要一直做下去的有哪些');
    expect(idsOf(a)).toEqual(['43']);
    expect(a.query.deadline?.also).toBeUndefined();
  });

  it('reads 早于年底 as the dates before the year end', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('时限节点早于年底的有哪些'))).toEqual(['45', '74']);
  });
});

/** A table of another year whose deadlines are written as people write them (次年6月底, 9月30日前, 第三季度, 9月底前). */
describe('deadline pass: deadlines relative to the table and its own wording', () => {
  const engine = async () => {
    const { normalize, aliases } = await seed();
    const dated = (id: string, deadline: string, onSchedule = true): Target => ({
      ...target(id, `目标${id}`, '甲', ['发改局'], '', onSchedule),
      deadline: toDeadline(deadline, 2024),
    });
    const targets = [dated('1', '年底前'), dated('2', '次年6月底前'), dated('3', '9月30日前', false), dated('4', '第三季度'), dated('5', '9月底前'), dated('6', '10月底前'), dated('7', '长期')];
    return createEngine({ report: report(targets, 2024), normalize, aliases });
  };

  it.each([
    // 明年 is the year after the table's, which writes it 次年
    ['哪些任务要到明年才到期', ['2']],
    ['9月30号前的任务有哪些', ['3', '4', '5']],
    // the table writes the quarter beside days on its last day: the quarter asks for the quarter's own targets
    ['第三季度要完成的有哪些', ['4']],
    ['第三季度到期但是没完成的', []],
    // the days of that date, not the quarter's targets
    ['9月底到期的', ['3', '5']],
    // up to a date, itself included
    ['10月底之前（含10月底）到期的目标', ['3', '4', '5', '6']],
    ['到三季度末按时限就该完成的目标是哪几项', ['3', '4', '5']],
    // an unusual deadline: any but the year's end
    ['时限特殊的', ['2', '3', '4', '5', '6', '7']],
    // examples of what is left once the year's end is set aside are no filter of their own
    ['完成时限不是年底的，比如长期的或者几月底的', ['2', '3', '4', '5', '6', '7']],
    ['甲分管的那些里头，那个完成时限不是年底的，比如长期的或者几月底的，是哪几项呢', ['2', '3', '4', '5', '6', '7']],
  ])('reads %s as %o', async (q, ids) => {
    expect(idsOf((await engine()).ask(q))).toEqual(ids);
  });
});
