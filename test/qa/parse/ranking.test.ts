import { idsOf } from '../../../src/qa/answer';
import { renderAnswer } from '../../../src/view/render-answer';
import { seed } from '../seed';

describe('ranking pass and counts', () => {
  it.each([
    ['哪个单位滞后最多', { by: 'unit', order: 'lagging' }],
    ['各领导滞后情况排名', { by: 'leader', order: 'lagging' }],
    ['按领导统计一下', { by: 'leader', order: 'rate' }],
    ['各单位进度排名', { by: 'unit', order: 'rate' }],
    ['哪位领导分管的最多', { by: 'leader', order: 'total' }],
  ])('reads %s as statistics ranked %o', async (q, rank) => {
    const { engine } = await seed();
    const answer = engine.ask(q);
    expect([answer.kind, answer.query.rank, answer.query.status]).toEqual(['stats', rank, undefined]);
  });

  it('ranks the groups in the order asked, numbered, all of them', async () => {
    const { engine } = await seed();
    const byLagging = engine.ask('哪个单位滞后最多');
    // the three units with a lagging target come first; 工信局 before 市商务局 as it has a yellow one too
    expect(byLagging.stats?.byUnit.slice(0, 3).map((g) => g.name)).toEqual(['市工业和信息化局', '鲁西新区管委会', '市商务局']);
    const byTotal = engine.ask('哪位领导分管的最多');
    expect(byTotal.stats?.byLeader.map((g) => g.name)).toEqual(['王昌华', '聂元科', '张鹏']);
    const text = renderAnswer(byLagging, { format: 'plain' }).text;
    expect(text).toContain('1. 🔴 市工业和信息化局');
    expect(text).toContain(`${byLagging.stats?.byUnit.length}. `);
  });

  it('asks for the lagging targets, not a ranking, when a group word comes without an order (哪个单位滞后)', async () => {
    const { engine } = await seed();
    expect(idsOf(engine.ask('哪个单位滞后'))).toEqual(['47', '57']);
  });

  it('counts a filtered list (a line above it) and answers a bare count with the overview', async () => {
    const { engine } = await seed();
    const counted = engine.ask('工信局有几项目标');
    expect([counted.kind, counted.query.count, counted.hits.length]).toEqual(['list', true, 13]);
    expect(renderAnswer(counted, { format: 'plain' }).text.split('\n')[0]).toBe('市工业和信息化局共有 13 项目标。');
    expect(engine.ask('一共多少项目标').kind).toBe('stats');
    expect(engine.ask('全市一共有多少项目标，按计划推进的有多少').kind).toBe('stats');
    // a topic with a count asks about the topic
    expect(idsOf(engine.ask('希望小屋现在建了多少个了'))[0]).toBe('44');
  });
});
