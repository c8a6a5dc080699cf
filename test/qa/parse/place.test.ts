import { idsOf } from '../../../src/qa/answer';
import { renderAnswer } from '../../../src/view/render-answer';
import { seed } from '../seed';

describe('place pass: another city, year or quarter', () => {
  it.each([
    ['济宁市科技局的目标', '济宁市'],
    ['我想问一下北京市卫健委的目标', '北京市'],
    ['山东省科技厅的任务', '山东省'],
    ['济南卫健委滞后的', '济南'],
    ['2021年的滞后项目', '2021年'],
    ['去年工信局的目标', '2021年'],
    ['第一季度的完成情况', '第一季度'],
    // not in the places list: two characters, 的, a unit
    ['临汾的科技局', '临汾'],
    ['我想看看保山的工信局滞后的', '保山'],
  ])('answers nothing for %s and names what the table covers', async (q, outside) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.kind, idsOf(answer), answer.query.outside]).toEqual(['none', [], outside]);
    expect(renderAnswer(answer, { format: 'plain' }).text).toContain(`本表是菏泽市2022年第三季度的数据，没有“${outside}”的目标`);
  });

  it.each([
    ['菏泽市科技局的目标', 6],
    ['看看市科技局', 6],
    ['请问一下市科技局都有哪些目标', 6],
    ['卫健委跟市场监管局的目标', 15],
    ['全市科技局', 6],
    ['菏泽的科技局', 6],
    ['那边的科技局', 6],
    ['王昌华的科技局', 6],
    // 东明 is in this table's 东明县人民政府: the 工信局's 13 targets, 67 among them
    ['东明的工信局', 13],
    // 副市长 is a title: the two characters before 市 are a surname and 副, no city
    ['王副市长分管的科技局', 6],
  ])('keeps the report city, 市 of a unit name and words before it: %s', async (q, count) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.query.outside, answer.hits.length]).toEqual([undefined, count]);
  });

  it('still reads a deadline in another year as a deadline', async () => {
    const { engine } = await seed();
    expect(engine.understand('2023年6月底').outside).toBeUndefined();
    expect(idsOf(engine.ask('2023年6月底到期的'))).toEqual(['76']);
  });
});

describe('place pass: this quarter', () => {
  it.each(['这一季度团市委的进展', '本季度团市委的目标'])('reads %s as the report’s own quarter, not the first', async (q) => {
    const { engine } = await seed();
    const a = engine.ask(q);
    expect([a.query.outside, a.hits.map((h) => h.target.id)]).toEqual([undefined, ['43', '44', '45']]);
  });

  it('answers a total of this quarter with the figures', async () => {
    const { engine } = await seed();
    expect(engine.ask('给个总数，这一季度一共多少条').kind).toBe('stats');
  });
});

describe('place pass: any real place as the subject', () => {
  it.each([
    ['巨野县有哪些目标任务', '巨野县'],
    ['巨野', '巨野县'],
    ['成武县承担的责任目标', '成武县'],
    ['巨野县，就是巨野县政府，承担了哪些市里的目标', '巨野县'],
  ])('reads a county of this city that the table does not name as a unit it lacks: %s', async (q, unit) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.kind, idsOf(answer), answer.query.unresolved]).toEqual(['none', [], unit]);
    expect(renderAnswer(answer, { format: 'plain' }).text).toContain(`本期表中没有“${unit}”的目标`);
  });

  it.each([
    ['您好，我想问问济宁市政府今年的责任目标里有哪些是关于招商引资的', '济宁市'],
    ['济宁市的目标 滞后的', '济宁市'],
    ['聊城的目标滞后情况', '聊城'],
    ['洛川县承担了哪些', '洛川县'],
  ])('reads a place elsewhere as another table’s: %s', async (q, outside) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.kind, idsOf(answer), answer.query.outside]).toEqual(['none', [], outside]);
  });

  it.each([
    ['菏泽今年的目标', undefined],
    ['山东的目标', undefined],
    // a county the table names as a unit, by any name
    ['曹县的目标', ['66']],
    ['定陶县政府负责的目标', ['85']],
    // a place inside a longer word is no place (合到市场监管局: 市 begins the unit's name)
    ['工商局，呃现在是合到市场监管局了，他们的全部任务', ['41', '81', '82', '83', '84', '85', '86']],
  ])('keeps this city, the places around it and its units: %s', async (q, ids) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.query.outside, answer.query.unresolved]).toEqual([undefined, undefined]);
    if (ids) expect(idsOf(answer).sort((a, b) => Number(a) - Number(b))).toEqual(ids);
  });
});

describe('report words: the table’s own level', () => {
  it.each([
    ['曹县人民政府承担的市级责任目标', ['66']],
    ['麻烦查一下东明县政府涉及的市级目标', ['67']],
  ])('reads 市级 in a city’s table as true of every target, not a topic: %s', async (q, ids) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q))).toEqual(ids);
  });
});
