import { idsOf } from '../../src/qa/answer';
import { normalizeMany } from '../../src/qa/engine';
import { isLagging } from '../../src/model';
import { seed } from './seed';

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('engine.ask', () => {
  it("lists a unit's targets ascending by 序号, counting a target with several units for each", async () => {
    const { engine } = await seed();
    const a = engine.ask('市科技局的目标');
    expect(a.kind).toBe('list');
    expect(idsOf(a)).toEqual(['52', '53', '54', '55', '56', '72']);
  });

  it("lists by leader, status and deadline from the table's own values", async () => {
    const { engine, report } = await seed();
    expect(idsOf(engine.ask('聂元科分管的工作'))).toEqual(range(39, 51));
    expect(idsOf(engine.ask('未按计划完成的项目'))).toEqual(report.targets.filter(isLagging).map((t) => t.id));
    expect(idsOf(engine.ask('按计划推进的'))).toEqual(report.targets.filter((t) => !isLagging(t)).map((t) => t.id));
    expect(idsOf(engine.ask('9月底到期的'))).toEqual(['74']);
    expect(idsOf(engine.ask('2023年6月底'))).toEqual(['76']);
    expect(idsOf(engine.ask('长期坚持的任务'))).toEqual(['43']);
    expect(engine.understand('年底到期的').deadline).toEqual({ date: '2022-12-31', label: '年底' });
  });

  it('combines filters', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('王昌华负责的滞后项目'))).toEqual(['57']);
    expect(idsOf(engine.ask('卫健委年底要完成的目标'))).toEqual(['73', '75', '77', '78', '79', '80']);
    expect(idsOf(engine.ask('工信局未按计划'))).toEqual(['57']);
  });

  it('answers an empty combination with an empty list, not with nothing-found', async () => {
    const { engine } = await seed();
    const a = engine.ask('科技局没有滞后的目标');
    expect(a.kind).toBe('list');
    expect(a.query).toMatchObject({ units: ['市科技局'], status: 'lagging' });
    expect(a.hits).toEqual([]);
  });

  it('finds one target by its number in every usual spelling, and says when it does not exist', async () => {
    const { engine } = await seed();
    for (const q of ['第57项', '57号', '序号57', '#57', '/item 57', '第五十七项', '５７号', 'item57']) expect([q, engine.ask(q).kind, idsOf(engine.ask(q))]).toEqual([q, 'item', ['57']]);
    const unknown = engine.ask('第100项');
    expect(unknown.kind).toBe('item');
    expect(unknown.hits).toEqual([]);
    expect(unknown.idRange).toEqual({ first: '39', last: '86' });
  });

  it('searches topics best first, with the matched words', async () => {
    const { engine } = await seed();
    const a = engine.ask('5G基站');
    expect(a.kind).toBe('search');
    expect(a.hits[0]?.target.id).toBe('58');
    expect(a.hits[0]?.matched).toContain('5g基站');
  });

  it('answers topics asked together in separate pieces with the targets of each', async () => {
    const { engine } = await seed();
    // 44's text names 希望小屋 and 42's 引进高端人才: no target holds both, each piece names one
    expect(idsOf(engine.ask('希望小屋，还有引进高端人才，帮我调出来'))).toEqual(['44', '42']);
    // one piece: the words are one topic, and a target lacking some of them is not added
    expect(idsOf(engine.ask('希望小屋建设'))).toEqual(['44']);
  });

  it('searches within a filter', async () => {
    const { engine } = await seed();
    const a = engine.ask('卫健委 托育');
    expect(a.query).toMatchObject({ units: ['市卫生健康委'], terms: ['托育'] });
    expect(idsOf(a)).toEqual(['78']);
  });

  it('gives the overview with counts by unit and by leader', async () => {
    const { engine } = await seed();
    const a = engine.ask('统计');
    expect(a.kind).toBe('stats');
    expect(a.stats).toMatchObject({ total: 48, assignments: 50, lagging: 2 });
    expect(a.stats?.onScheduleRate).toBeCloseTo(46 / 48);
    expect(a.stats?.byLeader.find((g) => g.name === '王昌华')).toEqual({ name: '王昌华', total: 36, lagging: 1, yellow: 1 });
    expect(a.stats?.byUnit.find((g) => g.name === '市工业和信息化局')).toEqual({ name: '市工业和信息化局', total: 13, lagging: 1, yellow: 1 });
    // the overview of a filter counts only its targets
    expect(engine.ask('工信局完成率').stats).toMatchObject({ total: 13, lagging: 1 });
  });

  it('answers help', async () => {
    const { engine } = await seed();
    for (const q of ['帮助', '怎么用', '/help', '/start']) expect([q, engine.ask(q).kind]).toEqual([q, 'help']);
  });

  it('finds nothing for off-topic questions instead of padding with weak matches', async () => {
    const { engine } = await seed();
    for (const q of ['今天天气怎么样', '无人机', '😀', '<b>hi</b>', '<script>alert(1)</script>', '', '   ', '请问']) {
      const a = engine.ask(q);
      expect([q, a.kind, a.hits]).toEqual([q, 'none', []]);
    }
  });

  it('says a named unit is not in the table rather than answering without it', async () => {
    const { engine } = await seed();
    const a = engine.ask('发改委滞后的目标');
    expect(a.kind).toBe('none');
    expect(a.query.unresolved).toBe('发改委');
  });

  it('ignores filler, traditional characters, full-width letters, case and punctuation', async () => {
    const { engine } = await seed();
    const expected = idsOf(engine.ask('市科技局的目标'));
    for (const q of ['请问市科技局有哪些目标？', '帮我查一下科技局的任务', '市科技局的目標', '  市 科技局 ！', '科技局怎么样了']) expect([q, idsOf(engine.ask(q))]).toEqual([q, expected]);
    expect(idsOf(engine.ask('ＰＭ２.５'))[0]).toBe('69');
  });
});

