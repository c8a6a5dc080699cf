import { resolve } from 'node:path';
import { testCore } from '../../helpers/core';
import { idsOf } from '../../../src/qa/answer';
import { renderAnswer } from '../../../src/view/render-answer';
import { ROOT, seed } from '../seed';
import { runUntil } from './context';

describe('numbers pass: spans and lists of 序号', () => {
  it.each([
    ['第60至65项', 60, 65],
    ['60-65号', 60, 65],
    ['60~65', 60, 65],
    ['六十到六十五项', 60, 65],
    ['序号70—72的进展', 70, 72],
    ['第65项到第60项', 60, 65],
    // typed on a phone, one end in digits and the other in words
    ['80到八十二', 80, 82],
  ])('reads %s as a span', async (q, from, to) => {
    expect((await runUntil(q, 'numbers')).query.range).toEqual({ from, to });
  });

  it.each([
    ['第41、57、63项', ['41', '57', '63']],
    ['看下 58 62 70', ['58', '62', '70']],
    ['第45和第78项', ['45', '78']],
    ['第四十一、五十七项', ['41', '57']],
  ])('reads %s as a list, ascending', async (q, items) => {
    expect((await runUntil(q, 'numbers')).query.items).toEqual(items);
  });

  it.each(['1—9月完成情况', '6、7、8三个月', '60-65%的目标', '第一到第三季度', '2022年 5 月'])('does not read numbers of a measure or a date as 序号: %s', async (q) => {
    const s = await runUntil(q, 'numbers');
    expect([s.query.range, s.query.items]).toEqual([undefined, undefined]);
  });

  it('lists a span in 序号 order, narrowed by the rest of the question', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('第40到42项是什么'))).toEqual(['40', '41', '42']);
    // only 57 of 55–60 is lagging
    expect(idsOf(engine.ask('第55至60项滞后的'))).toEqual(['57']);
  });

  it('names the part of a span the table does not have, and answers nothing for a span wholly outside it', async () => {
    const { engine } = await seed();
    const partly = engine.ask('第85到90项');
    expect(idsOf(partly)).toEqual(['85', '86']);
    expect(renderAnswer(partly, { format: 'plain' }).text).toContain('第87–90项不存在，本表为39–86项');
    const outside = engine.ask('第100到110项');
    expect([outside.kind, idsOf(outside)]).toEqual(['none', []]);
    expect(renderAnswer(outside, { format: 'plain' }).text).toContain('第100–110项不存在');
    expect(renderAnswer(engine.ask('第41、100项'), { format: 'plain' }).text).toContain('第100项不存在');
  });

  it('reads a number opening the question before 项目标 as that target (47项目标各责任单位的进展)', async () => {
    const { engine } = await seed();
    const answer = engine.ask('47项目标各责任单位的进展情况');
    expect([answer.kind, idsOf(answer)]).toEqual(['item', ['47']]);
  });
});

describe('numbers pass: a number inside a name the table writes', () => {
  const engineOf = async (table: string) => {
    const core = testCore();
    return core.engineFor(await core.readTable(resolve(ROOT, 'test/qa/sealed-2026-12b', table)));
  };

  it('reads 2号线 and 第二污水 as the topic that writes them, not as 序号 2', async () => {
    // r3-wuhu 33: 轨道交通2号线二期开工建设; r1-daiyang 30: 建成县第二污水处理厂
    const wuhu = await engineOf('r3-wuhu.tsv');
    expect(idsOf(wuhu.ask('2号线二期开工了没'))[0]).toBe('33');
    const daiyang = await engineOf('r1-daiyang.tsv');
    expect(idsOf(daiyang.ask('第二污水处理厂通水了吗'))[0]).toBe('30');
  });

  it('still reads a 序号 where the table writes no name around the number', async () => {
    const wuhu = await engineOf('r3-wuhu.tsv');
    for (const q of ['第2项', '2号', '第二项的进展', '2号目标']) expect([q, wuhu.ask(q).kind, idsOf(wuhu.ask(q))]).toEqual([q, 'item', ['2']]);
  });
});

describe('numbers pass: 序号 joined and set aside', () => {
  it('reads 第N条跟第M条 as both targets, not the N-th of a list', async () => {
    const { engine } = await seed();
    const a = engine.ask('把第四十七条跟第四十八条都调出来给我看一下,我对比一下');
    expect([a.query.items, idsOf(a)]).toEqual([
      ['47', '48'],
      ['47', '48'],
    ]);
  });

  it('sets a 序号 aside with the words describing it (除了第四十一项那个…以外)', async () => {
    const { engine } = await seed();
    const a = engine.ask('那个市场监管局的任务帮我列一下，就是除了第四十一项那个市场主体建设年以外的其他几项。');
    expect(a.query.except?.items).toEqual(['41']);
    expect(idsOf(a)).toEqual(['81', '82', '83', '84', '85', '86']);
    expect(idsOf(engine.ask('除了第57项以外滞后的'))).toEqual(['47']);
  });
});
