import { createEngine } from '../../src/qa/engine';
import { renderAnswer } from '../../src/view/render-answer';
import { ALERT_COMMANDS, ALERT_MESSAGES } from '../../src/wording/alerts';
import { LOOKUP_COMMANDS } from '../../src/wording/chat';
import { SUPERVISION_COMMANDS, SUPERVISION_MESSAGES } from '../../src/wording/supervision';
import { countyReport } from '../qa/county-table';
import { seed } from '../qa/seed';

/**
 * Issue 22, class 12, outside the answers: the texts that teach a user what to write (the command menu,
 * /subscribe's "not understood", /remind's usage, the 我们单位 question) never name the shipped table's
 * units, leaders or 序号 when another table is loaded.
 */
describe('teaching texts with another table loaded', () => {
  const shipped = /王昌华|工信局|市科技局|第?57项?|5G/u;
  const county = async () => {
    const { normalize, aliases } = await seed();
    return createEngine({ report: await countyReport(), normalize, aliases });
  };

  it('keeps the command menu free of any one table’s names: it is set once and outlives imports', () => {
    const menu = [...LOOKUP_COMMANDS, ...Object.values(ALERT_COMMANDS), ...Object.values(SUPERVISION_COMMANDS)];
    for (const { command, description } of menu) expect([command, shipped.test(description)]).toEqual([command, false]);
  });

  it('teaches /subscribe and /remind with the county table’s own names', async () => {
    const ex = (await county()).examples();
    for (const text of [ALERT_MESSAGES.notUnderstood('随便写写', ex), ALERT_MESSAGES.keywordHint(ex), SUPERVISION_MESSAGES.remindUsage(ex)]) {
      expect(text).not.toMatch(shipped);
    }
    expect(ALERT_MESSAGES.notUnderstood('随便写写', ex)).toContain(ex.units[0]);
    expect(SUPERVISION_MESSAGES.remindUsage(ex)).toContain(`${ex.leaders[0]}分管的`);
  });

  it('asks which unit or leader 我们 means with a name the county table has', async () => {
    const engine = await county();
    const ex = engine.examples();
    const unit = renderAnswer(engine.ask('我们单位的目标'), { format: 'plain' }).text;
    expect(unit).toContain(`如“${ex.units[0]}的目标”`);
    const leader = renderAnswer(engine.ask('我们领导分管的'), { format: 'plain' }).text;
    expect(leader).toContain(`如“${ex.leaders[0]}负责的目标”`);
    expect(`${unit}\n${leader}`).not.toMatch(shipped);
  });
});
