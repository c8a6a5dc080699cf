import { idsOf } from '../../../src/qa/answer';
import { renderAnswer } from '../../../src/view/render-answer';
import { seed } from '../seed';
import { runUntil } from './context';

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('except pass: a leader or unit set aside', () => {
  it.each([
    ['王昌华以外的', 'leaders', '王昌华'],
    ['除了王昌华', 'leaders', '王昌华'],
    ['除了聂元科负责的以外', 'leaders', '聂元科'],
    ['不是工信局的', 'units', '市工业和信息化局'],
    ['除了卫健委之外的目标', 'units', '市卫生健康委'],
  ])('reads %s as setting %s %s aside, not asking about it', async (q, kind, name) => {
    const s = await runUntil(q, 'units');
    expect(s.query.except).toEqual({ [kind]: [name] });
    expect([...s.leaders, ...s.units]).toEqual([]);
  });

  it('leaves 除了 before a status word to the status pass, which sets the status aside', async () => {
    const s = await runUntil('王昌华分管的目标里除了按计划的还有哪些', 'units');
    expect(s.query.except).toEqual({ status: 'onSchedule' });
    expect([...s.leaders]).toEqual(['王昌华']);
  });

  it('keeps a target with another name of the kind when the question asks for one beyond those set aside', async () => {
    const { engine } = await seed();
    // 47 is 聂元科's and 张鹏's: 张鹏 is a leader beyond 聂元科, so 47 stays, and 聂元科's own targets go
    const answer = engine.ask('聂元科不算，其他领导分管的目标呢');
    expect(answer.query.besides).toBe(true);
    expect(idsOf(answer)).toEqual(['41', '47', ...range(52, 86)]);
    expect(renderAnswer(answer, { format: 'plain' }).text).toContain('另有聂元科以外的领导分管');
    // without asking for another one, every target of the name set aside goes
    expect(engine.ask('聂元科以外的目标').query.besides).toBeUndefined();
  });

  it('answers every other target, and with other filters only theirs', async () => {
    const { engine } = await seed();
    // 41 is 聂元科's and 王昌华's: set aside with 王昌华
    expect(idsOf(engine.ask('王昌华以外的'))).toEqual(range(39, 51).filter((id) => id !== '41'));
    expect(idsOf(engine.ask('除了聂元科的其他目标'))).toEqual(range(52, 86));
    // 57 is the other lagging target, the 工信局's
    expect(idsOf(engine.ask('除了工信局以外滞后的'))).toEqual(['47']);
    expect(renderAnswer(engine.ask('除了王昌华'), { format: 'plain' }).text).toContain('王昌华以外 · 12 项');
  });
});

describe('except pass: a name set aside by a refusal after it, in a longer sentence', () => {
  it('reads a refusal after the name, pointed at it and with adverbs, as setting it aside', async () => {
    const { engine } = await seed();
    // 聂元科's targets are 39–51; 47–51 are the 鲁西新区管委会's: the refusal removes them, it never selects them
    expect(idsOf(engine.ask('聂元科分管的，鲁西新区管委会那些都拿掉'))).toEqual(range(39, 46));
    expect(idsOf(engine.ask('聂元科负责的目标鲁西新区的先不看'))).toEqual(range(39, 46));
  });

  it('reads 其他单位 after a unit set aside inside a named scope as the rest of that scope', async () => {
    const { engine } = await seed();
    // 61, 66, 67 and 84 are 王昌华's targets the 工信局 shares: set aside with it, not kept as having another unit
    const answer = engine.ask('王昌华分管的，工信局之外，别的单位的目标');
    expect(answer.query.besides).toBeUndefined();
    expect(idsOf(answer)).toEqual(['41', ...range(52, 56), ...range(69, 83), '85', '86']);
  });

  it('sets aside only the part said after the name (牵头的以外), and a leader said by title', async () => {
    const { engine } = await seed();
    expect(engine.ask('除了工信局牵头的以外王昌华还分管哪些').query.except).toEqual({ units: ['市工业和信息化局'], role: 'lead' });
    expect(engine.ask('不是聂副市长分管的').query.except).toEqual({ leaders: ['聂元科'] });
  });
});

describe('except pass: names joined under one negation, and verbs that take them out', () => {
  it('sets aside every name joined to one set aside (除了工信局和卫健委这两家负责的以外)', async () => {
    const { engine } = await seed();
    const a = engine.ask('嗯那个王昌华副市长分管的，除了工信局和卫健委这两家负责的以外，其他的目标都有哪些？');
    expect(a.query.except?.units).toEqual(['市工业和信息化局', '市卫生健康委']);
    expect(a.query.units).toBeUndefined();
    expect(idsOf(a)).toEqual(['41', '52', '53', '54', '55', '56', '69', '70', '71', '72', '81', '82', '83', '85', '86']);
  });

  it('reads a verb that takes things out of a list, or 不归, before a name as setting it aside', async () => {
    const { engine } = await seed();
    // 57 is 工信局's lagging target, 47 the other one
    expect(idsOf(engine.ask('滞后的目标里,刨掉工信局的,还剩哪几项'))).toEqual(['47']);
    expect(idsOf(engine.ask('不归王昌华分管的目标有哪些'))).toEqual(range(39, 51).filter((id) => id !== '41'));
  });

  it('keeps a name joined to another that is asked for (科技局和商务局，不要工信局)', async () => {
    const { engine } = await seed();
    expect(engine.ask('科技局和商务局的目标，工信局的不要').query.units).toEqual(['市科技局', '市商务局']);
  });
});
