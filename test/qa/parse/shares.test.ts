import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';

describe('shares pass: how many units or leaders a target has', () => {
  it.each([
    ['由三个责任单位共同承担的目标', ['66', '72', '84'], { min: 3, max: 3 }],
    ['有没有哪个目标是三个单位一起负责的', ['66', '72', '84'], { min: 3, max: 3 }],
    ['两家以上单位负责的', ['41', '42', '47', '61', '66', '67', '71', '72', '74', '75', '79', '84', '85', '86'], { min: 2 }],
  ])('reads a number of units: %s', async (q, ids, many) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect(answer.query.unitCount).toEqual(many);
    expect(idsOf(answer)).toEqual(ids);
  });

  it('reads a number of leaders, exact or at least', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('涉及两位及以上市政府领导的目标有哪些'))).toEqual(['41', '47']);
    expect(engine.ask('哪些目标是两位领导一起分管的').query.leaderCount).toEqual({ min: 2, max: 2 });
    // the words around a topic still rank it among the targets two leaders share
    expect(idsOf(engine.ask('好像有一个目标是两个副市长一起分管的，市场主体建设年那个'))[0]).toBe('41');
  });

  it('reads a unit alone, and a unit with others', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('只有团市委一家负责的目标'))).toEqual(['43', '44', '45']);
    expect(idsOf(engine.ask('卫健委单独负责的'))).toEqual(['73', '76', '77', '78', '80']);
    expect(idsOf(engine.ask('哪些目标是市卫生健康委和别的单位一起负责的'))).toEqual(['74', '75', '79']);
    expect(idsOf(engine.ask('聂元科和其他领导一起分管的'))).toEqual(['41', '47']);
  });

  it('sets a share aside like any filter, and leaves a list whole when others are included', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('卫健委负责的目标，跟其他单位一起负责的就不要了'))).toEqual(['73', '76', '77', '78', '80']);
    // 连同跟别人一起负责的那个: the unit's whole list, the shared one included
    expect(idsOf(engine.ask('科技局负责的目标都列一下，连同跟别人一起负责的生态工业园区那个'))).toEqual(['52', '53', '54', '55', '56', '72']);
  });

  it('reads 都分管的 after two leaders as the targets both are on', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('聂元科和张鹏都分管的是哪条'))).toEqual(['47']);
    // any verb of having a part between 都 and 的 (挂着, 挂名, 有份): 41 is the one target both 聂元科 and 王昌华 are on
    expect(idsOf(engine.ask('聂副市长和王副市长都挂着名的'))).toEqual(['41']);
    // 一起 before a verb of showing is how to show the answer: each one's targets, not the one they share
    expect(engine.ask('聂元科和王昌华的，一并列给我').query.join).toBeUndefined();
  });
});

describe('shares pass: a number that only counts the names said', () => {
  it.each([
    // 47 is 商务局's, 52–56 and 72 科技局's: each one's targets, not those the two share (none)
    ['麻烦查一下市科技局，还有商务局，这两家单位的所有目标，合在一起列个清单', ['47', '52', '53', '54', '55', '56', '72']],
    // 妇联 is found after the shares pass (a loose two-character name): the number is weighed once every name is in
    ['民政局和妇联，呃，两个单位的目标一起列出来，我要发给他们', ['46', '79']],
  ])('reads %s as a union', async (q, ids) => {
    const { engine } = await seed();
    const a = engine.ask(q);
    expect(a.query.unitCount).toBeUndefined();
    expect(idsOf(a)).toEqual(ids);
  });

  it('keeps the number when the names are said to act together', async () => {
    const { engine } = await seed();
    // 41 is the one target both are on
    const a = engine.ask('王昌华、聂元科两位领导都有分工的目标');
    expect([a.query.join, idsOf(a)]).toEqual(['all', ['41']]);
    expect(engine.ask('由两个单位共同负责的').query.unitCount).toEqual({ min: 2, max: 2 });
  });
});
