import { createEngine } from '../../src/qa/engine';
import { renderAnswer } from '../../src/view/render-answer';
import { usageFor } from '../../src/wording/chat';
import { countyReport } from './county-table';
import { seed } from './seed';

/**
 * Issue 22, class 12: the replies that teach how to ask (help, "nothing found", an unknown 序号, the
 * usage hints) show names and numbers from the table in use, and the figures call its leaders by its
 * own level; with another table loaded they never mention the shipped table's 王昌华 or 第57项.
 */
describe('examples from the loaded table', () => {
  const shipped = ['王昌华', '第57项', '工信局', '市政府领导', '5G'];
  const county = async () => {
    const { normalize, aliases } = await seed();
    return createEngine({ report: await countyReport(), normalize, aliases });
  };
  const plain = (engine: Awaited<ReturnType<typeof county>>, q: string): string => renderAnswer(engine.ask(q), { format: 'plain' }).text;

  it('teaches with the county table’s own units, leaders and 序号', async () => {
    const engine = await county();
    const ex = engine.examples();
    // the county table's busiest unit and leader, and a 序号 it has
    expect(ex.units[0]).toMatch(/^县/u);
    expect(engine.report.targets.some((t) => t.id === ex.item)).toBe(true);
    expect(ex.level).toBe('县');
    for (const q of ['怎么用', '火星基地建设', '第99项']) {
      const text = plain(engine, q);
      for (const word of shipped) expect([q, text.includes(word)]).toEqual([q, false]);
      expect(text).toContain(ex.units[0]);
    }
    expect(plain(engine, '帮助')).toContain(`${ex.leaders[0]}负责的目标`);
    expect(Object.values(usageFor(ex)).join(' ')).not.toMatch(/王昌华|57|工信局/u);
  });

  it('calls a county’s leaders 县领导 in the figures, and a city’s 市政府领导', async () => {
    const engine = await county();
    const stats = plain(engine, '统计');
    expect(stats).toContain('按县领导');
    expect(stats).not.toContain('市政府领导');
    expect(plain(engine, '各位副县长分别有几条')).toContain('各县领导');
    const { engine: city } = await seed();
    expect(renderAnswer(city.ask('统计'), { format: 'plain' }).text).toContain('按市政府领导');
  });

  it('gives the shipped table its own examples too', async () => {
    const { engine } = await seed();
    const text = renderAnswer(engine.ask('帮助'), { format: 'plain' }).text;
    const ex = engine.examples();
    expect(text).toContain(`${ex.leaders[0]}负责的目标`);
    expect(text).toContain(`第${ex.item}项`);
  });
});
