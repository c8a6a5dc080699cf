import { idsOf } from '../../../src/qa/answer';
import { seed } from '../seed';

/**
 * The answer's kind (src/qa/parse/kind.ts#decideKind): a request for numbers gets numbers over
 * whatever the filters select, whatever words ask for them; a count that asks to see the targets, and
 * a word for the state of things about some targets, get the list.
 */
describe('kind pass: numbers or a list', () => {
  it.each([
    // a total about a filter is the figures of that filter, not its list
    ['张鹏一共负责几条目标', { leader: '张鹏' }],
    ['工信局总共有多少项', { units: ['市工业和信息化局'] }],
    // two counts at once: the second count's status is one of the figures, not a filter
    ['王昌华分管的共有多少条，其中滞后的有几条', { leader: '王昌华' }],
    ['一共多少项，完成了几项', {}],
  ])('answers %s with statistics over %o', async (q, filter) => {
    const { engine } = await seed();
    const a = engine.ask(q);
    expect(a.kind).toBe('stats');
    expect({ units: a.query.units, leader: a.query.leader, status: a.query.status, stage: a.query.stage }).toEqual({
      units: undefined,
      leader: undefined,
      status: undefined,
      stage: undefined,
      ...filter,
    });
    expect(a.stats?.total).toBeGreaterThan(0);
  });

  it.each([
    // one count of a filter is that list, counted
    ['商务局有几条目标', ['47', '72']],
    // a count that also asks to see them
    ['鲁西新区一共几项，都列一下', ['47', '48', '49', '50', '51']],
    // the state of things about some targets is those targets (完成情况 of 9月底's targets)
    ['9月底到期的目标推进情况怎样', ['74']],
  ])('answers %s with the list %o', async (q, ids) => {
    const { engine } = await seed();
    const a = engine.ask(q);
    expect(a.kind).toBe('list');
    expect(idsOf(a)).toEqual(ids);
  });

  it('reads the words for the state of things alone as the overview (完成情况)', async () => {
    const { engine } = await seed();
    expect(engine.ask('目前完成情况如何').kind).toBe('stats');
  });

  it('answers a total whose other words name nothing in the table with the overview (表里 is no topic)', async () => {
    const { engine } = await seed();
    const a = engine.ask('这张表格里总共有多少项目标呀');
    expect(a.kind).toBe('stats');
    expect(a.stats?.total).toBe(48);
  });

  it('does not read a count about a topic the table lacks as a request for the overview', async () => {
    const { engine } = await seed();
    // 多少 asks how far something got; the words name nothing, so nothing is found (not the overview)
    expect(engine.ask('潜水艇造了多少艘').kind).toBe('none');
  });

  it('reads a statistics word inside a unit name as the unit (统计局), and the whole place as every target (全市)', async () => {
    const { engine } = await seed();
    const a = engine.ask('统计局参与了哪些目标');
    expect(a.kind).not.toBe('stats');
    expect(engine.ask('咱们市一共多少项').kind).toBe('stats');
  });

  it('reads leaders asked about as a group by their title as a comparison by leader (各位副市长, 副市长们)', async () => {
    const { engine } = await seed();
    for (const q of ['各位副市长分别管几条', '副市长们手上各有多少目标']) {
      const a = engine.ask(q);
      expect([q, a.kind, a.query.rank?.by]).toEqual([q, 'stats', 'leader']);
    }
  });

  it('reads leaders grouped by a title with its level as a comparison by leader (每个市领导)', async () => {
    const { engine } = await seed();
    const a = engine.ask('每个市领导各负责多少项');
    expect([a.kind, a.query.rank?.by]).toEqual(['stats', 'leader']);
  });

  it('answers a rate of a status with the figures, the status being the rate and not a filter (滞后率)', async () => {
    const { engine } = await seed();
    for (const q of ['滞后率是多少', '这期责任目标的按计划推进率是多少']) {
      const a = engine.ask(q);
      expect([q, a.kind, a.query.status]).toEqual([q, 'stats', undefined]);
    }
  });

  it('answers counts of several named leaders apart with figures, whatever words are left (各分管了多少项)', async () => {
    const { engine } = await seed();
    const a = engine.ask('聂元科和王昌华两位领导各分管了多少项,你给我报个数就行');
    expect(a.kind).toBe('stats');
    expect(a.query.terms).toBeUndefined();
  });

  it('lists a unit asked for in full (全部给我列一下) or by 哪几项 beside 一共: 全部 is all of its targets, not the table', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('团市委负责的那几个事儿全部给我列一下'))).toEqual(['43', '44', '45']);
    expect(idsOf(engine.ask('团市委在这个表里一共牵扯到哪几项任务'))).toEqual(['43', '44', '45']);
  });
});
