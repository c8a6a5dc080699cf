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

  it('reads no stranger in a word that ends in a surname character before 领导 (本周领导, 下周领导)', async () => {
    const { engine } = await seed();
    expect(engine.understand('本周领导要听滞后目标的汇报').unresolved).toBeUndefined();
    expect(idsOf(engine.ask('本周领导要听滞后目标的汇报'))).toEqual(['47', '57']);
    // a surname before a title that names only leaders still is
    expect(engine.understand('刘副市长分管的').unresolved).toBe('刘副市长');
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

  it('reads titles the table gives, one after another, as one leader each, and a title after a name as that name', async () => {
    const { normalize, aliases } = await seed();
    const engine = createEngine({
      normalize,
      aliases,
      report: report([
        target('1', '重点项目建设', '刘晓东（常务副区长）', ['区发展改革局']),
        target('2', '总部港项目土地收储', '王建军（区长）、刘晓东（常务副区长）', ['区自然资源局']),
        target('3', '招商引资', '王建军（区长）', ['区投资促进中心']),
        target('4', '总部经济', '杨帆（副区长）', ['区商务局']),
      ]),
    });
    // 区长 after 常务副区长 is one more leader: together, the target both are on
    expect(idsOf(engine.ask('区长和常务副区长一起负责的'))).toEqual(['2']);
    // 常务副区长 after 刘晓东 is his title, and the 副区长 inside it names nobody else (杨帆)
    expect(engine.understand('刘晓东常务副区长和区长').leaders?.sort()).toEqual(['刘晓东', '王建军'].sort());
  });
});
