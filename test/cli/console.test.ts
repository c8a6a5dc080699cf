import { PassThrough } from 'node:stream';
import { runConsole } from '../../src/cli/console';
import { createEngine } from '../../src/qa/engine';
import { seed } from '../qa/seed';

const chat = async (input: string): Promise<string> => {
  const { engine } = await seed();
  const inStream = new PassThrough();
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  inStream.end(input);
  await runConsole({ engine: () => engine, input: inStream, output: out });
  return text;
};

describe('runConsole', () => {
  it('answers piped questions line by line without a prompt', async () => {
    const text = await chat('第57项\n\n市科技局的目标\n');
    expect(text).not.toContain('问>');
    const replies = text.trim().split('\n\n第').length;
    expect(text.indexOf('第 57 项')).toBeLessThan(text.indexOf('市科技局 · 6 项'));
    expect(replies).toBeGreaterThanOrEqual(1);
  });

  it('pages through the last list with n and p', async () => {
    const text = await chat('王昌华\nn\nn\np\n');
    expect(text).toContain('第 1/4 页');
    expect(text).toContain('第 2/4 页');
    expect(text).toContain('第 3/4 页');
    expect(text.lastIndexOf('第 2/4 页')).toBeGreaterThan(text.indexOf('第 3/4 页'));
  });

  it('stops at exit', async () => {
    const text = await chat('exit\n第57项\n');
    expect(text).toBe('');
  });

  it('answers from the engine current at each question, so an import meanwhile shows at once', async () => {
    const { report, normalize, aliases, engine } = await seed();
    // the next quarter: 57 has caught up
    const next = { ...report, targets: report.targets.map((t) => (t.id === '57' ? { ...t, assignments: t.assignments.map((a) => ({ ...a, onSchedule: true })) } : t)) };
    const engines = [engine, createEngine({ report: next, normalize, aliases })];
    const inStream = new PassThrough();
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    inStream.end('滞后\n滞后\n');
    let asked = 0;
    await runConsole({ engine: () => engines[Math.min(asked++, 1)]!, input: inStream, output: out });
    const [before, after] = text.trim().split('\n\n');
    expect(before).toContain('57 🔴');
    expect(after).not.toContain('57 ');
  });
});
