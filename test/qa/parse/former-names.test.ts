import { idsOf } from '../../../src/qa/answer';
import { createQuestionParser } from '../../../src/qa/parse-question';
import { seed } from '../seed';
import { runUntil, seedContext } from './context';

describe('former names pass: 原来的安监局, 国税局和地税局合并以后', () => {
  it('runs before the place pass, so 原来的 before a unit is no other city', async () => {
    const names = createQuestionParser(await seedContext()).passes.map((p) => p.name);
    expect(names.indexOf('former names')).toBeLessThan(names.indexOf('place'));
  });

  it('takes 原/原来的 and its level away with the unit name they qualify, and the talk of renaming', async () => {
    const s = await runUntil('原来的工商局、食药监局合并那个单位', 'former names');
    expect(s.text.replace(/\s+/g, ' ').trim()).toBe('工商局 食药监局 那个单位');
  });

  it.each([
    // the old name resolves through data/successions.json; the words around it must not become a topic or a place
    ['麻烦您帮我查一下原市安全生产监督管理局所承担的责任目标', ['39']],
    ['请问原来的国税局和地税局合并以后，在这张表里负责哪些目标？', ['61']],
    ['原来的卫计委那块儿的任务，现在不知道归谁了', ['73', '74', '75', '76', '77', '78', '79', '80']],
    ['就是原来的工商局、食药监局合并那个单位，它的任务都给我列一下', ['41', '81', '82', '83', '84', '85', '86']],
    ['原来的农业局，就是现在叫农业农村局的那个，看一下它参与了哪些目标', ['71']],
  ])('answers %s for the successor', async (q, ids) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q))).toEqual(ids);
  });

  it('leaves 原 that qualifies no unit alone (原料药 is a topic)', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('原料药的目标'))).toEqual(['85']);
  });
});
