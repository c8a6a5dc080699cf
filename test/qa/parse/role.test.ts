import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';

describe('role pass', () => {
  it('reads one role named with a unit', async () => {
    const { engine } = await seed();
    expect(engine.understand('市税务局配合的').role).toBe('cooperating');
    expect(engine.understand('工信局牵头的').role).toBe('lead');
  });

  it.each([
    '工信局牵头或者参与的都列一下',
    '商务局参与的目标，他们是配合单位还是牵头单位我不管，全都要',
    '市科技局参与的全部目标，含配合的',
    // the supporting role taken in beside the unit's own
    '财政局的任务有哪些，包括配合的',
    '市市场监管局承担哪些目标，含配合的',
    '民政局的任务 包括配合的',
    '财政局牵头加配合一共涉及哪些任务',
    '商务局负责的，配合的也算',
  ])('reads both roles, or a role beside 参与, as every part: %s', async (q) => {
    const { engine } = await seed();
    expect(engine.understand(q).role).toBeUndefined();
  });
});

describe('role pass: working together is no role', () => {
  it('reads 跟别的单位一起配合、不是他们单独干的 as the targets the unit shares, whatever its part', async () => {
    const { engine } = await seed();
    const a = engine.ask('那个卫健委负责的目标里面，就是跟别的单位一起配合、不是他们单独干的，有哪几项？');
    expect(a.query.role).toBeUndefined();
    expect(a.query.except?.unitCount).toEqual({ min: 1, max: 1 });
    // 74 (城投控股), 75 (财金集团) and 79 (民政局) are 卫健委's shared targets; it leads all three
    expect(idsOf(a)).toEqual(['74', '75', '79']);
  });
});
