import { idsOf } from '../../../src/qa/answer';
import type { Heard, TextRewrite } from '../../../src/qa/parse/rewrite';
import { createQuestionParser } from '../../../src/qa/parse-question';
import { seed } from '../seed';
import { seedContext } from './context';

const range = (a: number, b: number): string[] => Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
const SCIENCE = ['52', '53', '54', '55', '56', '72'];

/** One rewrite of the seed parser on a normalised question, with what it recorded. */
const rewriteWith = async (name: string, question: string): Promise<{ text: string; heard: Heard }> => {
  const ctx = await seedContext();
  const rewrite = createQuestionParser(ctx).rewrites.find((r) => r.name === name) as TextRewrite;
  const heard: Heard = { readAs: [], dropped: [] };
  return { text: rewrite.rewrite(ctx.normalize(question), heard).replace(/\s+/g, ' ').trim(), heard };
};

const ask = async (question: string): Promise<{ kind: string; ids: string[] }> => {
  const answer = (await seed()).engine.ask(question);
  return { kind: answer.kind, ids: idsOf(answer) };
};

describe('dictated questions: rewrites before the passes', () => {
  it('joins characters typed apart first, then speech, and numbers last, before every pass', async () => {
    const parser = createQuestionParser(await seedContext());
    expect(parser.rewrites.map((r) => r.name)).toEqual(['pinyin', 'spaced characters', 'lookalikes', 'take back', 'speech', 'speaker', 'corrections', 'spoken numbers']);
  });

  describe('speech', () => {
    it('cuts greetings, reasons, thanks and 念一下 around the question', async () => {
      const { text } = await rewriteWith('speech', '你好，我要给领导写个材料，麻烦帮我查一下希望小屋建了多少个了，谢谢');
      expect(text).not.toMatch(/你好|领导|材料|谢谢/);
      expect(text).toContain('希望小屋');
    });

    it('cuts a one-character interjection only at the edge of a clause, never inside a word', async () => {
      expect((await rewriteWith('speech', '嗯，婴幼儿喂养的目标')).text).toBe(',婴幼儿喂养的目标');
    });
  });

  describe('speaker', () => {
    it('reads 我们局 after 我是市科技局的 as that unit, and says so', async () => {
      const { text, heard } = await rewriteWith('speaker', '我是市科技局的我们局三季度有哪些目标');
      expect(text).toBe('市科技局 三季度有哪些目标');
      expect(heard.readAs).toEqual([{ written: '我们局', as: '市科技局' }]);
    });

    it('reads 领导 after 我是王昌华副市长的秘书 as that leader', async () => {
      const { text } = await rewriteWith('speaker', '我是王昌华副市长的秘书，领导分管的有没有滞后的');
      expect(text).toBe(', 王昌华 分管的有没有滞后的');
    });

    it('treats an introduction without 我们 as context: the question is about the unit it names', async () => {
      expect((await rewriteWith('speaker', '我是卫健委的，我想问一下团市委的目标')).text).toBe(',我想问一下团市委的目标');
    });
  });

  describe('corrections', () => {
    it.each([
      ['我说的不是五十号是五十一号', '五十一号', '五十号'],
      ['不是聂元科，是王昌华分管的滞后项目', '王昌华分管的滞后项目', '聂元科'],
      ['不要工信局的，要科技局的目标', '科技局的目标', '工信局'],
      ['卫健委不用看了看一下团市委', '团市委', '卫健委'],
      ['团市委的先不看了,看看妇联的', '妇联的', '团市委'],
    ])('%s → about the second name', async (question, kept, dropped) => {
      const { text, heard } = await rewriteWith('corrections', question);
      expect(text).toBe(kept);
      expect(heard.dropped).toEqual([dropped]);
    });

    it('reads a negated status with nothing after it as the opposite status', async () => {
      expect((await rewriteWith('corrections', '科技局的目标里不要滞后的')).text).toBe('科技局的目标里 按计划');
      expect((await rewriteWith('corrections', '工信局除了按计划推进的')).text).toBe('工信局 滞后');
      expect((await rewriteWith('corrections', '工信局的目标滞后的不要')).text).toBe('工信局的目标 按计划');
      // the 不要 after a status belongs to it, not to what follows
      expect((await rewriteWith('corrections', '按计划推进的不要,我要看滞后的')).text).toBe('滞后 ,我要看滞后的');
    });

    it('leaves 是不是 alone: it asks a question', async () => {
      expect((await rewriteWith('corrections', '工信局是不是有滞后的目标')).text).toBe('工信局是不是有滞后的目标');
    });
  });

  describe('spoken numbers', () => {
    it.each([
      ['七十六号那条是谁负责的', '76号那条是谁负责的'],
      ['序号是六十三的是什么', '序号是63号的是什么'],
      ['编号五十九的那个目标', '编号59号的那个目标'],
      ['从六十一号到六十四号', '从61号到64号'],
      ['六十一到六十四项之间的', '61号到64项之间的'],
      ['四十一、四十二还有四十三号', '41号、42号还有43号'],
      ['二零二一年的滞后项目有哪些', '2021年的滞后项目有哪些'],
      ['七十六那条是谁负责的', '76号那条是谁负责的'],
      ['五十一', '51号'],
    ])('%s → %s', async (question, expected) => {
      expect((await rewriteWith('spoken numbers', question)).text).toBe(expected);
    });

    it('leaves counts, quarters and names with numbers alone', async () => {
      for (const q of ['三个一百培育计划', '第三季度的目标', '八大重点工程', '三孩生育政策', '看一下卫健委']) {
        expect((await rewriteWith('spoken numbers', q)).text).toBe(q);
      }
    });
  });
});

