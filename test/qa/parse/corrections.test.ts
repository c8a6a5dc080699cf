import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';

/**
 * 不是A是B corrects A; but 既不是A也不是B denies both, 不是A，B也不要 sets both aside, and 不是A，就是B restates
 * (就是: that is): none of those is a correction, so nothing may be dropped as one.
 */
describe('corrections rewrite: 不是A是B and what only looks like it', () => {
  it('sets both aside in 既不是A也不是B', async () => {
    const { engine } = await seed();
    const a = engine.ask('王昌华分管的目标里面，既不是工信局也不是卫健委负责的，帮我列一下');
    expect(a.query.dropped).toBeUndefined();
    expect(a.query.except?.units).toEqual(['市工业和信息化局', '市卫生健康委']);
    // 王昌华's targets without 工信局's (57–68, 84) and 卫健委's (73–80)
    expect(idsOf(a)).toEqual(['41', '52', '53', '54', '55', '56', '69', '70', '71', '72', '81', '82', '83', '85', '86']);
  });

  it('sets aside a deadline and then another refused after it (不是年底的那些，长期坚持的也不要)', async () => {
    const { engine } = await seed();
    const a = engine.ask('就是说呃完成时限不是年底的那些，长期坚持的也不要，给我列一下吧');
    expect(a.query.dropped).toBeUndefined();
    // 45 (8月底), 74 (9月底) and 76 (2023年6月底) are due neither at the year's end nor 长期
    expect(idsOf(a)).toEqual(['45', '74', '76']);
  });

  it('reads 不是A，就是B as A set aside and B restating it', async () => {
    const { engine } = await seed();
    const a = engine.ask('王昌华副市长手上那些不是年底到期的,就是时限特殊的,帮我看看');
    expect(a.query.dropped).toBeUndefined();
    expect(idsOf(a)).toEqual(['74', '76']);
  });

  it('still corrects 不是A，是B', async () => {
    const { engine } = await seed();
    const a = engine.ask('不是聂元科，是王昌华的');
    expect([a.query.leader, a.query.dropped]).toEqual(['王昌华', ['聂元科']]);
  });
});
