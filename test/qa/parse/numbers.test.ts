import { idsOf } from '../../../src/qa/answer';
import { renderAnswer } from '../../../src/view/render-answer';
import { seed } from '../seed';
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
