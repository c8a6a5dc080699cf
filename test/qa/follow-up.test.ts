import { idsOf, type Answer } from '../../src/qa/answer';
import type { Conversation, Engine } from '../../src/qa/engine';
import { cuesOf } from '../../src/qa/follow-up';
import { renderAnswer } from '../../src/view';
import { WORDS } from '../../src/wording/answers';
import { createEngine } from '../../src/qa/engine';
import { report, seed, target } from './seed';

/**
 * Follow-ups over the shipped table: each message is answered with what the
 * conversation said before, as engine.converse gives it, and compared with
 * the same request asked in one complete message.
 */
let engine: Engine;
beforeAll(async () => {
  engine = (await seed()).engine;
});

/** the messages in order, each read with the conversation the previous one left; the last answer */
const talk = (...messages: string[]): { answer: Answer; conversation: Conversation } => {
  let conversation: Conversation = {};
  let last: { answer: Answer; conversation: Conversation } | undefined;
  for (const m of messages) {
    last = engine.converse(m, conversation);
    conversation = last.conversation;
  }
  return last as { answer: Answer; conversation: Conversation };
};
const ids = (...messages: string[]): string[] => idsOf(talk(...messages).answer);
const firstLine = (answer: Answer): string => renderAnswer(answer, { format: 'plain' }).text.split('\n')[0] as string;

describe('narrowing the last question', () => {
  it('adds a status, a deadline, a leader or a topic to the last list', () => {
    // 卫健委 has no lagging target: the answer is about 卫健委, not the whole table's 47 and 57
    expect(ids('卫健委的目标', '有没有滞后的')).toEqual([]);
    expect(ids('王昌华负责的', '光看没按计划的')).toEqual(['57']);
    expect(ids('王昌华负责的', '光看没按计划的', '里面哪些年底前要完成')).toEqual(['57']);
    expect(ids('市生态环境局负责哪些目标', '哪些和污染有关').sort()).toEqual(['69', '71']);
    expect(ids('市场监管局的目标', '哪些归聂元科管')).toEqual(idsOf(engine.ask('市场监管局聂元科分管的')));
    expect(ids('聂元科副市长分管哪些工作', '人才方面的呢')).toEqual(idsOf(engine.ask('聂元科分管的人才方面的目标')));
  });

  it('says what it carried on its first line', () => {
    const { answer } = talk('卫健委的目标', '有没有滞后的');
    expect(firstLine(answer)).toBe(WORDS.followUp(['市卫生健康委', WORDS.lagging]));
  });

  it('counts the last list when only a count is asked', () => {
    const { answer } = talk('工信局的目标', '滞后的有几项');
    expect(answer.query.count).toBe(true);
    expect(idsOf(answer)).toEqual(['57']);
  });
});

describe('swapping one part, keeping the rest', () => {
  it('replaces the subject and keeps the filters', () => {
    expect(ids('团市委年底到期的', '那卫健委呢')).toEqual(idsOf(engine.ask('卫健委年底到期的')));
    expect(ids('市委组织部有滞后的目标吗', '鲁西新区那边呢')).toEqual(['47']);
    expect(ids('市生态环境局跟化工有关的目标', '那工业和信息化局呢').sort()).toEqual(['60', '66', '68']);
    // a leader for a unit: the subject is replaced whatever its kind
    expect(ids('团市委年底到期的', '张鹏分管的呢')).toEqual(idsOf(engine.ask('张鹏分管的年底到期的')));
    expect(ids('聂元科分管的', '改成生态环境局')).toEqual(['69', '70', '71', '72']);
  });

  it('replaces a filter of the same kind and keeps the subject', () => {
    expect(ids('工信局的', '2023年到期的呢')).toEqual(idsOf(engine.ask('工信局2023年到期的')));
    expect(ids('卫健委9月底到期的', '年底的呢')).toEqual(idsOf(engine.ask('卫健委年底到期的')));
  });
});

