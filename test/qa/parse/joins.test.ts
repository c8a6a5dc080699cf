import { idsOf } from '../../../src/qa/answer';
import { renderAnswer } from '../../../src/view/render-answer';
import { seed } from '../seed';

const range = (a: number, b: number): string[] => Array.from({ length: b - a + 1 }, (_, i) => String(a + i));

describe('joins pass: unions of units and leaders', () => {
  it.each([
    ['卫健委跟市场监管局的目标', ['41', ...range(73, 86)]],
    ['团市委、妇联和组织部都负责啥', range(42, 46)],
    ['应急局、审批局及民政局', ['39', '40', '41', '79']],
    ['聂元科和张鹏分管的', range(39, 51)],
  ])('lists the union for %s', async (q, ids) => {
    const { engine } = await seed();
    expect(idsOf(engine.ask(q)).sort()).toEqual([...ids].sort());
  });

  it('keeps a union narrowed by status', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('工信局跟卫健委滞后的'))).toEqual(['57']);
  });

  it('joins a unit and a leader written with 和 into one union, and intersects them written together', async () => {
    const { engine } = await seed();
    const union = engine.ask('工信局和王昌华');
    expect(union.query.anyOf).toBe(true);
    expect(union.hits).toHaveLength(36);
    expect(renderAnswer(union, { format: 'plain' }).text).toContain('市工业和信息化局 或 王昌华分管 · 36 项');
    const shared = engine.ask('王昌华负责的工信局目标');
    expect(shared.query.anyOf).toBeUndefined();
    expect(shared.hits).toHaveLength(13);
    // 张鹏 has only 47, which 工信局 does not: together nothing, joined both
    expect(idsOf(engine.ask('张鹏跟工信局'))).toEqual(['47', ...range(57, 68), '84']);
  });
});
