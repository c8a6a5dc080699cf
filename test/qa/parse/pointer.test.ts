import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';
import { runUntil } from './context';

describe('pointer pass: where a message points into the last list', () => {
  it.each([
    ['65那条', '65'],
    ['57号这个', '57'],
  ])('reads a number before 那条 / 这个 as the 序号 on the list: %s', async (q, id) => {
    expect((await runUntil(q, 'pointer')).pointer?.pick).toEqual({ id });
  });

  it.each(['PM2.5那条是不是没达标', '新区经济总量增长15%那项完成得怎么样', 'vocs2那条'])('does not read a number inside a token or before a measure as a 序号: %s', async (q) => {
    const s = await runUntil(q, 'pointer');
    // the number is part of what the target is about (pm2.5, 15%), so the question is not an item lookup
    expect(s.pointer && 'id' in s.pointer.pick).toBeFalsy();
    expect(s.query.kind).not.toBe('item');
  });
});

describe('pointer pass without a list to point into', () => {
  it("reads the first or last few as the table's, in 序号 order", async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('前五条目标'))).toEqual(['39', '40', '41', '42', '43']);
    expect(idsOf(engine.ask('最后三条目标'))).toEqual(['84', '85', '86']);
    expect(idsOf(engine.ask('最后一条'))).toEqual(['86']);
  });

  it('takes the first or last few of what the other filters keep', async () => {
    const { engine } = await seed();
    // 王昌华's targets start at 41, then 52
    expect(idsOf(engine.ask('王昌华分管的前两条'))).toEqual(['41', '52']);
    expect(idsOf(engine.ask('团市委最后两项'))).toEqual(['44', '45']);
  });

  it('leaves a span written with 条 at both ends to the numbers pass (第60条到第65条 is no pointer to the 60th)', async () => {
    const { engine } = await seed();
    const answer = engine.ask('第60条到第65条里有没有滞后的');
    expect(answer.query.range).toEqual({ from: 60, to: 65 });
    expect(idsOf(answer)).toEqual([]);
    expect(idsOf(engine.ask('第55条到57条里滞后的'))).toEqual(['57']);
  });
});
