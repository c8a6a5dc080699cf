import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';

describe('spaced characters rewrite', () => {
  it.each([
    ['科 技 局', ['52', '53', '54', '55', '56', '72']],
    ['王 昌 华 滞后的', ['57']],
  ])('joins characters typed apart: %s', async (q, ids) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q))).toEqual(ids);
  });

  it('keeps the space between whole words', async () => {
    const { engine } = await seed();
    const parser = engine.understand('看 科技局 滞后');
    expect([parser.units, parser.status]).toEqual([['市科技局'], 'lagging']);
  });
});
