import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLowdbButtons } from '../../../src/store/lowdb/buttons';
import { useTempDir } from '../../helpers/tmp';

/** The lowdb store's button journal (the contract suite covers what both backends do). */
describe('lowdb buttons journal', () => {
  const dir = useTempDir();

  it('skips a line torn by a crash and keeps every whole one', async () => {
    const path = join(dir(), 'db.json.buttons');
    const buttons = openLowdbButtons(path, 10);
    await buttons.add('a', { as: 'ask', question: '年底到期的' });
    buttons.close();
    appendFileSync(path, '{"id":"b","value":{"as":"ask","que');
    const again = openLowdbButtons(path, 10);
    expect(await again.get('a')).toEqual({ as: 'ask', question: '年底到期的' });
    expect(await again.get('b')).toBeUndefined();
    expect(await again.add('c', 'c')).toBe(true);
    again.close();
    const third = openLowdbButtons(path, 10);
    expect(await third.get('c')).toBe('c');
    third.close();
  });

  it('skips a damaged line in the middle and reports it with file and line (a button costs too little to refuse to start)', async () => {
    const path = join(dir(), 'db.json.buttons');
    const buttons = openLowdbButtons(path, 10);
    await buttons.add('a', 1);
    buttons.close();
    appendFileSync(path, 'null\n{"id":"b","val\n{"id":"c","value":3}\n');
    const skipped: unknown[] = [];
    const again = openLowdbButtons(path, 10, (d) => skipped.push(d));
    expect(skipped).toEqual([
      { file: path, line: 2, why: 'null is not a change' },
      { file: path, line: 3, why: expect.stringMatching(/^not JSON/) },
    ]);
    expect([await again.get('a'), await again.get('b'), await again.get('c')]).toEqual([1, undefined, 3]);
    again.close();
  });

  it('rewrites the journal with what it keeps once it holds twice the limit in lines', async () => {
    const path = join(dir(), 'db.json.buttons');
    const buttons = openLowdbButtons(path, 3);
    for (let i = 0; i < 5; i += 1) await buttons.add(`k${i}`, i);
    const lines = () => readFileSync(path, 'utf8').split('\n').filter(Boolean);
    expect(lines()).toHaveLength(5);
    await buttons.get('k2'); // the sixth line: rewritten to the three kept, least recently used first
    expect(lines().map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['k3', 'k4', 'k2']);
    buttons.close();
  });
});
