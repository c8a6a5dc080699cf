import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb';
import { parseTable } from '../../src/table/load-table';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const tmp = mkdtempSync(join(tmpdir(), 'ask-cli-'));
// no store at this path: the CLI falls back to the seed table, whatever the developer's data/db.json holds
const env = { ...process.env, DB_PATH: join(tmp, 'absent-db.json') };

const run = (args: string[], input?: string, viaNpm = false) =>
  viaNpm
    ? spawnSync('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: ROOT, env, input, encoding: 'utf8' })
    : spawnSync(TSX, ['src/cli/ask.ts', ...args], { cwd: ROOT, env, input, encoding: 'utf8' });

describe('npm run ask', () => {
  it('answers --json with exactly one JSON object per stdin line, in order, and nothing else', () => {
    const questions = ['市科技局的目标', '第57项', '5G基站', '统计', '帮助', '今天天气怎么样', '', '第100项'];
    const out = run(['--json'], `${questions.join('\n')}\n`, true);
    expect(out.status).toBe(0);
    const lines = out.stdout.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(questions.length);
    const answers = lines.map((l) => JSON.parse(l) as { q: string; kind: string; ids: string[]; text: string; ms: number });
    expect(answers.map((a) => a.q)).toEqual(questions);
    for (const a of answers) {
      expect(Object.keys(a)).toEqual(['q', 'kind', 'ids', 'text', 'ms']);
      expect(typeof a.text).toBe('string');
      expect(a.ms).toBeGreaterThanOrEqual(0);
      expect(a.ids.every((id) => typeof id === 'string')).toBe(true);
    }
    expect(answers.map((a) => a.kind)).toEqual(['list', 'item', 'search', 'stats', 'help', 'none', 'none', 'item']);
    expect(answers[0]?.ids).toEqual(['52', '53', '54', '55', '56', '72']);
    expect(answers[1]?.ids).toEqual(['57']);
    expect(answers[2]?.ids[0]).toBe('58');
    expect(answers[7]?.ids).toEqual([]);
    // through npm: the first run after a change compiles dist/ first (slow on a busy machine), printing nothing to stdout
  }, 180_000);

  it('lists every id even when the text shows only the first page', () => {
    const out = run(['--json'], '王昌华\n');
    const a = JSON.parse(out.stdout) as { ids: string[]; text: string };
    expect(a.ids).toHaveLength(36);
    expect(a.text).toContain('第 1/4 页');
  });

  it('prints the plain-text reply for a question given as arguments', () => {
    const out = run(['市科技局的目标']);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('市科技局 · 6 项 · 滞后 0');
    expect(out.stderr).toBe('');
  });

  it('answers from another table with --data', () => {
    const seed = readFileSync(resolve(ROOT, 'data/heze-2022-q3.tsv'), 'utf8').split('\n');
    const header = seed.findIndex((l) => l.startsWith('序号'));
    const file = join(tmp, 'small.tsv');
    // the title (it names the year), the header, the 科技局 rows 52–56 and nothing else
    const title = seed.find((l) => l.includes('一览表'));
    writeFileSync(file, [title, seed[header], ...seed.filter((l) => /^5[2-6]\t/.test(l))].join('\n'));
    const out = run(['--data', file, '--json'], '科技局\n工信局\n');
    const [kj, gx] = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ids: string[]; kind: string });
    expect(kj?.ids).toEqual(['52', '53', '54', '55', '56']);
    // 工信局 is an alias, but this table has no such unit
    expect(gx?.kind).toBe('none');
  });

  it("answers from the store's current report when there is one", async () => {
    const seedLines = readFileSync(resolve(ROOT, 'data/heze-2022-q3.tsv'), 'utf8').split('\n');
    const title = seedLines.find((l) => l.includes('一览表'));
    const header = seedLines.find((l) => l.startsWith('序号'));
    // a store whose current report holds only the 团市委 rows 43–45
    const report = await parseTable(Buffer.from([title, header, ...seedLines.filter((l) => /^4[3-5]\t/.test(l))].join('\n')), 'small.tsv');
    const dbPath = join(tmp, 'db.json');
    const store = await openLowdbStore({ dbPath, purpose: 'test' });
    await store.reports.add(report);
    await store.close();
    const out = spawnSync(TSX, ['src/cli/ask.ts', '--json'], { cwd: ROOT, env: { ...env, DB_PATH: dbPath }, input: '团市委\n工信局\n', encoding: 'utf8' });
    const [tw, gx] = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ids: string[]; kind: string });
    expect(tw?.ids).toEqual(['43', '44', '45']);
    expect(gx?.kind).toBe('none');
  });

  it("answers 变化 questions from the store's report history, and from --data as one period", async () => {
    const seedText = readFileSync(resolve(ROOT, 'data/heze-2022-q3.tsv'), 'utf8');
    // the quarter before, built from the seed: 57 still 是, 58 at 800 base stations
    const q2Text = seedText
      .replace('第三季度', '第二季度')
      .split('\n')
      .map((l) => (l.startsWith('57\t') ? l.replace(/\t否\t/, '\t是\t') : l.startsWith('58\t') ? l.replace('新建并开通5G基站1658个', '新建并开通5G基站800个') : l))
      .join('\n');
    const dbPath = join(tmp, 'db-history.json');
    const store = await openLowdbStore({ dbPath, purpose: 'test' });
    await store.reports.add(await parseTable(Buffer.from(q2Text), 'heze-2022-q2.tsv'));
    await store.reports.add(await parseTable(Buffer.from(seedText), 'heze-2022-q3.tsv'));
    await store.close();
    const out = spawnSync(TSX, ['src/cli/ask.ts', '--json'], { cwd: ROOT, env: { ...env, DB_PATH: dbPath }, input: '57号的变化\n工信局上季度以来的变化\n', encoding: 'utf8' });
    const [item, unit] = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { ids: string[]; kind: string; text: string });
    expect([item?.kind, item?.ids]).toEqual(['item', ['57']]);
    // 6.8% against 增长8% was already yellow while marked 是
    expect(item?.text).toContain('黄灯→红灯 · 按计划→滞后');
    // 84 has the same text in both, but 59% of its goal was ahead of pace at 06-30 and is behind at 09-30
    expect([unit?.kind, unit?.ids]).toEqual(['list', ['57', '58', '84']]);
    expect(unit?.text).toContain('绿灯→黄灯');
    expect(unit?.text).toContain('800 → 1658 个（+858）');
    const single = run(['--data', resolve(ROOT, 'data/heze-2022-q3.tsv'), '57号的变化']);
    expect(single.stdout).toContain('目前只有一期数据');
  });

  it('fails with a message on stderr for a bad table or no question', () => {
    const missing = run(['--data', join(tmp, 'nope.tsv'), 'x']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(`找不到文件 ${join(tmp, 'nope.tsv')}。\n`);
    const empty = run([]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('用法：npm run ask');
  });
});
