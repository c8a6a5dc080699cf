import { createEngine } from '../../../src/qa/engine';
import { report, seed, target } from '../seed';

describe('scope words pass', () => {
  const table = async () => {
    const { normalize, aliases } = await seed();
    return createEngine({
      normalize,
      aliases,
      report: report([target('1', '开展经济普查', '李四', ['市统计局']), target('2', '建设智慧园区', '赵五', ['市科技局', '市统计局']), target('3', '新建公园10处', '赵五', ['市城市管理局'])]),
    });
  };

  it('leaves a statistics word inside a unit name to the name (统计局 is a unit, not 统计)', async () => {
    const engine = await table();
    for (const q of ['统计局参与的目标', '统计局负责哪些', '市统计局的任务']) {
      const answer = engine.ask(q);
      expect([q, answer.kind, answer.hits.map((h) => h.target.id)]).toEqual([q, 'list', ['1', '2']]);
    }
  });

  it('still reads the word as statistics where it stands outside the name', async () => {
    const engine = await table();
    const answer = engine.ask('统计一下统计局的目标');
    expect(answer.kind).toBe('stats');
    expect(answer.query.units).toEqual(['市统计局']);
    expect(engine.ask('统计').kind).toBe('stats');
  });
});
