import { resolve } from 'node:path';
import { idsOf } from '../../../src/qa/answer';
import { loadAliases } from '../../../src/qa/aliases';
import { createEngine } from '../../../src/qa/engine';
import { createNormalizer } from '../../../src/text/normalize';
import { renderAnswer } from '../../../src/view/render-answer';
import { report, seed, target } from '../seed';

describe('leader address pass: a leader by title', () => {
  it.each([
    ['聂市长分管的', '聂元科', '聂市长'],
    ['张副市长负责的', '张鹏', '张副市长'],
    ['昌华市长分管的工作', '王昌华', '昌华市长'],
    ['元科同志的目标', '聂元科', '元科同志'],
  ])('reads %s as %s and says so', async (q, leader, written) => {
    const { engine } = await seed();
    const query = engine.understand(q);
    expect(query.leader).toBe(leader);
    expect(query.readAs).toEqual([{ written, as: leader }]);
  });

  it('leaves a full name with its title as it is (nothing to say)', async () => {
    const { engine } = await seed();
    expect(engine.understand('张鹏副市长').readAs).toBeUndefined();
    expect(engine.understand('张鹏副市长').leader).toBe('张鹏');
  });

  it('does not take the head of a unit (局长, 主任) for a city leader', async () => {
    const { engine } = await seed();
    expect(engine.understand('王局长的目标').leader).toBeUndefined();
  });

  it('asks which leader is meant when two share the surname, and lists neither', () => {
    const engine = createEngine({
      report: report([target('1', '建设智慧园区', '王昌华', ['市科技局']), target('2', '推进乡村振兴', '王芳', ['市农业农村局'])]),
      normalize: createNormalizer(),
      aliases: loadAliases(resolve(__dirname, '../../../data/aliases.json')),
    });
    const answer = engine.ask('王副市长负责的');
    expect([answer.kind, idsOf(answer)]).toEqual(['none', []]);
    expect(answer.candidates?.sort()).toEqual(['王昌华', '王芳'].sort());
    expect(answer.candidatesOf).toBe('leader');
    expect(renderAnswer(answer, { format: 'plain' }).text).toContain('王昌华、王芳');
    // the given name still picks one
    expect(idsOf(engine.ask('芳市长负责的'))).toEqual(['2']);
  });
});
