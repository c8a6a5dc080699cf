import { seed } from '../seed';

describe('help pass', () => {
  it.each(['能问些什么', '教我怎么用', '怎么提问比较好', '有哪些功能', '都能查什么', '能干啥', '/help'])('answers %s with help', async (q) => {
    const { engine } = await seed();
    expect(engine.ask(q).kind).toBe('help');
  });

  it('reads the rest of a question that only starts like a help question', async () => {
    const { engine } = await seed();
    expect(engine.ask('怎么查卫健委的目标').query.units).toEqual(['市卫生健康委']);
  });
});
