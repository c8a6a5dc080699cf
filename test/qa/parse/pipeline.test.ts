import { createQuestionParser } from '../../../src/qa/parse-question';
import { runUntil, seedContext } from './context';

describe('question parser pipeline', () => {
  it('runs named passes in a fixed order: fixed-meaning words before names, names before the topic', async () => {
    const names = createQuestionParser(await seedContext()).passes.map((p) => p.name);
    expect(names.indexOf('numbers')).toBeLessThan(names.indexOf('status'));
    expect(names.indexOf('deadline')).toBeLessThan(names.indexOf('report words'));
    expect(names.indexOf('leaders')).toBeLessThan(names.indexOf('units'));
    expect(names.indexOf('fillers')).toBeLessThan(names.indexOf('loose names'));
    // a name set aside is not read as the one asked about; initials only from what no other pass read
    expect(names.indexOf('except')).toBeLessThan(names.indexOf('leaders'));
    expect(names.indexOf('fillers')).toBeLessThan(names.indexOf('initials'));
    expect(names.indexOf('initials')).toBeLessThan(names.indexOf('loose names'));
    expect(names.at(-2)).toBe('topic');
    expect(names.at(-1)).toBe('kind');
  });

  it('stops after a pass that answered the whole question', async () => {
    const s = await runUntil('57号的变化', 'kind');
    expect(s.done).toBe(true);
    expect(s.query).toEqual({ kind: 'item', item: '57', history: 'all' });
  });

  it('leaves each pass only what earlier passes did not use', async () => {
    const s = await runUntil('工信局年底滞后的5G基站', 'units');
    expect(s.query.status).toBe('lagging');
    expect(s.query.deadline).toMatchObject({ date: '2022-12-31' });
    expect([...s.units]).toEqual(['市工业和信息化局']);
    expect(s.text.replace(/\s+/g, ' ').trim()).toBe('的5g基站');
  });
});
