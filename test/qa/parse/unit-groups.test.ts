import { idsOf } from '../../../src/qa/answer';
import { createEngine } from '../../../src/qa/engine';
import { report, seed, target } from '../seed';

const COUNTIES = ['66', '67', '85', '86'];

describe('unit groups pass: units of one kind named together', () => {
  it("reads 县区政府 and its other spellings as the table's county and district governments", async () => {
    const { engine } = await seed();
    for (const q of ['县区人民政府作为责任单位的目标列出来', '县区政府参与的那些目标', '各区县政府的任务', '县里负责的']) {
      expect([q, idsOf(engine.ask(q))]).toEqual([q, COUNTIES]);
    }
    expect(engine.ask('县区政府参与的').query.group?.units).toHaveLength(5);
  });

  it('narrows another kind of filter, and joins a unit only when said together', async () => {
    const { engine } = await seed();
    // a leader and a group are different kinds: the targets they share
    expect(idsOf(engine.ask('王昌华分管的目标里有县区政府参与的吗'))).toEqual(COUNTIES);
    // 一块负责: the unit's targets the group is on too
    expect(idsOf(engine.ask('市场监管局和县区政府一块负责的'))).toEqual(['85', '86']);
  });

  it('sets a group aside like a unit', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('王昌华分管的市场监管局的目标里，除了跟县区政府一起的'))).toEqual(['41', '81', '82', '83', '84']);
  });

  it("leaves a place's own government (定陶县政府) and a topic (乡镇卫生院) to the other passes", async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('定陶县政府负责的目标'))).toEqual(['85']);
    expect(engine.ask('乡镇卫生院').query.group).toBeUndefined();
  });

  it('names no group where the table has no unit of the kind, and keeps a unit the table names as a group', async () => {
    const { normalize, aliases } = await seed();
    const engine = createEngine({
      normalize,
      aliases,
      report: report([target('1', '建设智慧园区', '李四', ['市科技局']), target('2', '改造老旧小区', '赵五', ['市住房和城乡建设局', '各县区人民政府'])]),
    });
    expect(engine.ask('街道参与的任务').query.group).toBeUndefined();
    const answer = engine.ask('各县区政府参与的任务');
    expect([answer.query.units, idsOf(answer)]).toEqual([['各县区人民政府'], ['2']]);
  });
});

describe('unit groups pass: state-owned companies, and a group word pointing back', () => {
  it("reads 市属国企 as the table's companies (城投控股, 财金集团), here with a renamed unit before it", async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('市属国企负责的目标'))).toEqual(['74', '75']);
    // 卫计委 and 卫健委 name one unit: the words between them rename it, they correct nothing
    const a = engine.ask('卫计委，哦现在应该叫卫健委了，他们跟市属国企一起负责的项目有哪些');
    expect([a.query.dropped, a.query.terms, idsOf(a)]).toEqual([undefined, undefined, ['74', '75']]);
  });

  it('reads 这几个县政府 after named counties as those counties, not every county', async () => {
    const { engine } = await seed();
    const a = engine.ask('我问一下单县和曹县，呃，还有东明县，这几个县政府负责的目标都有哪些');
    expect([a.query.group, idsOf(a)]).toEqual([undefined, ['66', '67']]);
  });
});
