import { createNameResolver, createSyllableMemo } from '../../src/qa/names';
import { createEngine } from '../../src/qa/engine';
import { loadDepartments } from '../../src/qa/departments';
import { loadSuccessions } from '../../src/qa/successions';
import { report, seed, target } from './seed';

describe('unit resolution', () => {
  it("resolves abbreviations, official full names, former names, counties and companies to the table's names", async () => {
    const { engine } = await seed();
    const cases: [string, string[]][] = [
      ['工信局', ['市工业和信息化局']], // alias, and in order inside 市工业和信息化局
      ['卫健委', ['市卫生健康委']],
      ['人社局', ['市人力资源社会保障局']],
      ['审批局', ['市行政审批服务局']],
      ['市场监管局', ['市市场监管局']],
      ['应急局', ['市应急局']],
      ['市科学技术局', ['市科技局']], // the table's short name in order inside the official one
      ['人力资源和社会保障局', ['市人力资源社会保障局']],
      ['卫生健康委员会', ['市卫生健康委']],
      ['应急管理局', ['市应急局']],
      ['环保局', ['市生态环境局']], // former name
      ['单县', ['单县人民政府']],
      ['曹县', ['曹县人民政府']],
      ['东明县', ['东明县人民政府']],
      ['定陶区', ['定陶区人民政府']],
      ['郓城县', ['鄆城县人民政府']], // canonical name stays as written in the table (traditional 鄆)
      ['鄆城縣', ['鄆城县人民政府']],
      ['城投', ['城投控股']],
      ['财金集团', ['财金集团']],
      ['科技居', ['市科技局']], // one wrong character
    ];
    for (const [mention, units] of cases) expect([mention, engine.understand(mention).units]).toEqual([mention, units]);
  });

  it('finds the same same-sound slips with the pinyin of a question shared by both resolvers and forgotten per question', async () => {
    const { normalize } = await seed();
    const syllables = createSyllableMemo();
    const leadersAlone = createNameResolver({ names: ['聂元科', '王昌华'], normalize, soundMinLength: 2, fuzzy: false });
    const leaders = createNameResolver({ names: ['聂元科', '王昌华'], normalize, soundMinLength: 2, fuzzy: false, syllables });
    const unitsAlone = createNameResolver({ names: ['团市委', '市科技局'], normalize });
    const units = createNameResolver({ names: ['团市委', '市科技局'], normalize, syllables });
    for (const text of ['把聂元可领导分管的', '王常华和团市为负责的', '团市为负责的那几个事儿']) {
      syllables.forget();
      expect(leaders.scan(text)).toEqual(leadersAlone.scan(text));
      expect(units.scan(text)).toEqual(unitsAlone.scan(text));
    }
    expect(leaders.scan('把聂元可领导分管的')).toContainEqual(expect.objectContaining({ mention: '聂元可', names: ['聂元科'], bySound: true }));
    // remembered until forgotten: the same run is one pinyin call per question
    const once = syllables.of('团市为');
    expect(syllables.of('团市为')).toBe(once);
    syllables.forget();
    expect(syllables.of('团市为')).not.toBe(once);
    expect(syllables.of('团市为')).toEqual(once);
  });

  it('lists every candidate of an ambiguous mention', async () => {
    const { normalize } = await seed();
    const units = createNameResolver({ names: ['市教育局', '市教育和体育局', '市商务局'], normalize });
    // 教育局 is in order inside both names and a whole substring of the first: the exact one wins
    expect(units.resolve('教育局')).toEqual(['市教育局']);
    const two = createNameResolver({ names: ['市第一人民医院', '市第二人民医院'], normalize });
    expect(two.resolve('人民医院').sort()).toEqual(['市第一人民医院', '市第二人民医院']);
  });

  it('works for a new table with units the code has never seen', async () => {
    const { normalize, aliases } = await seed();
    const engine = createEngine({
      normalize,
      aliases,
      report: report([
        target('1', '建成智慧停车场20个', '李四', ['市城市管理局'], '已建成12个'),
        target('2', '新建公园10处', '李四', ['市园林绿化服务中心', '牡丹区人民政府'], '已建成8处', false),
        target('3', '改造老旧小区', '赵五', ['市住房和城乡建设局'], '完成70%'),
      ]),
    });
    expect(engine.understand('城市管理局').units).toEqual(['市城市管理局']);
    expect(engine.understand('牡丹区').units).toEqual(['牡丹区人民政府']);
    // 住建局 is an alias for 住房和城乡建设局: now that the table has it, it resolves
    expect(engine.understand('住建局的目标').units).toEqual(['市住房和城乡建设局']);
    expect(engine.ask('李四负责的滞后目标').hits.map((h) => h.target.id)).toEqual(['2']);
  });

  it('does not take a topic for a unit', async () => {
    const { engine } = await seed();
    for (const topic of ['高新技术企业', '化工园区', '疫情防控', '生物医药', '国家卫生城市']) expect([topic, engine.understand(topic).units]).toEqual([topic, undefined]);
  });
});

