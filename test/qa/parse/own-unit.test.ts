import { idsOf } from '../../../src/qa/answer';
import { renderAnswer } from '../../../src/view/render-answer';
import { seed } from '../seed';

describe('own unit pass: 我们局 with no introduction', () => {
  it.each([
    ['我们局的任务', '我们局', 'unit'],
    ['本单位滞后的', '本单位', 'unit'],
    ['咱们领导分管的', '咱们领导', 'leader'],
  ])('asks back which one %s means instead of guessing', async (q, written, kind) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.kind, idsOf(answer), answer.query.askWhich]).toEqual(['none', [], { written, kind }]);
    expect(renderAnswer(answer, { format: 'plain' }).text).toContain(`“${written}”是哪`);
  });

  it('reads 我们局 as the unit the speaker named first', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('我是市科技局的，我们局的任务'))).toEqual(['52', '53', '54', '55', '56', '72']);
  });

  it('leaves 我市, the report city, alone', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('我市滞后的'))).toEqual(['47', '57']);
  });
});
