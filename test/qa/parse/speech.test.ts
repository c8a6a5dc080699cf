import { idsOf } from '../../../src/qa/answer';
import { createSpeechRewrite } from '../../../src/qa/parse/speech';
import { seed } from '../seed';
import { seedContext } from './context';

describe('speech rewrite: what the asker will do with the answer', () => {
  it.each([
    ['列一下我要报纪委', '列一下'],
    ['两个单位的目标一起列出来，我要发给他们', '两个单位的目标一起列出来'],
    ['都调出来给我看一下,我对比一下', '都调出来给我看一下'],
  ])('cuts the last clause of %s', async (q, kept) => {
    const ctx = await seedContext();
    expect(createSpeechRewrite(ctx).rewrite(ctx.normalize(q), { readAs: [], dropped: [] }).trim()).toBe(kept);
  });

  it('answers the question without the unit the list goes to (纪委 is no unit of the table)', async () => {
    const { engine } = await seed();
    const a = engine.ask('滞后的目标里面，呃，王昌华副市长分管的是哪些，列一下我要报纪委');
    expect([a.query.unresolved, idsOf(a)]).toEqual([undefined, ['57']]);
  });
});
