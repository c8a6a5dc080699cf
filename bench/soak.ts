/**
 * Bounded soak: 100,000 fuzzed updates through the real bot (real telegraf long polling, the rate limiter in
 * front, the real engine and views) against the fake Bot API server in a child process, with the bot's memory
 * sampled after forced GCs. Prints a Markdown summary for RELIABILITY.md.
 *
 *   node --expose-gc --import tsx bench/soak.ts            # SOAK_UPDATES=100000 SOAK_SEED=1 by default
 *
 * Not part of jest: it takes minutes. Exit code 1 when the bot refused to keep up, got a 4xx, or grew beyond
 * SOAK_MAX_GROWTH_MB of heap (default 16) between the warm-up and the end.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startApp } from '../test/helpers/app-under-test';

const TOTAL = Number(process.env.SOAK_UPDATES ?? 100_000);
const WARMUP = Math.min(5_000, Math.floor(TOTAL / 10));
const BATCH = 5_000;
const MAX_GROWTH_MB = Number(process.env.SOAK_MAX_GROWTH_MB ?? 16);
const SEED = Number(process.env.SOAK_SEED ?? 1);

interface Stats {
  total: number;
  byMethod: Record<string, number>;
  byStatus: Record<string, number>;
  refusals: string[];
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

const memory = (): { heapMb: number; rssMb: number } => {
  const gc = (globalThis as { gc?: () => void }).gc;
  // Two passes: the first may only move objects to the old space.
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heapMb: mb(m.heapUsed), rssMb: mb(m.rss) };
};

const request = <T>(child: ChildProcess, message: unknown, reply: string): Promise<T> =>
  new Promise((resolve) => {
    const onMessage = (m: { type: string }): void => {
      if (m.type !== reply) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.send(message as object);
  });

const drained = async (child: ChildProcess, timeoutMs: number): Promise<void> => {
  const started = Date.now();
  for (;;) {
    const { pending } = await request<{ pending: number }>(child, { type: 'status' }, 'status');
    if (pending === 0) return;
    if (Date.now() - started > timeoutMs) throw new Error(`soak: ${pending} updates still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

const main = async (): Promise<number> => {
  if ((globalThis as { gc?: unknown }).gc === undefined) process.stderr.write('soak: run with node --expose-gc for stable memory figures\n');
  const child = fork(join(__dirname, 'soak-server.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, SOAK_SEED: String(SEED) } });
  const { apiRoot, token } = await new Promise<{ apiRoot: string; token: string }>((resolve) => {
    child.once('message', (m: { apiRoot: string; token: string }) => resolve(m));
  });
  const logLevels: Record<string, number> = {};
  const bot = await startApp({
    token,
    apiRoot,
    rateLimit: {},
    logLevel: 'warn',
    onLog: (line) => {
      const level = /"level":(\d+)/.exec(line)?.[1] ?? '?';
      logLevels[level] = (logLevels[level] ?? 0) + 1;
    },
  });

  const push = async (count: number): Promise<void> => {
    await request(child, { type: 'push', count }, 'pushed');
    await drained(child, 300_000);
  };

  const before = memory();
  await push(WARMUP);
  const warm = memory();
  const samples: { updates: number; heapMb: number; rssMb: number }[] = [{ updates: WARMUP, ...warm }];
  const started = Date.now();
  let done = WARMUP;
  while (done < TOTAL) {
    const n = Math.min(BATCH, TOTAL - done);
    await push(n);
    done += n;
    if (done % 20_000 === 0 || done === TOTAL) samples.push({ updates: done, ...memory() });
  }
  const seconds = (Date.now() - started) / 1000;
  const after = memory();
  const { stats } = await request<{ stats: Stats }>(child, { type: 'status' }, 'status');
  await bot.stop();
  child.send({ type: 'close' });

  const growth = Math.round((after.heapMb - warm.heapMb) * 10) / 10;
  const refused = Object.entries(stats.byStatus).filter(([s]) => Number(s) >= 400);
  const lines = [
    `### Soak: ${TOTAL.toLocaleString('en')} updates (SOAK_SEED=${SEED}, node ${process.version})`,
    '',
    `- throughput after warm-up: ${Math.round((TOTAL - WARMUP) / seconds)} updates/s (${seconds.toFixed(1)} s for ${(TOTAL - WARMUP).toLocaleString('en')})`,
    `- heap used: ${before.heapMb} MB at start, ${warm.heapMb} MB after ${WARMUP.toLocaleString('en')}-update warm-up, ${after.heapMb} MB at the end → growth ${growth} MB (bound ${MAX_GROWTH_MB} MB)`,
    `- RSS: ${before.rssMb} MB → ${warm.rssMb} MB → ${after.rssMb} MB`,
    `- heap samples (updates: MB): ${samples.map((s) => `${s.updates / 1000}k: ${s.heapMb}`).join(', ')}`,
    `- Bot API calls: ${Object.entries(stats.byMethod)
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}`,
    `- HTTP statuses: ${Object.entries(stats.byStatus)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
    `- log lines at warn or above: ${JSON.stringify(logLevels)}`,
    ...stats.refusals.slice(0, 5).map((r) => `  - refused: ${r}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return refused.length === 0 && growth <= MAX_GROWTH_MB ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
