import { idsOf } from '../../../src/qa/answer';
import { runUntil } from './context';
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

describe('topic pass: what a chatty sentence says around its topic', () => {
  it.each([
    ['疫情防控那一块儿的目标现在什么情况', '疫情防控'],
    ['医药产业这方面的', '医药产业'],
  ])('splits the topic from words pointing at it: %s', async (q, topic) => {
    const s = await runUntil(q, 'topic');
    // 那一块儿 / 这方面 point at the topic; glued to it they would make a word no target has
    expect(s.phrases).toContain(topic);
    expect(s.groups.flat().some((w) => /[那这]/u.test(w))).toBe(false);
  });

  it('gives a number said in words its digits, as the table writes numbers', async () => {
    const s = await runUntil('引进高端人才说是要三百名', 'topic');
    expect(s.groups).toContainEqual(['三百', '300']);
  });

  it('does not narrow a named unit by the examples of its list', async () => {
    // 什么的 / 连同 give examples of what the unit has; the question asks for all of it
    expect((await runUntil('团市委负责的那几项，希望小屋啊小荷学堂啊什么的', 'topic')).groups).toEqual([]);
    expect((await runUntil('科技局的目标都列一下，连同跟别人一起负责的园区那个', 'topic')).groups).toEqual([]);
    // without a unit or leader the examples are the topics asked for
    expect((await runUntil('希望小屋啊小荷学堂啊什么的', 'topic')).groups.length).toBeGreaterThan(0);
  });
});
