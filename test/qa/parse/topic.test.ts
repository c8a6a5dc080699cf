import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';

describe('topic pass: question tails and fillers around a topic', () => {
  it.each([
    ['希望小屋现在建了多少个了', '44'],
    ['睿鹰制药那个平台弄得咋样', '86'],
    ['小荷学堂办了多少个了', '45'],
    ['化工园区改造弄得咋样了', '68'],
    ['请问 一网通办 进展？？？', '40'],
    ['那个希望小屋😀😀', '44'],
    ['东明石化项目有进展没', '67'],
  ])('finds the topic in %s', async (q, id) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q))[0]).toBe(id);
  });

  it.each(['帮我订个外卖', '明天会下雨吗', '给我讲个笑话', '地铁建设进展'])('still finds nothing for %s', async (q) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q))).toEqual([]);
  });
});
