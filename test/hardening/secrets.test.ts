import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MESSAGES } from '../../src/wording/chat';
import type { QaEngine } from '../../src/bot/deps';
import { startHarness } from '../bot/harness';
import { seedEngine } from '../bot/seed';
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server';
import { useTempDir } from '../helpers/tmp';

/**
 * The bot token must never reach logs, error messages or crash output.
 *
 * Most cases run the real program (`tsx src/main.ts`, the composition root) as a child process against the
 * fake Bot API server and search everything it printed on stdout and stderr for the token — whole, its
 * secret half, and URL-encoded.
 */
const ROOT = resolve(__dirname, '../..');
const TOKEN = '555777:AAFakeTokenThatMustNeverLeak_xyz0123456';
const SECRET_HALF = TOKEN.split(':')[1] as string;

const leaks = (text: string): string[] => [TOKEN, SECRET_HALF, encodeURIComponent(TOKEN)].filter((form) => text.includes(form)).map((form) => `leaked "${form}" in: ${excerpt(text, form)}`);
const excerpt = (text: string, form: string): string => {
  const at = text.indexOf(form);
  return text.slice(Math.max(0, at - 120), at + form.length + 40);
};

interface Run {
  code: number | null;
  output: string;
}

/**
 * Runs `npm start`'s entry point with `env` and plays `during` against it; sends SIGTERM when `during` is done,
 * or after `killAfterMs` at the latest.
 */
const runMain = (dir: string, env: Record<string, string>, options: { killAfterMs: number; during?: () => Promise<void> }): Promise<Run> =>
  new Promise((resolveRun, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DB_PATH: join(dir, 'db.json'),
        DATA_FILE: join(ROOT, 'data/heze-2022-q3.tsv'),
        BOT_TOKEN: TOKEN,
        LOG_LEVEL: 'debug',
        // telegraf's own debug output goes straight to stderr, past our logger: it must be clean too.
        DEBUG: 'telegraf:*',
        ...env,
      },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), options.killAfterMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, output });
    });
    // Once the scenario is played, stop the program the way an operator would.
    options.during?.().then(
      () => child.kill('SIGTERM'),
      (err: unknown) => {
        output += `\n[test] during() failed: ${String(err)}`;
        child.kill('SIGTERM');
      },
    );
  });