describe('leader resolution', () => {
  it('finds a leader with a title, with one wrong character, and by surname and given name', async () => {
    const { engine } = await seed();
    expect(engine.understand('张鹏副市长负责什么').leader).toBe('张鹏');
    expect(engine.understand('王昌化').leader).toBe('王昌华');
    expect(engine.understand('聂元科分管的工作').leader).toBe('聂元科');
  });
});

describe('name scanning', () => {
  it('does not find a short alias inside a longer word, nor a generic tail for a fuzzy match', async () => {
    const { engine } = await seed();
    // 民政 (an alias of 市民政局) sits inside 人民政府; 人民政府 names every county government
    expect(engine.understand('人民政府').units?.sort()).toEqual(['东明县人民政府', '单县人民政府', '定陶区人民政府', '曹县人民政府', '鄆城县人民政府'].sort());
    // 市政府 differs from 单县政府 by one character, but not at the start
    expect(engine.understand('市政府').units).toBeUndefined();
    // a two-character leader is still found inside a sentence
    expect(engine.understand('张鹏分管的工作有哪些').leader).toBe('张鹏');
  });
});

describe('same-sound slips inside a sentence', () => {
  it('finds a name of this table typed by sound in the middle of a sentence, and says how it read it', async () => {
    const { engine } = await seed();
    // 可 and 科 are both ke: the loose piece 把聂元可领导 is no name, but its middle sounds like one
    const nie = engine.ask('你帮我把聂元可领导分管的所有目标都列出来');
    expect(nie.query.leader).toBe('聂元科');
    expect(nie.query.readAs).toContainEqual({ written: '聂元可', as: '聂元科' });
    // 为 and 委 are both wei
    expect(engine.understand('团市为负责的那几个事儿').units).toEqual(['团市委']);
  });

  it('finds no name by sound that the loaded table lacks, nor from two characters', async () => {
    const { engine } = await seed();
    // 王昌明 is a wrong syllable, not a slip; 民正 alone is two characters
    expect(engine.understand('把王昌明领导分管的列出来').leader).toBeUndefined();
    expect(engine.understand('民正那边的目标').units).toBeUndefined();
  });
});

