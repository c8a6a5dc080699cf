import { resolve } from 'node:path';
import { testCore } from '../../helpers/core';
import { idsOf } from '../../../src/qa/answer';
import type { Engine } from '../../../src/qa/engine';
import { createEngine } from '../../../src/qa/engine';
import { parseTable } from '../../../src/table/load-table';
import { ROOT, seed } from '../seed';

/** A district's table whose section rows are two clauses each, as government work reports write them. */
const TSV = [
  '某区2024年政府工作报告重点任务推进情况表',
  '序号\t重点任务\t责任区领导\t牵头单位\t完成时限\t推进情况\t进展状态',
  '一、聚力项目建设，增强发展动能\t\t\t\t\t\t',
  '1\t重点项目建设：实施区级重点项目60个\t刘晓东（常务副区长）\t区发展改革局\t12月底前\t已开工52个\t正常推进',
  '2\t招商引资：引进过亿元项目30个\t王建军（区长）\t区投资促进中心\t12月底前\t签约13个\t滞后',
  '二、深化改革创新，优化营商环境\t\t\t\t\t\t',
  '3\t政务服务：200项高频事项掌上办\t刘晓东（常务副区长）\t区行政审批服务局\t9月底前\t已上线168项\t正常推进',
  '4\t市场主体培育：新增市场主体6000户\t杨帆（副区长）\t区市场监管局\t12月底前\t新增3412户\t滞后',
  '三、统筹发展和安全，建设平安奎文\t\t\t\t\t\t',
  '5\t安全生产：开展隐患排查整治\t郑海涛（副区长）\t区应急局\t全年\t排查隐患1200处\t已完成',
].join('\n');

describe('sections pass: a section by its place or by what it is about', () => {
  let engine: Engine;
  const ids = (q: string): string[] => engine.ask(q).hits.map((h) => h.target.id);
  beforeAll(async () => {
    const { normalize, aliases } = await seed();
    engine = createEngine({ report: await parseTable(Buffer.from(TSV), 'district.tsv'), normalize, aliases });
  });

  it('reads 第N部分 as the N-th section of the table, not as the N-th target', () => {
    expect(ids('第二部分')).toEqual(['3', '4']);
    expect(ids('第一部分滞后的')).toEqual(['2']);
    expect(ids('第3板块有哪些任务')).toEqual(['5']);
  });

  it('answers nothing for a section the table does not have, rather than the whole table', () => {
    const answer = engine.ask('第七部分的任务');
    expect([answer.kind, answer.hits]).toEqual(['none', []]);
    expect(answer.query.unresolved).toBe('第七部分');
  });

  it('reads one clause of a section name, or the clause without its opening verb said as a section', () => {
    // a whole clause names its section wherever it stands
    expect(ids('统筹发展和安全里面的任务')).toEqual(['5']);
    expect(ids('优化营商环境滞后的')).toEqual(['4']);
    // without the verb (营商环境, 项目建设), with a word that makes it a section
    expect(ids('营商环境那块的任务')).toEqual(['3', '4']);
    expect(ids('项目建设这一部分都有啥')).toEqual(['1', '2']);
    // 营商环境 is in no target's text: alone it can only mean the section
    expect(ids('营商环境有哪些任务')).toEqual(['3', '4']);
  });

  it('leaves words a target uses to the topic search when nothing says they are a section', () => {
    // 项目建设 is target 1's topic as well as part of section 一's name
    const answer = engine.ask('重点项目建设进展');
    expect(answer.query.sections).toBeUndefined();
    expect(answer.hits[0]?.target.id).toBe('1');
  });

  it('sets a section aside like any filter', () => {
    expect(ids('除了第一部分以外滞后的')).toEqual(['4']);
  });
});

describe('sections pass: several by place, and a part of a name said with a section word', () => {
  const engineOf = async (table: string) => {
    const core = testCore();
    return core.engineFor(await core.readTable(resolve(ROOT, 'test/qa/sealed-2026-12b', table)));
  };

  it('reads 第一类和第二类 as both sections, and 民生那一块 as 民生保障与社会事业 (r2-luochuan)', async () => {
    const luochuan = await engineOf('r2-luochuan.tsv');
    expect(idsOf(luochuan.ask('第一类和第二类里面滞后的'))).toEqual(['3', '4', '11', '16', '20']);
    expect(idsOf(luochuan.ask('不算年底前的，民生那一块的任务有哪些'))).toEqual(['44', '48', '50', '53']);
    expect(luochuan.ask('民生').query.sections).toBeUndefined();
  });
});
