/**
 * Start-up to first answer: the console (no BOT_TOKEN) is started, asked 第57项 on stdin, and
 * timed from spawn until the answer appears on stdout — through tsx (how `npm start` ran before
 * the compiled build), from dist/ with node, and through `npm start` itself (npm, the prestart
 * freshness check, then node dist/main.js: what ../shared/eval/dialogs/run-dialogs.mjs pays).
 * The three are interleaved round by round, so the machine's load hits them alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from './run';

const ROOT = resolve(__dirname, '..');
const ROUNDS = Number(process.env.STARTUP_ROUNDS ?? 9);
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

const WAYS: Record<string, string[]> = {
  'tsx src/main.ts': [process.execPath, '--import', TSX_LOADER, 'src/main.ts'],
  'node dist/main.js': [process.execPath, 'dist/main.js'],
  'npm start': ['npm', 'start', '--silent'],
};

/** Milliseconds from spawn to the answer on stdout. */
const timeToAnswer = (argv: string[], dbPath: string): Promise<number> =>
  new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, env: { ...process.env, BOT_TOKEN: '', DATABASE_URL: '', DB_PATH: dbPath, LOG_LEVEL: 'warn' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('第 57 项')) {
        done(Number(process.hrtime.bigint() - started) / 1e6);
        child.stdin.end();
      }
    });
    child.on('exit', (code) => (out.includes('第 57 项') ? undefined : fail(new Error(`${argv.join(' ')} exited ${code} without answering`))));
    child.stdin.write('第57项\n');
  });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const startupBench: Bench = {
  name: 'startup',
  async run() {
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
    const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
    const dbPath = join(dir, 'db.json');
    try {
      await timeToAnswer(WAYS['node dist/main.js']!, dbPath); // seeds the store: every measured start finds it filled
      const times: Record<string, number[]> = Object.fromEntries(Object.keys(WAYS).map((k) => [k, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [way, argv] of Object.entries(WAYS)) times[way]!.push(await timeToAnswer(argv, dbPath));
      }
      const base = median(times['tsx src/main.ts']!);
      const lines = [
        '',
        '## Start-up to first answer: tsx vs the compiled build (bench/startup.ts)',
        '',
        `Command: \`npm run bench -- startup\` (Node ${process.version}, ${cpus().length} cores; ${ROUNDS} rounds, the three ways interleaved; ` +
          'the console is asked 第57项 on stdin, timed from spawn to the answer on stdout, the lowdb store already seeded).',
        '',
        '| how | median | min | max | vs tsx |',
        '|---|---|---|---|---|',
        ...Object.entries(times).map(
          ([way, xs]) => `| \`${way}\` | ${median(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms | ${(median(xs) / base).toFixed(2)}× |`,
        ),
        '',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