describe('pointing into the last list', () => {
  it('counts ordinals in the order shown, from either end, across pages', () => {
    const list = idsOf(engine.ask('王昌华负责的'));
    expect(list.length).toBeGreaterThan(20);
    expect(ids('卫健委的目标', '第三条是谁牵头的')).toEqual(['75']);
    expect(ids('王昌华负责的', '第十五个')).toEqual([list[14]]);
    expect(ids('王昌华负责的', '倒数第一个')).toEqual([list[list.length - 1]]);
    expect(ids('王昌华负责的', '上面最后一个')).toEqual([list[list.length - 1]]);
    expect(ids('卫健委的目标', '前两个')).toEqual(['73', '74']);
    expect(ids('卫健委的目标', '后三条')).toEqual(['78', '79', '80']);
    // a search list is shown best first: the ordinal follows that order, not 序号
    const search = idsOf(engine.ask('5G'));
    expect(ids('5G', '第二个')).toEqual([search[1]]);
  });

  it('reads 第N项 along the list only when the table has no 序号 N', () => {
    expect(ids('行政审批服务局负责的目标', '第一项')).toEqual(['40']);
    expect(ids('卫健委的目标', '第57项')).toEqual(['57']);
    expect(ids('卫健委的目标', '65那条')).toEqual(['65']);
  });

  it('answers 这些 with the list itself and keeps the list for the next ordinal', () => {
    const these = talk('卫健委的目标', '这些都是谁牵头');
    expect(idsOf(these.answer)).toEqual(idsOf(engine.ask('卫健委的目标')));
    expect(ids('卫健委的目标', '第一个', '第二个')).toEqual(['74']);
  });

  it('falls back to what the message says alone when there is no list', () => {
    expect(talk('第三个').answer.kind).toBe('item');
    expect(talk('卫健委的目标', '第九个').answer.idRange).toBeDefined(); // past the list's end: 序号 9, which the table lacks
  });
});

describe('corrections', () => {
  it('replaces the part the correction names and keeps the rest', () => {
    expect(ids('生态环境局滞后的目标', '不对，我要看按计划完成的')).toEqual(['69', '70', '71', '72']);
    expect(ids('市妇联8月底到期的目标', '搞错了，是年底到期的')).toEqual(['46']);
    expect(talk('应急局哪些目标是年底截止的', '不对，我问的是城投控股').answer.query).toMatchObject({ units: ['城投控股'], deadline: { label: '年底' } });
    expect(ids('商务局的目标', '不是，我问的是财金集团')).toEqual(idsOf(engine.ask('财金集团的目标')));
    expect(ids('聂元科分管的滞后的', '搞错了，是王昌华')).toEqual(['57']);
  });

  it('takes a filter away when told not to look only at it', () => {
    expect(ids('卫健委滞后的', '不要只看滞后的，全部列出来')).toEqual(idsOf(engine.ask('卫健委的目标')));
    expect(cuesOf('不要只看滞后的,全部列出来')).toMatchObject({ notOnly: '滞后的', narrow: false });
  });
});

describe('the speaker', () => {
  it('acknowledges a self-introduction alone with the unit’s figures, not "nothing found"', () => {
    const { answer } = talk('我在市场监管局上班');
    expect(answer.introduced).toEqual({ kind: 'unit', name: '市市场监管局' });
    expect(answer.kind).toBe('stats');
    expect(answer.stats?.total).toBe(7);
    const leader = talk('我给聂元科副市长当秘书').answer;
    expect(leader.introduced).toEqual({ kind: 'leader', name: '聂元科' });
  });

  it('reads 我们单位, 咱们局 and 领导 as the introduced unit or leader in every later message', () => {
    expect(ids('我在市场监管局上班', '我们单位有几项')).toEqual(idsOf(engine.ask('市场监管局的目标')));
    expect(ids('我是团市委的', '卫健委的目标', '咱们局的呢')).toEqual(idsOf(engine.ask('团市委的目标')));
    expect(ids('我给聂元科副市长当秘书', '工信局的目标', '领导分管的滞后的')).toEqual(['47']);
    // 团市委's targets are all 聂元科's: he is who its staff call 领导
    expect(talk('我是团市委的', '统计').conversation.speaker).toEqual({ kind: 'unit', name: '团市委', leader: '聂元科' });
    expect(ids('我是团市委的', '我们领导分管的滞后的')).toEqual(['47']);
    // 市市场监管局 has targets under two leaders: 领导 is asked back, not guessed
    expect(talk('我在市场监管局上班', '我们领导分管的').answer.query.askWhich).toMatchObject({ kind: 'leader' });
  });

  it('takes longer introductions and a company’s or county’s own words', () => {
    expect(talk('我是市科技局的办公室主任').answer.introduced).toMatchObject({ kind: 'unit', name: '市科技局' });
    expect(ids('我是城投控股的', '我们公司的目标')).toEqual(['74']);
  });

  it('asks back for 我们单位 when nobody introduced themselves', () => {
    expect(talk('卫健委的目标', '我们单位有几项').answer.query.askWhich).toBeDefined();
  });
});

