import { parseTable } from '../../src/table/load-table';
import { createEngine, type Engine } from '../../src/qa/engine';
import { countyReport } from './county-table';
import { seed } from './seed';

/** Issue 22, class 11: a county's table asked as people in the county ask it, with nothing assuming 市. */
describe('a county table', () => {
  let engine: Engine;
  const ids = (question: string): string[] =>
    engine
      .ask(question)
      .hits.map((h) => h.target.id)
      .sort((a, b) => Number(a) - Number(b));
  beforeAll(async () => {
    const { normalize, aliases } = await seed();
    engine = createEngine({ report: await countyReport(), normalize, aliases });
  });

  it('reads leaders without the titles their cells add', () => {
    expect(
      engine
        .ask('统计')
        .stats?.byLeader.map((g) => g.name)
        .sort(),
    ).toEqual(['刘梅', '周海波', '孙国栋', '李卫东'].sort());
  });

  it('names units without the county level, the place or the note in brackets', () => {
    expect(ids('教育局的任务')).toEqual(['1']);
    expect(ids('住建局负责哪些')).toEqual(['1', '2', '4']);
    expect(ids('住建局牵头的')).toEqual(['2']);
    expect(ids('生态环境局')).toEqual(['4']);
    expect(ids('各乡镇配合的任务')).toEqual(['3']);
    expect(ids('城关街道')).toEqual(['2']);
    expect(ids('石桥镇的任务')).toEqual(['5']);
  });

  it('reads county titles: a surname with a title, a title alone as whoever the table gives it', () => {
    expect(ids('县长牵头的任务')).toEqual(['4']);
    expect(ids('李副县长分管哪些')).toEqual(['2', '6']);
    expect(ids('孙县长的任务')).toEqual(['5']);
    expect(ids('刘梅副县长负责的')).toEqual(['1', '3']);
    expect(ids('县委常委分管的')).toEqual(['2', '6']);
  });

  it('reads 参与 as any part in a target', () => {
    expect(ids('住建局参与了哪些')).toEqual(['1', '2', '4']);
  });
});

const ROLES_TSV = [
  '泺水区2024年重点工作任务台账（第三季度）',
  '编号\t重点任务\t分管区领导\t牵头单位\t配合单位\t时间节点\t进度评价',
  '1\t重点项目建设\t区长赵海峰\t区发展和改革局\t区财政局\t年底前\t正常推进',
  '2\t专项债券\t孙建国（常务副区长）\t区财政局\t区发展和改革局、区农业农村局\t9月30日前\t已完成',
  '3\t食品安全示范区\t郑国栋（副区长）\t区市场监督管理局\t区农业农村局\t年底前\t正常推进',
  '\t\t副区长刘文博\t区农业农村局\t\t年底前\t正常推进',
].join('\n');

/** A district's cells write the title before the name (区长赵海峰), two leaders to a cell, or the name then the title. */
describe('leader cells with the title before the name', () => {
  const TSV = [
    '泺水区2024年重点工作任务台账（第三季度）',
    '编号\t重点任务\t分管区领导\t牵头单位\t时间节点\t进度评价',
    '1\t重点项目建设\t区长赵海峰、常务副区长孙建国\t区发展和改革局\t年底前\t正常推进',
    '2\t专项债券\t孙建国（常务副区长）\t区财政局\t9月30日前\t已完成',
    '3\t招商引资\t副区长张敏，区委书记陈立群\t区投资促进服务中心\t年底前\t进度滞后',
    '4\t普惠托育\t李晓梅（副区长）\t区卫生健康局\t年底前\t正常推进',
    '5\t全民健身设施\t郑国栋（副区长）\t区教育和体育局\t2025年6月\t未启动',
  ].join('\n');
  let engine: Engine;
  const ids = (question: string): string[] => engine.ask(question).hits.map((h) => h.target.id);
  beforeAll(async () => {
    const { normalize, aliases } = await seed();
    engine = createEngine({ report: await parseTable(Buffer.from(TSV), 'district.tsv'), normalize, aliases });
  });

  it('reads the name after the title and each leader of a shared cell', () => {
    expect(ids('赵海峰的任务')).toEqual(['1']);
    expect(ids('孙建国分管的')).toEqual(['1', '2']);
    expect(ids('张敏副区长手上的')).toEqual(['3']);
    expect(ids('陈书记挂帅的')).toEqual(['3']);
    expect(ids('赵区长亲自抓的')).toEqual(['1']);
  });

  it('reads 常务 as the 常务副区长, and a slip in a name before its title as that leader', () => {
    expect(ids('孙常务分管的')).toEqual(['1', '2']);
    expect(ids('李晓眉副区长的任务')).toEqual(['4']);
  });

  it('reads 还没完成 on a table of verdicts as every target but the 已完成 ones, and 干完了 as 已完成', () => {
    expect(ids('还没完成的')).toEqual(['1', '3', '4', '5']);
    expect(ids('孙建国分管的还没完成的')).toEqual(['1']);
    expect(ids('已经干完了的有哪些')).toEqual(['2']);
  });

  it('reads a role said before a loosely written unit, and a role any row of a target gives', async () => {
    const { normalize, aliases } = await seed();
    const roles = createEngine({ report: await parseTable(Buffer.from(ROLES_TSV), 'roles.tsv'), normalize, aliases });
    const rolesIds = (q: string): string[] => roles.ask(q).hits.map((h) => h.target.id);
    expect(rolesIds('发改局牵头的任务有哪些')).toEqual(['1']);
    expect(rolesIds('发改局配合的')).toEqual(['2']);
    expect(rolesIds('农业局配合的任务')).toEqual(['2', '3']);
    expect(rolesIds('农业局牵头的')).toEqual(['3']);
  });

  it('reads a status word typed with a homophone, and 未启动 before a next year deadline as not lagging', () => {
    expect(ids('滞厚的有哪些')).toEqual(['3']);
    expect(ids('未启动的')).toEqual(['5']);
  });
});

/** Issue 22, class 3: old office names, read through the reform's successions only when the successor is in the table. */
describe('old names of renamed offices', () => {
  it('reads an old name as its successor in the table, and says so', async () => {
    const { normalize, aliases } = await seed();
    const engine = createEngine({ report: await countyReport(), normalize, aliases });
    const answer = engine.ask('国土资源局负责哪些');
    expect(answer.hits.map((h) => h.target.id)).toEqual(['1', '5']);
    expect(answer.query.readAs).toEqual([{ written: '国土资源局', as: '县自然资源局' }]);
    expect(engine.ask('城管局的任务').hits.map((h) => h.target.id)).toEqual(['6']);
    expect(engine.ask('环保局').hits.map((h) => h.target.id)).toEqual(['4']);
  });

  it('answers nothing, naming the successor, when the table lacks it', async () => {
    const { engine } = await seed();
    for (const q of ['国土局负责的责任目标', '那个原来的国土局现在有什么任务', '民宗局有什么工作']) {
      const answer = engine.ask(q);
      expect(answer.kind).toBe('none');
      expect(answer.hits).toEqual([]);
    }
    expect(engine.ask('国土局负责的责任目标').query.unresolved).toBe('国土局（自然资源和规划局）');
  });
});
