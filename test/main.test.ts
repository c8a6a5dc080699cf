import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MESSAGES } from '../src/wording/chat';
import { RATE_LIMIT_DEFAULTS } from '../src/bot/middleware/rate-limit';
import { readStore } from '../src/store';
import { lockHolder } from '../src/store/lowdb/lock';
import { startFakeBotApi } from './fake-bot-api/server';
import { ROOT, seedEngine } from './bot/seed';
import * as views from '../src/view';

/**
 * `npm start` as a real process (tsx src/main.ts): the composition root wires
 * config, logger, store, engine and bot; SIGTERM shuts it down cleanly.
 */
// `node --import tsx` rather than the tsx binary: the binary runs the program in a child process, so a
// signal (SIGKILL above all) would reach tsx and not the bot.
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = join(ROOT, 'src/main.ts');

interface Run {
  child: ChildProcess;
  /** stdout and stderr together, in arrival order */
  output: () => string;
  stdout: () => string;
  exit: Promise<number | null>;
}

const run = (env: Record<string, string>, cwd: string, stdin?: string): Run => spawnMain([], env, cwd, stdin);

/** the local console's log (no BOT_TOKEN), beside the store */
const logOf = (dir: string): string => (existsSync(join(dir, 'console.log')) ? readFileSync(join(dir, 'console.log'), 'utf8') : '');

