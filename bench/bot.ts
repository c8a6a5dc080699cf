/**
 * `npm run bench -- bot`: end-to-end updates per second through the fake Bot API
 * server — the real telegraf client long-polls over HTTP on 127.0.0.1, the real
 * engine answers over the seed table, the real views render HTML, and the fake
 * server validates every reply like Telegram. Measures:
 * - burst: N updates queued at once, time until every reply was accepted;
 * - one at a time: round-trip latency (push an update → reply accepted), p50/p95.
 */
import { startHarness, type Harness } from '../test/bot/harness';
import type { Bench } from './run';

const QUESTIONS = ['/item 57', '工信局', '王昌华负责的滞后项目', '/lagging', '5G基站', '/stats', '年底到期的', '卫健委年底要完成的目标', '/unit 科技局', '今天天气怎么样'];

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const waitForSent = async (h: Harness, count: number, timeoutMs: number): Promise<void> => {
  const started = Date.now();
  while (h.api.sent().length < count) {
    if (Date.now() - started > timeoutMs) throw new Error(`only ${h.api.sent().length} of ${count} replies after ${timeoutMs} ms`);
    await new Promise((r) => setImmediate(r));
  }
};

const burst = async (n: number): Promise<{ seconds: number; rate: number; rejected: number }> => {
  const h = await startHarness({ logLevel: 'warn', fake: { recordGetUpdates: false, maxCalls: 1000 } });
  try {
    // warm up: the first answers build caches and open connections
    for (const q of QUESTIONS) h.api.userMessage({ chatId: 1, text: q });
    await waitForSent(h, QUESTIONS.length, 30_000);
    const base = h.api.sent().length;
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) h.api.userMessage({ chatId: 10_000 + (i % 500), userId: 10_000 + (i % 500), text: QUESTIONS[i % QUESTIONS.length]! });
    await waitForSent(h, base + n, 120_000);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rejected = h.api.calls.filter((c) => c.method === 'sendMessage' && c.status !== 200).length;
    return { seconds, rate: n / seconds, rejected };
  } finally {
    await h.stop();
  }
};

const oneAtATime = async (n: number): Promise<{ p50: number; p95: number }> => {
  const h = await startHarness({ logLevel: 'warn', fake: { recordGetUpdates: false, maxCalls: 1000 } });
  try {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const before = h.api.sent().length;
      const started = process.hrtime.bigint();
      h.api.userMessage({ chatId: 20_000, text: QUESTIONS[i % QUESTIONS.length]! });
      await waitForSent(h, before + 1, 10_000);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  } finally {
    await h.stop();
  }
};

export const botBench: Bench = {
  name: 'bot',
  async run() {
    const n = 3000;
    const b = await burst(n);
    const l = await oneAtATime(300);
    const out = [
      '## Bot: end-to-end through the fake Bot API server',
      '',
      `Command: \`npm run bench -- bot\` (Node ${process.version}, ${QUESTIONS.length} questions in rotation: commands, units, leaders, combinations, search, stats, nothing-found)`,
      '',
      '| measure | result |',
      '|---|---|',
      `| burst of ${n} updates, time until every reply accepted | ${b.seconds.toFixed(2)} s |`,
      `| throughput | **${b.rate.toFixed(0)} updates/s** |`,
      `| replies rejected by the fake server's validation | ${b.rejected} |`,
      `| one update at a time, round trip p50 / p95 | ${l.p50.toFixed(1)} ms / ${l.p95.toFixed(1)} ms |`,
      '',
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  },
};
