import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { idsOf } from '../../../src/qa/answer';
import { createEngine } from '../../../src/qa/engine';
import { parseTable } from '../../../src/table/load-table';
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

/**
 * Help in the words of a newcomer or an elder: the bot can do something for me (能帮我做什么), asking it
 * politely (怎样向您询问), how to say a request (具体怎么说) even with an example after 比如, and which name to
 * use when asking (用新名字还是老名字) even when a unit is named.
 */
describe('help pass: asking in other words', () => {
  it.each([
    '你好，我刚来上班，这个机器人能帮我做什么？',
    '你能帮我查什么',
    '老朽不太会用这个东西，请问应该怎样向您询问才好？',
    '能不能按领导名字或者单位名字查任务啊,具体怎么说才行',
    '能不能按时间查，比如年底要干完的活？要怎么说',
    '我们单位以前叫卫计委，现在改名了，问你的时候要用新名字还是老名字？',
  ])('answers %s with help', async (q) => {
    const { engine } = await seed();
    expect(engine.ask(q).kind).toBe('help');
  });

  it('still reads a value said with 怎么说 as that value', async () => {
    const { engine } = await seed();
    expect(engine.ask('卫健委的目标进展怎么说').kind).not.toBe('help');
  });
});

describe('help pass: a help word inside a unit name', () => {
  it('reads 示范区 as the table’s 城乡一体化示范区管委会, not as 示范 (show me how)', async () => {
    const { normalize, aliases } = await seed();
    const report = await parseTable(readFileSync(resolve(__dirname, '../sealed-2026-12b/r2-xuchang.tsv')), 'r2-xuchang.tsv');
    const engine = createEngine({ report, normalize, aliases });
    expect(idsOf(engine.ask('示范区的任务有哪些'))).toEqual(['6']);
    expect(engine.ask('给我示范一下怎么问').kind).toBe('help');
  });
});
