import { createEngine, type Engine } from '../../src/qa/engine';
import { renderAnswer } from '../../src/view';
import { countyReport } from './county-table';
import { seed } from './seed';

/** Issue 22, class 6: any filter can be set aside, and a negation the parser cannot place is said. */
describe('negation of any filter', () => {
  const sorted = (ids: string[]): string[] => [...ids].sort((a, b) => Number(a) - Number(b));

  it('sets aside a deadline, alone or with other filters (the table of the shipped data)', async () => {
    const { engine } = await seed();
    const ids = (q: string): string[] => sorted(engine.ask(q).hits.map((h) => h.target.id));
    expect(ids('聂元科分管的不是年底到期的')).toEqual(['43', '45']);
    expect(ids('除了年底到期的，其余目标都列出来')).toEqual(['43', '45', '74', '76']);
    expect(ids('王昌华副市长的目标中完成时限不是年底的')).toEqual(['74', '76']);
    expect(ids('卫健委年底以外的目标')).toEqual(['74', '76']);
  });

  it('sets aside a filter with a word of time between the negation and it, or a refusal after it', async () => {
    const { engine } = await seed();
    const ids = (q: string): string[] => sorted(engine.ask(q).hits.map((h) => h.target.id));
    // 47 is 聂元科's one lagging target: 目前 says when, the status is still what is set aside
    expect(ids('聂元科分管的除了目前滞后的')).toEqual(['39', '40', '41', '42', '43', '44', '45', '46', '48', '49', '50', '51']);
    // 团市委's 43 runs on without a deadline (长期坚持); the refusal after it, pointed at it or not, sets it aside
    expect(ids('团市委的目标，长期坚持的那些就不要了')).toEqual(['44', '45']);
    expect(ids('聂元科分管的，年底到期的去掉')).toEqual(['43', '45']);
    expect(ids('聂元科分管的里面不属于年底到期的')).toEqual(['43', '45']);
    // a refusal that ends its clause is no 不要A要B correction: nothing is read as the set-aside value
    expect(engine.ask('团市委的，长期坚持那个不要，只看有期限的').query.dropped).toBeUndefined();
  });

  describe('on a county table', () => {
    let engine: Engine;
    const ids = (q: string): string[] => sorted(engine.ask(q).hits.map((h) => h.target.id));
    beforeAll(async () => {
      const { normalize, aliases } = await seed();
      engine = createEngine({ report: await countyReport(), normalize, aliases });
    });

    it('reads a denied verdict as the other side of the 是/否 line', () => {
      expect(ids('哪些任务没达到序时进度')).toEqual(['2', '4']);
      expect(ids('没达到序时进度的但不是民生实事的')).toEqual(['4']);
    });

    it('sets aside a section, a verdict, a unit and its part', () => {
      expect(ids('民生实事以外的任务')).toEqual(['4', '5', '6']);
      expect(ids('刘梅分管的已完成以外的任务')).toEqual(['1']);
      expect(ids('李卫东分管的任务里住建局没参与的')).toEqual(['6']);
      expect(ids('不需要各乡镇配合的任务')).toEqual(['1', '2', '4', '5', '6']);
    });

    it('sets a unit aside in the role said after it, keeping the targets where it plays another part', () => {
      // the 住建局 leads 2 and only helps with 1 and 4, which stay
      expect(ids('不是住建局牵头的任务')).toEqual(['1', '3', '4', '5', '6']);
      const answer = engine.ask('李卫东分管的，不是住建局牵头的');
      expect(answer.query.except).toEqual({ units: ['县住建局'], role: 'lead' });
      expect(renderAnswer(answer, { format: 'plain' }).text).toContain('县住建局（牵头）以外');
    });
  });

  it("sets aside a topic in the table's words, with other filters or alone", async () => {
    const { engine } = await seed();
    const ids = (q: string): string[] => sorted(engine.ask(q).hits.map((h) => h.target.id));
    // 44 is the 团市委's 希望小屋 target: its words set aside, the other two stay
    const answer = engine.ask('团市委的，去掉希望小屋那个');
    expect(answer.query.except).toEqual({ terms: ['希望', '小屋'] });
    expect(ids('团市委的，去掉希望小屋那个')).toEqual(['43', '45']);
    expect(renderAnswer(answer, { format: 'plain' }).text).toContain('希望小屋以外');
    // 58 is the only target saying 5G基站
    expect(ids('除了基站之外工信局的目标')).not.toContain('58');
  });

  it('says a negation it could not place instead of dropping it', async () => {
    const { engine } = await seed();
    const answer = engine.ask('卫健委的目标除了托育相关以外都有哪些');
    expect(answer.query.unplacedNegation).toMatch(/^(?:除了|以外)$/);
    expect(renderAnswer(answer, { format: 'plain' }).text).toMatch(/没能确定“(?:除了|以外)”要排除哪一项/);
  });
});

describe('negation of a denied status word', () => {
  it('sets aside the other side of the status when the word is denied (除了没达到序时进度的)', async () => {
    const { engine } = await seed();
    expect(engine.ask('王昌华分管的里头除了没达到序时进度的').query.except).toEqual({ status: 'lagging' });
  });
});
