import { createEngine } from '../../src/qa/engine';
import { countyReport } from './county-table';
import { seed } from './seed';

/** Issue 22, classes 1, 2 and 5 on the shipped table and on a county's: help, statistics and trouble in other words. */
describe('help in any words', () => {
  it.each([
    '你好，我刚来，这个机器人怎么用啊',
    '我应该怎么问你问题？给我举几个例子',
    '红色和绿色分别代表什么意思',
    '“是否按计划完成进度”这一栏是什么意思',
    '完成时限那一列怎么理解',
    '可以按领导查吗？怎么查',
  ])('%s', async (q) => {
    expect((await seed()).engine.ask(q).kind).toBe('help');
  });

  it('is no help when the rest of the question names something of the table', async () => {
    const { engine } = await seed();
    expect(engine.ask('怎么查卫健委的目标').kind).toBe('list');
    expect(engine.ask('怎么查希望小屋').hits[0]?.target.id).toBe('44');
    expect(engine.ask('一港四园是什么意思').hits[0]?.target.id).toBe('84');
  });

  it('finds help on a county table by its own words', async () => {
    const { normalize, aliases } = await seed();
    const engine = createEngine({ report: await countyReport(), normalize, aliases });
    expect(engine.ask('进度评价这一列是什么意思').kind).toBe('help');
    expect(engine.ask('怎么查幼儿园').hits[0]?.target.id).toBe('1');
  });
});

describe('words for trouble', () => {
  it.each(['现在是哪几个单位拖了后腿', '哪些目标没跟上进度', '进度跟不上的', '需要督办的有哪些'])('%s', async (q) => {
    expect(
      (await seed()).engine
        .ask(q)
        .hits.map((h) => h.target.id)
        .sort(),
    ).toEqual(['47', '57']);
  });
});

describe('statistics in any words', () => {
  it.each(['各位市政府领导分别分管多少条目标', '哪个责任单位承担的目标最多？排个名', '哪个领导分管的目标最多啊，给我排一下，按数量从多到少说一下就行', '滞后任务占比多少'])('%s', async (q) => {
    expect((await seed()).engine.ask(q).kind).toBe('stats');
  });
});

describe('corrections in a long sentence', () => {
  it('replaces the named part wherever the sentence said it', async () => {
    const { engine } = await seed();
    const ids = (q: string): string[] =>
      engine
        .ask(q)
        .hits.map((h) => h.target.id)
        .sort();
    expect(ids('不是卫健委，应该是市场监管局的')).toEqual(['41', '81', '82', '83', '84', '85', '86']);
    expect(ids('呃我想问一下卫健委的目标，哦不对不对我刚才说错了，不是卫健委，应该是市场监管局的')).toEqual(['41', '81', '82', '83', '84', '85', '86']);
  });
});
