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