const spawnMain = (args: string[], env: Record<string, string>, cwd: string, stdin?: string): Run => {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN, ...args], {
    cwd,
    // a clean environment: nothing from the developer's shell or .env leaks in
    env: { PATH: process.env.PATH ?? '', HOME: cwd, DATA_FILE: join(ROOT, 'data/heze-2022-q3.tsv'), DB_PATH: join(cwd, 'db.json'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
    stdout += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  if (stdin !== undefined) child.stdin!.end(stdin);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, stdout: () => stdout, exit };
};

describe('main (npm start)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bot-main-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)('seeds the store, answers over Telegram, and exits 0 on %s with the store flushed', async (signal) => {
    const api = await startFakeBotApi();
    const proc = run({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'debug' }, dir);
    try {
      await api.waitFor('setMyCommands', undefined, 20_000);
      const reply = api.waitFor('sendMessage', (p) => p.chat_id === 7001, 10_000);
      api.userMessage({ chatId: 7001, text: '/item 57' });
      expect(String((await reply).payload.text)).toContain('57');
      proc.child.kill(signal);
      expect(await proc.exit).toBe(0);
      const stored = (await readStore({ dbPath: join(dir, 'db.json') })).history;
      expect(stored.map((r) => r.source.file)).toEqual(['heze-2022-q3.tsv']);
      expect(await lockHolder(join(dir, 'db.json'))).toBeUndefined();
      expect(proc.output()).toContain('bot started with long polling');
      expect(proc.output()).not.toContain(api.token.split(':')[1]);
    } finally {
      proc.child.kill('SIGKILL');
      await api.close();
    }
  });

  it('throttles a flooding user with one notice while others are still answered', async () => {
    const api = await startFakeBotApi();
    const proc = run({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'warn' }, dir);
    try {
      await api.waitFor('setMyCommands', undefined, 20_000);
      for (let i = 0; i < 30; i += 1) api.userMessage({ chatId: 7002, userId: 7002, text: `第${39 + i}项` });
      api.userMessage({ chatId: 7003, userId: 7003, text: '/item 57' });
      await api.waitFor('sendMessage', (p) => p.chat_id === 7003, 10_000);
      await api.waitFor('sendMessage', (p) => p.text === RATE_LIMIT_DEFAULTS.notice, 10_000);
      const flooder = api.sent(7002);
      // the burst is answered, the rest dropped before any search runs, and the notice comes once
      expect(flooder.filter((p) => p.text === RATE_LIMIT_DEFAULTS.notice)).toHaveLength(1);
      expect(flooder.length).toBeLessThanOrEqual(RATE_LIMIT_DEFAULTS.burst + 2);
    } finally {
      proc.child.kill('SIGKILL');
      await api.close();
    }
  });

  it('refuses to start on bad configuration, naming the variables and not echoing the token', async () => {
    const secretish = '12345:not-a-real-token';
    const proc = run({ BOT_TOKEN: secretish, ADMIN_IDS: '1,abc' }, dir);
    expect(await proc.exit).toBe(1);
    expect(proc.output()).toMatch(/BOT_TOKEN：格式不对/);
    expect(proc.output()).toMatch(/ADMIN_IDS：.*“abc”/);
    expect(proc.output()).not.toContain('not-a-real-token');
  });

  it('opens the local console without BOT_TOKEN, after a one-line notice, with the log kept off stdout', async () => {
    const proc = run({ LOG_LEVEL: 'info' }, dir, '工信局\n');
    expect(await proc.exit).toBe(0);
    const { engine } = await seedEngine();
    const out = proc.stdout();
    // the terminal is the chat: the log goes to a file beside the store, nothing of it to stdout or stderr
    expect(proc.output()).not.toContain('"level"');
    expect(logOf(dir)).toContain('store was empty; seeded from DATA_FILE');
    expect(out.split('\n')[0]).toBe(MESSAGES.connectHint);
    expect(out).toContain(views.renderAnswer(engine.ask('工信局'), { format: 'plain', page: 1 }).text.split('\n')[0]!);
  });

  it('refuses a store that does not parse, naming the path and leaving it byte-identical; --recover-db moves it aside', async () => {
    const dbPath = join(dir, 'db.json');
    writeFileSync(dbPath, '{"schemaVersion":1,"reports":[');
    const proc = run({ LOG_LEVEL: 'warn' }, dir, '');
    expect(await proc.exit).toBe(1);
    expect(logOf(dir)).toContain(`the store ${dbPath} is not valid JSON`);
    expect(proc.output()).toContain(`启动失败：数据存储 ${dbPath} 已损坏或无法读取，已原样保留。`);
    expect(readFileSync(dbPath, 'utf8')).toBe('{"schemaVersion":1,"reports":[');

    const recovered = spawnMain(['--recover-db'], { LOG_LEVEL: 'warn' }, dir, '第57项\n');
    expect(await recovered.exit).toBe(0);
    expect(recovered.output()).toContain('规模以上工业增加值增长8%左右');
    expect(readdirSync(dir).some((n) => n.startsWith('db.json.corrupt-'))).toBe(true);
  });

  it('refuses a journal line `null` naming the file and line, and --recover-db starts saying what it skipped', async () => {
    const journal = join(dir, 'db.json.journal.1');
    const seeded = run({ LOG_LEVEL: 'warn' }, dir, '');
    expect(await seeded.exit).toBe(0);
    writeFileSync(journal, 'null\n{"op":"active","chatId":5,"active":false,"at":"2026-01-01T00:00:00.000Z"}\n');

    const refused = run({ LOG_LEVEL: 'warn' }, dir, '');
    expect(await refused.exit).toBe(1);
    expect(logOf(dir)).toContain(`the store's journal ${journal} is damaged (line 1: null is not a change)`);
    expect(refused.output()).toContain(`启动失败：数据存储 ${journal} 已损坏或无法读取，已原样保留。`);
    expect(refused.output()).toContain('--recover-db');
    expect(refused.output()).not.toMatch(/[a-z]{4,} [a-z]{4,}/);

    const recovered = spawnMain(['--recover-db'], { LOG_LEVEL: 'warn' }, dir, '第57项\n');
    expect(await recovered.exit).toBe(0);
    expect(logOf(dir)).toContain(`skipped a damaged line of the store's journal: ${journal} line 1 (null is not a change)`);
    expect(recovered.output()).toContain('规模以上工业增加值增长8%左右');
    expect((await readStore({ dbPath: join(dir, 'db.json') })).history).toHaveLength(1);
  });

  it('refuses to start a second instance on the same DB_PATH while the first runs', async () => {
    const api = await startFakeBotApi();
    const first = run({ BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: 'warn' }, dir);
    try {
      await api.waitFor('setMyCommands', undefined, 20_000);
      const second = run({ LOG_LEVEL: 'warn' }, dir, '');
      expect(await second.exit).toBe(1);
      expect(logOf(dir)).toMatch(new RegExp(`is in use by process ${first.child.pid} \\(bot`));
      expect(second.output()).toContain(`启动失败：数据存储 ${join(dir, 'db.json')} 正被另一个进程使用。`);
    } finally {
      first.child.kill('SIGKILL');
      await api.close();
    }
  });
});
