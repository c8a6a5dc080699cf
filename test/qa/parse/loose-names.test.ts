import { idsOf } from '../../../src/qa/answer';
import { createEngine } from '../../../src/qa/engine';
import { renderAnswer } from '../../../src/view/render-answer';
import { report, seed, target } from '../seed';

describe('loose names pass: same sound, short forms from the table', () => {
  it.each([
    ['王常华负责的目标', '王昌华'],
    ['汪昌华', '王昌华'],
    ['聂远科的工作', '聂元科'],
    ['张朋负责的', '张鹏'],
  ])('reads the same-sound leader %s as %s and says so', async (q, leader) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect(answer.query.leader).toBe(leader);
    expect(renderAnswer(answer, { format: 'plain' }).text.split('\n')[0]).toMatch(new RegExp(`按“${leader}”理解$`));
  });

  it.each([
    ['生太环境局有哪些任务', '市生态环境局'],
    ['审批服物局', '市行政审批服务局'],
    ['市场尖管局', '市市场监管局'],
  ])('reads the same-sound unit %s as %s', async (q, unit) => {
    const { engine } = await seed();
    const query = engine.understand(q);
    expect(query.units).toEqual([unit]);
    expect(query.readAs?.[0]?.as).toBe(unit);
  });

  it.each([
    ['王昌明负责的', 'another given name is another person'],
    ['聂远负责的', 'two of three syllables is not the name'],
    ['张明负责的', 'one syllable off'],
  ])('does not match the near miss %s (%s)', async (q) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.query.leader, idsOf(answer)]).toEqual([undefined, []]);
  });

  it('derives short forms from the table itself: a distinctive head or end of a name', async () => {
    const { engine } = await seed();
    expect(engine.understand('城投的任务').units).toEqual(['城投控股']);
    expect(engine.understand('新区的目标有哪些').units).toEqual(['鲁西新区管委会']);
    expect(engine.understand('医药港负责的').units).toEqual(['市现代医药港']);
    // another city's table gets the same help, and a short form two bodies share names both
    const other = createEngine({
      report: report([target('1', '园区扩容', '李华', ['东城新区管委会']), target('2', '城市更新', '李华', ['城发投资集团']), target('3', '港区建设', '李华', ['西湖新区管委会'])]),
      normalize: (await seed()).normalize,
      aliases: (await seed()).aliases,
    });
    expect(idsOf(other.ask('城发的目标'))).toEqual(['2']);
    expect(other.understand('新区的任务').units?.sort()).toEqual(['东城新区管委会', '西湖新区管委会'].sort());
  });

  it('does not cut a unit out of a word ending in 中 (卫生中心 holds no 卫生局)', async () => {
    const { engine } = await seed();
    expect(engine.understand('城投控股负责的项目，好像是个什么卫生中心的').units).toEqual(['城投控股']);
  });
});
