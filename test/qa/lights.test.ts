import { idsOf } from '../../src/qa/answer';
import { seed } from './seed';

/*
 * Traffic lights on the seed (see test/progress/light.test.ts for why each light):
 * 47 and 57 say 否 (red); 84 (生物医药产业规模 414.1 of 700亿元 at 75% of the year) is the
 * only yellow; the other 45 are green.
 */
describe('engine: traffic-light questions', () => {
  it('answers 黄灯 with the yellow targets only', async () => {
    const { engine } = await seed();
    for (const q of ['黄灯', '黄灯项目', '亮黄灯的目标', '哪些是黄灯', '黃燈']) {
      const a = engine.ask(q);
      expect([q, a.kind, a.query.light, idsOf(a)]).toEqual([q, 'list', 'yellow', ['84']]);
    }
  });

  it('answers 红灯 with the lagging targets and 绿灯 with the rest, without the yellow one', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('红灯'))).toEqual(['47', '57']);
    expect(idsOf(engine.ask('红灯'))).toEqual(idsOf(engine.ask('滞后')));
    const green = idsOf(engine.ask('绿灯'));
    expect(green).toHaveLength(45);
    expect(green).not.toEqual(expect.arrayContaining(['47', '57', '84']));
    // 按计划 still means the table's 是, yellow included: the lights do not change old answers
    expect(idsOf(engine.ask('按计划推进的'))).toHaveLength(46);
  });

  it('answers 有风险的项目 with red and yellow, ascending', async () => {
    const { engine } = await seed();
    for (const q of ['有风险的项目', '存在风险的目标', '哪些项目有风险', '亮灯的']) {
      const a = engine.ask(q);
      expect([q, a.kind, a.query.risk, idsOf(a)]).toEqual([q, 'list', true, ['47', '57', '84']]);
    }
  });

  it('combines a light with a unit or a leader', async () => {
    const { engine } = await seed();
    const a = engine.ask('工信局的黄灯项目');
    expect(a.query).toMatchObject({ kind: 'list', units: ['市工业和信息化局'], light: 'yellow' });
    expect(idsOf(a)).toEqual(['84']);
    expect(idsOf(engine.ask('工信局有风险的项目'))).toEqual(['57', '84']);
    expect(idsOf(engine.ask('王昌华分管的黄灯'))).toEqual(['84']);
    expect(idsOf(engine.ask('市场监管局红灯'))).toEqual([]);
    // an empty combination is still a list (good news), not 'nothing found'
    expect(engine.ask('科技局的黄灯项目').kind).toBe('list');
  });

  it('keeps topic search over words that contain light or risk words', async () => {
    const { engine } = await seed();
    // 39: 加快提升风险监测预警能力: bare 风险 and 预警 are topic words, not light words
    const a = engine.ask('风险监测预警');
    expect(a.kind).toBe('search');
    expect(idsOf(a)[0]).toBe('39');
  });

  it('gives every hit its assessment, and the overview its light counts', async () => {
    const { engine } = await seed();
    const hits = engine.ask('工信局').hits;
    expect(hits.every((h) => h.assessment !== undefined)).toBe(true);
    expect(hits.find((h) => h.target.id === '58')?.assessment?.measure).toMatchObject({ goal: 2000, achieved: 1658 });
    expect(engine.ask('5G基站').hits[0]?.assessment?.light).toBe('green');
    expect(engine.ask('统计').stats?.lights).toEqual({ red: 2, yellow: 1, green: 45 });
    expect(engine.ask('工信局完成率').stats?.lights).toEqual({ red: 1, yellow: 1, green: 11 });
    expect(engine.assessed.counts).toEqual({ red: 2, yellow: 1, green: 45 });
  });
});
