import { idsOf } from '../../src/qa/answer';
import { createEngine } from '../../src/qa/engine';
import { report, seed, target } from './seed';

describe('filters', () => {
  it('reads the first unit of a one-column cell naming several as the leading one, the others as supporting', async () => {
    const { engine } = await seed();
    // 84: 市市场监管局 市工业和信息化局 市现代医药港, one 责任单位 cell; the table has no 配合单位 column
    expect(idsOf(engine.ask('工信局作为配合单位的目标'))).toEqual(['84']);
    expect(idsOf(engine.ask('工信局牵头的目标'))).not.toContain('84');
    expect(idsOf(engine.ask('市场监管局牵头的'))).toContain('84');
  });

  it("reads a unit's status on a target of several rows from its own row, a leader's from the whole target", async () => {
    const { engine } = await seed();
    // 47: 鲁西新区管委会 (聂元科) says 否, 市商务局 (张鹏) says 是
    expect(idsOf(engine.ask('市商务局有没有进度滞后的目标'))).toEqual([]);
    expect(idsOf(engine.ask('市商务局按计划推进的目标'))).toEqual(['47', '72']);
    expect(idsOf(engine.ask('鲁西新区管委会滞后的'))).toEqual(['47']);
    expect(idsOf(engine.ask('张鹏分管的滞后目标'))).toEqual(['47']);
    // several units named: the rows of any of them decide, and a unit on no row of a target leaves its status as a whole
    expect(idsOf(engine.ask('市商务局和鲁西新区管委会滞后的'))).toEqual(['47']);
    expect(idsOf(engine.ask('市商务局和市科技局有没有滞后的'))).toEqual([]);
    expect(idsOf(engine.ask('市商务局和市科技局按计划推进的'))).toEqual(['47', '52', '53', '54', '55', '56', '72']);
    expect(idsOf(engine.ask('鲁西新区管委会和市科技局按计划推进的'))).toEqual(['48', '49', '50', '51', '52', '53', '54', '55', '56', '72']);
  });

  it('counts units and leaders per target over every row and both unit columns', async () => {
    const { normalize, aliases } = await seed();
    const two = {
      ...target('2', '改造老旧小区', '赵五', ['区住建局']),
      assignments: [{ leader: '赵五', units: ['区住建局'], cooperating: ['东关街道办事处'], progress: '', onSchedule: true, row: 3 }],
    };
    const engine = createEngine({ normalize, aliases, report: report([target('1', '建设智慧园区', '李四', ['区科技局']), two]) });
    expect(idsOf(engine.ask('单独负责的任务'))).toEqual(['1']);
    expect(idsOf(engine.ask('两个单位共同负责的任务'))).toEqual(['2']);
  });
});
