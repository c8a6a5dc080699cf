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

/**
 * A question about asking is help in any words: what the bot can be asked (a modal and a verb of asking
 * before a what-word), how to ask by some kind of thing (怎么 … 查 with only a column between), or
 * what to type (输入, 命令) — the last even when it names a filter, since it asks how, not what.
 */
describe('help pass: questions about asking', () => {
  it.each(['你都会查些啥', '我可以问你哪些东西', '这机器人能干嘛呀', '请教一下怎么按责任单位搜', '如何按完成时限查', '要看红灯的要输入什么', '查工信局的命令是什么', '头一回用，能问点什么'])(
    'answers %s with help',
    async (q) => {
      const { engine } = await seed();
      expect(engine.ask(q).kind).toBe('help');
    },
  );

  it('reads 怎么…查 with a value of the table between as that value, not as help', async () => {
    const { engine } = await seed();
    expect(engine.ask('如何按商务局查').query.units).toEqual(['市商务局']);
  });

  it('reads 输入 inside a topic (外防输入) as words, not as a question about typing', async () => {
    const { engine } = await seed();
    expect(engine.ask('外防输入那个目标').kind).not.toBe('help');
  });
});