describe('engine.askAs', () => {
  it('serves every bot command', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.askAs('item', '57'))).toEqual(['57']);
    expect(idsOf(engine.askAs('unit', '工信局'))).toEqual(['57', '58', '59', '60', '61', '62', '63', '64', '65', '66', '67', '68', '84']);
    expect(idsOf(engine.askAs('leader', '王昌化'))).toHaveLength(36);
    expect(idsOf(engine.askAs('lagging', ''))).toEqual(['47', '57']);
    expect(idsOf(engine.askAs('lagging', '工信局'))).toEqual(['57']);
    expect(engine.askAs('stats', '').kind).toBe('stats');
    expect(idsOf(engine.askAs('search', '5G'))[0]).toBe('58');
    expect(engine.askAs('help', '').kind).toBe('help');
  });

  it('routes slash commands typed as questions', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('/unit 卫健委'))).toEqual(['73', '74', '75', '76', '77', '78', '79', '80']);
    expect(engine.ask('/stats@target_bot').kind).toBe('stats');
  });

  it("says so when a command's argument names nothing", async () => {
    const { engine } = await seed();
    expect(engine.askAs('unit', '不存在的单位').kind).toBe('none');
    expect(engine.askAs('leader', '李四').kind).toBe('none');
    expect(engine.askAs('item', 'abc').kind).toBe('none');
    expect(engine.askAs('search', '无人机').kind).toBe('none');
  });
});

describe('engine.understand', () => {
  it('returns canonical names as written in the table, for subscriptions', async () => {
    const { engine } = await seed();
    expect(engine.understand('工信局')).toEqual({ kind: 'list', units: ['市工业和信息化局'] });
    expect(engine.understand('郓城县')).toEqual({ kind: 'list', units: ['鄆城县人民政府'] });
    expect(engine.understand('王昌华负责的滞后项目')).toEqual({ kind: 'list', leader: '王昌华', status: 'lagging' });
    expect(engine.understand('希望小屋')).toMatchObject({ kind: 'search', terms: ['希望', '小屋'] });
  });
});

describe('help and stats wording', () => {
  it('answers help only when nothing else is asked', async () => {
    const { engine } = await seed();
    expect(engine.ask('这个机器人怎么用').kind).toBe('help');
    // 怎么查 here only introduces a question about 卫健委
    expect(engine.ask('怎么查卫健委的目标').query.units).toEqual(['市卫生健康委']);
  });

  it('turns an overview word with a topic into a search', async () => {
    const { engine } = await seed();
    // 5G基站完成率 asks about the 5G target, not for the overview
    expect(engine.ask('5G基站完成率').kind).toBe('search');
    // how many of a unit's targets: the unit's list, counted (the count line is above it)
    const counted = engine.ask('卫健委有多少个目标');
    expect([counted.kind, counted.query.count, counted.hits.length]).toEqual(['list', true, 8]);
  });
});

describe('every target', () => {
  it('lists all targets in order when asked for all and nothing else', async () => {
    const { engine, report } = await seed();
    const a = engine.ask('所有目标');
    expect(a.kind).toBe('list');
    expect(idsOf(a)).toEqual(report.targets.map((t) => t.id));
    // with a filter, 所有 is just emphasis
    expect(idsOf(engine.ask('工信局所有目标'))).toHaveLength(13);
  });
});

describe('normalizeMany', () => {
  it('normalises in batches and stays aligned even when a text holds the separator', async () => {
    const { normalize } = await seed();
    const texts = ['鄆城縣', 'ＡＢ\u2028Ｃ', '', '５Ｇ基站'];
    expect(normalizeMany(normalize, texts, 2)).toEqual(['郓城县', 'ab\nc', '', '5g基站']);
  });
});