describe('dictated questions: answers', () => {
  it.each([
    ['七十六号那条是谁负责的呀我想知道一下', ['76']],
    ['你好，我想问一下编号五十九的那个目标现在怎么样了', ['59']],
    ['麻烦帮我看看序号是六十三的是什么，谢谢', ['63']],
    ['刚才说错了，我说的不是五十号是五十一号', ['51']],
    ['不是五十号，是五十一，麻烦你再看一下', ['51']],
  ])('reads a 序号 said in words: %s', async (question, ids) => {
    expect(await ask(question)).toEqual({ kind: 'item', ids });
  });

  it.each([
    ['不是聂元科，是王昌华分管的滞后项目有哪些', ['57']],
    ['卫健委不用看了，看一下团市委的目标吧谢谢', ['43', '44', '45']],
    ['哦不对，不是团市委啊，是妇联的目标有哪些', ['46']],
    ['我想看看科技局的目标，不要滞后的，谢谢了', SCIENCE],
    ['你好我是市科技局的，我们局三季度有哪些目标', SCIENCE],
    ['我是工信局办公室的，想问一下我们单位有哪些滞后的', ['57']],
    ['我是王昌华副市长的秘书，领导分管的有没有滞后的', ['57']],
    ['我是卫健委的，我想问一下团市委的目标都有哪些', ['43', '44', '45']],
    ['麻烦你帮我查一下科技局和商务局共同负责的是哪个目标', ['72']],
    ['卫健委和城投一起负责的目标是哪个，帮我念一下', ['74']],
    ['科技局和商务局各自的目标都有哪些，帮我列一下', ['47', ...SCIENCE]],
    ['团市委还有妇联的目标帮我查一下谢谢你啊', range(43, 46)],
  ])('answers about what was meant: %s', async (question, ids) => {
    const got = await ask(question);
    expect(got.kind).toBe('list');
    expect([...got.ids].sort()).toEqual([...ids].sort());
  });

  it('reads a spoken request for help that asks twice', async () => {
    expect((await ask('你好，请问这个机器人能干什么，我该怎么问')).kind).toBe('help');
    expect((await ask('你好我第一次用不太会用你能给我说说都能问什么吗')).kind).toBe('help');
  });

  it('reads statistics asked at the end of a long sentence', async () => {
    expect((await ask('你好我是新来的不太清楚情况，能不能帮我统计一下各单位的完成率')).kind).toBe('stats');
    expect((await ask('我们要开个会需要个数据，你帮我统计一下各个领导分管的滞后情况吧')).kind).toBe('stats');
  });

  it('answers 共同负责 with the targets both units are on, and says so', async () => {
    const answer = (await seed()).engine.ask('科技局和商务局共同负责的是哪个目标');
    expect(answer.query.join).toBe('all');
    expect(answer.query.units).toEqual(expect.arrayContaining(['市科技局', '市商务局']));
  });

  it.each([
    '你好，帮我查一下教育局的目标有哪些，谢谢',
    '你好我是发改委的，我们委有哪些目标啊',
    '李建国副市长分管的目标有哪些，帮我念一下',
    '你好，帮我订一张明天去济南的火车票谢谢',
    '今天天气怎么样啊，给我念一下吧谢谢你',
    '帮我查一下城市地铁三号线的建设进度好吗',
    '帮我查一下刘副市长分管的滞后项目有哪些',
    '我是公安局的，我们局有哪些目标，谢谢',
  ])('still finds nothing for what the table does not have: %s', async (question) => {
    expect((await ask(question)).ids).toEqual([]);
  });
});