describe('names inside names and names that do not resolve', () => {
  it('reads a name written longer than a known form as the unit it spells in order', async () => {
    const { normalize, aliases } = await seed();
    const units = createNameResolver({ names: ['聊城高新技术产业开发区管委会', '鲁西新区管委会', '市科技局', '市商务局'], normalize, aliases: aliases.units, places: ['聊城'] });
    // 新区管委会 is a known form of 鲁西新区管委会; the 高 before it makes it the 高新技术产业开发区's
    expect(units.scan('新区管委会的目标').map((m) => m.names)).toEqual([['鲁西新区管委会']]);
    expect(units.scan('高新区管委会的目标').map((m) => [m.mention, m.names])).toEqual([['高新区管委会', ['聊城高新技术产业开发区管委会']]]);
    // two names side by side stay two: 科技局和商务局 is not 市科技局 written long
    expect(units.scan('科技局和商务局').map((m) => m.names)).toEqual([['市科技局'], ['市商务局']]);
    // a verb before a name is no part of it
    expect(units.scan('看看科技局').map((m) => m.mention)).toEqual(['科技局']);
  });

  it('finds a county government by its place inside a sentence (比如曹县有什么目标)', async () => {
    const { engine } = await seed();
    expect(engine.understand('能按县查吗？比如曹县有什么目标').units).toEqual(['曹县人民政府']);
    expect(engine.understand('单县政府参与了哪些，跟曹县一起的那个').units?.sort()).toEqual(['单县人民政府', '曹县人民政府'].sort());
  });

  it('does not read a shorter kind of zone inside a longer one (新区 is not the 高新区)', async () => {
    const { normalize } = await seed();
    const units = createNameResolver({ names: ['沂州高新区管委会', '临港新区管委会'], normalize, places: ['沂州'] });
    expect(units.resolve('新区')).toEqual(['临港新区管委会']);
    expect(units.resolve('高新区')).toEqual(['沂州高新区管委会']);
  });

  it("reads an alias that names nothing in this table by the table's own name in order", async () => {
    const { normalize, aliases } = await seed();
    // the alias 卫健局 points at 卫生健康委, which this district's table calls 区卫生健康局
    const units = createNameResolver({ names: ['区卫生健康局', '区统计局'], normalize, aliases: aliases.units });
    expect(units.scan('卫健局的任务').map((m) => m.names)).toEqual([['区卫生健康局']]);
  });

  it('never reads a unit the table lacks as another that differs in its distinctive character', async () => {
    const { normalize } = await seed();
    const units = createNameResolver({ names: ['区统计局', '区发展改革局'], normalize });
    // 审计 and 统计 differ in the character that tells the two offices apart, after the level 区
    expect(units.resolve('区审计局')).toEqual([]);
    expect(units.resolve('审计局')).toEqual([]);
    // a slip elsewhere in the name is still mended
    expect(units.resolve('区统记局')).toEqual(['区统计局']);
  });

  it('reads a department whose core no unit of the table holds as absent, never as a unit of like sound or shape', async () => {
    const { normalize } = await seed();
    const units = createNameResolver({ names: ['市税务局', '县供电公司', '县城投公司', '市行政审批和政务信息管理局'], normalize, departments: loadDepartments() });
    // 水务局 sounds like 税务局 (shuiwu), 司法局 has 司 in order with 公司: both are real departments the table lacks
    expect(units.resolveHow('水务局')).toEqual({ names: [], how: 'none' });
    expect(units.resolveHow('县司法局')).toEqual({ names: [], how: 'none' });
    expect(units.scan('市水务局负责的').map((m) => [m.mention, m.names])).toEqual([['水务局', []]]);
    expect(units.scan('县司法局的任务').map((m) => [m.mention, m.names])).toEqual([['司法局', []]]);
    // a department the table has under another name (审批 in 行政审批和政务信息管理局) is found as before
    expect(units.resolve('行政审批局')).toEqual(['市行政审批和政务信息管理局']);
    expect(units.resolve('税务局')).toEqual(['市税务局']);
  });

  it('reads 粮食局 as the 粮食和物资储备局 it became, so a table without one answers nothing', async () => {
    const { normalize } = await seed();
    const units = createNameResolver({ names: ['区发展改革局'], normalize, successions: loadSuccessions() });
    expect(units.resolveHow('粮食局')).toEqual({ names: [], how: 'none', successor: '粮食和物资储备局' });
  });
});