describe('complete questions never inherit', () => {
  it.each([
    ['卫健委的目标', '市场监管局的目标'],
    ['团市委年底到期的', '市民政局负责什么'],
    ['卫健委滞后的目标', '统计'],
    ['行政审批服务局有没有滞后的', '看一下第70项'],
    ['妇联的目标', '托育服务进展怎么样'],
    ['卫健委年底到期的', '/lagging'],
    ['卫健委年底到期的', '哪个单位滞后最多'],
    ['王昌华分管的', '能问些什么'],
    // the whole table as the scope, or a head noun of its own with nothing tying it to the last
    ['团市委的目标', '全市还有哪些没按计划完成的'],
    ['妇联的目标', '所有目标里跟化工有关的有哪些'],
    ['市场监管局滞后的', '年底到期的任务是哪些'],
  ])('%s → %s is answered as if alone', (before, question) => {
    const { answer } = talk(before, question);
    const alone = engine.converse(question).answer;
    expect(idsOf(answer)).toEqual(idsOf(alone));
    expect(answer.followUp).toBeUndefined();
    expect(answer.kind).toBe(alone.kind);
  });

  it('a question naming its own unit after pointing into a list is that unit alone, 哪些 or not', () => {
    expect(ids('聂元科分管的目标', '第二个', '市科技局负责哪些目标')).toEqual(idsOf(engine.ask('市科技局负责哪些目标')));
    // 哪些 without a head noun still narrows: 哪些归聂元科管 after 卫健委's list is within it
    expect(talk('市市场监管局的目标', '哪些归聂元科管').answer.followUp).toBeDefined();
  });

  it('keeps a topic inside the list when the topic is mostly found there', () => {
    // 希望小屋 after 聂元科's list: its best match, 44, is on it, so the topic narrows his list
    const inside = talk('聂元科分管的', '希望小屋').answer;
    expect(inside.followUp?.basis).toMatchObject({ leader: '聂元科', terms: ['希望', '小屋'] });
    expect(idsOf(inside)).toEqual(['44']);
    // 园区's best match, 72, is not: a new question
    expect(talk('聂元科分管的', '园区').answer.followUp).toBeUndefined();
    // asked within (有没有), a topic narrows the list when the list has any, else it is asked of the table
    expect(ids('聂元科分管的', '有没有跟园区有关的')).toEqual(['50', '51']);
    expect(ids('妇联的目标', '有没有跟托育相关的目标')).toEqual(idsOf(engine.ask('托育相关的目标')));
  });
});

describe('on another table', () => {
  it('follows up on names and numbers the code has never seen', async () => {
    const { normalize, aliases } = await seed();
    const other = createEngine({
      report: report([
        target('1', '建设智慧停车场 20 个', '李明', ['县交通局'], '', false),
        target('2', '新建口袋公园 5 处', '李明', ['县住建局']),
        target('3', '改造老旧小区 12 个', '赵强', ['县住建局'], '', false),
      ]),
      normalize,
      aliases,
    });
    const say = (...messages: string[]): string[] => {
      let conversation: Conversation = {};
      let answer: Answer | undefined;
      for (const m of messages) ({ answer, conversation } = other.converse(m, conversation));
      return idsOf(answer as Answer);
    };
    expect(say('县住建局的目标', '有没有滞后的')).toEqual(['3']);
    expect(say('县住建局的目标', '第二个')).toEqual(['3']);
    expect(say('李明分管的', '那赵强呢')).toEqual(['3']);
  });
});

describe('what a follow-up asks for', () => {
  it('keeps figures for figures, and a 序号 the table has is never narrowed', () => {
    const rate = talk('科技局的完成率', '那工信局呢').answer;
    expect(rate.kind).toBe('stats');
    expect(rate.query.units).toEqual(['市工业和信息化局']);
    expect(ids('工信局滞后的', '那第58项呢')).toEqual(['58']);
    expect(ids('工信局滞后的', '科技局也查一下')).toEqual(idsOf(engine.ask('科技局滞后的')));
  });
});

describe('words that point back', () => {
  it('are cues, never searched as a topic', () => {
    expect(ids('工信局的目标', '其中哪些跟化工有关').sort()).toEqual(['60', '66', '68']);
    expect(ids('工信局的目标', '这里面有没有滞后的')).toEqual(['57']);
  });

  it('an introduction by a short or other name of a unit in the table', () => {
    expect(talk('我是妇联的').answer.introduced).toMatchObject({ kind: 'unit', name: '市妇联' });
    expect(ids('我是市工信局的', '我们有没有滞后的')).toEqual(['57']);
  });
});