describe('secrets: the bot token never leaks', () => {
  const tmp = useTempDir();
  let api: FakeBotApi | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('a 401 from the Bot API: exits 1 with an explanation, without the token', async () => {
    api = await startFakeBotApi(); // knows a different token → 401 Unauthorized
    const run = await runMain(tmp(), { TELEGRAM_API_ROOT: api.apiRoot }, { killAfterMs: 15_000 });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/401/);
    expect(run.output).toMatch(/BOT_TOKEN/);
    expect(leaks(run.output)).toEqual([]);
  }, 30_000);

  it('no Bot API server at all (connection refused): exits 1 without the token in the error', async () => {
    const run = await runMain(tmp(), { TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }, { killAfterMs: 15_000 });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/ECONNREFUSED/);
    expect(leaks(run.output)).toEqual([]);
  }, 30_000);

  it('a running bot with debug logs: 400, 429 and the server vanishing mid-poll leave no token; SIGTERM exits 0', async () => {
    const server = await startFakeBotApi({ token: TOKEN });
    api = server;
    const run = await runMain(
      tmp(),
      { TELEGRAM_API_ROOT: server.apiRoot },
      {
        killAfterMs: 25_000,
        during: async () => {
          await server.waitFor('deleteWebhook', undefined, 15_000);
          server.failNext('sendMessage', { code: 400, description: "can't parse entities: Unsupported start tag" });
          server.userMessage({ userId: 1, text: '工信局' });
          await server.waitFor('sendMessage', (p) => p.chat_id === 1, 5000); // the apology after the 400
          server.failNext('sendMessage', { code: 429, retryAfter: 1 });
          server.userMessage({ userId: 2, text: '/stats' });
          await server.waitFor('sendMessage', (p) => p.chat_id === 2, 5000);
          server.userMessage({ userId: 3, text: '/item 57' });
          await server.waitFor('sendMessage', (p) => p.chat_id === 3, 10_000);
          await server.close(); // the next long poll fails with a FetchError whose URL holds the token
          api = undefined;
          await new Promise((r) => setTimeout(r, 1500));
        },
      },
    );
    expect(run.output).toMatch(/"level":50.*Telegram rejected sendMessage \(400\)/); // our logger reported the 400
    expect(run.output).toMatch(/"level":40.*rate limited/); // and the 429
    expect(run.output).toMatch(/telegraf:client HTTP call/); // telegraf's own debug output was on
    expect(run.output).toMatch(/getUpdates failed|Failed to fetch updates/);
    expect(leaks(run.output)).toEqual([]);
    expect(run.code).toBe(0);
  }, 40_000);

  it('a handler crash: its stack is logged and the user apologised to, without the token', async () => {
    const { engine } = await seedEngine();
    const h = await startHarness({
      engine: {
        report: engine.report,
        ask: () => {
          throw new Error(`engine exploded while calling http://127.0.0.1/bot${'123456:TEST-token_abcdefghijklmnopqrstuvwxyz'}/sendMessage`);
        },
        askAs: (kind, arg) => engine.askAs(kind, arg),
        converse: () => {
          throw new Error(`engine exploded while calling http://127.0.0.1/bot${'123456:TEST-token_abcdefghijklmnopqrstuvwxyz'}/sendMessage`);
        },
        understood: (a) => engine.understood(a),
        examples: () => engine.examples(),
      } satisfies QaEngine,
    });
    try {
      const reply = h.next('sendMessage', (c) => c.payload.chat_id === 9);
      h.api.userMessage({ userId: 9, text: '工信局' });
      expect((await reply).payload.text).toBe(MESSAGES.apology);
      const crash = h.logs.find((l) => l.includes('engine exploded'));
      expect(crash).toBeDefined();
      expect(crash).toMatch(/"stack":"Error: engine exploded/);
      expect(crash).toContain('[REDACTED]');
      const everything = h.logs.join('\n') + JSON.stringify(h.api.calls.filter((c) => c.method !== 'getUpdates').map((c) => c.payload));
      expect(everything).not.toContain(h.api.token);
      expect(everything).not.toContain(h.api.token.split(':')[1]);
    } finally {
      await h.stop();
    }
  });

  // main.ts logs uncaught exceptions through the scrubbing logger and shuts down; without that Node would print
  // the raw stack to stderr (this test failed against the first main.ts, which only handled unhandledRejection).
  it('an uncaught exception (crash output) is logged without the token and exits 1', async () => {
    const server = await startFakeBotApi({ token: TOKEN });
    api = server;
    const preload = join(tmp(), 'crash.js');
    // NODE_OPTIONS reaches both tsx's launcher and the node process running main.ts: crash only the latter.
    writeFileSync(
      preload,
      "if (/src[\\\\/]main\\.ts$/.test(process.argv[1] || '')) setTimeout(() => { throw new Error(`crash while calling http://127.0.0.1/bot${process.env.BOT_TOKEN}/sendMessage`); }, 2500);\n",
    );
    const run = await runMain(tmp(), { TELEGRAM_API_ROOT: server.apiRoot, NODE_OPTIONS: `--require ${preload}` }, { killAfterMs: 15_000 });
    expect(run.output).toMatch(/"level":60.*crash while calling http:\/\/127\.0\.0\.1\/bot\[REDACTED\]/);
    expect(leaks(run.output)).toEqual([]);
    expect(run.code).toBe(1);
  }, 30_000);

  it('.env is ignored by git and .env.example holds no secret', () => {
    const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim());
    expect(ignored).toContain('.env');
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8');
    expect(example).toMatch(/^BOT_TOKEN=\s*$/m);
    expect(example).toMatch(/^WEBHOOK_SECRET=\s*$/m);
    expect(example).not.toMatch(/\d{5,}:[A-Za-z0-9_-]{30,}/);
  });
});
