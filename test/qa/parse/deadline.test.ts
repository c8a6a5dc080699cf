import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';
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
