import { RATE_LIMIT_DEFAULTS } from '../../src/bot/middleware/rate-limit';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test';

/**
 * One user sends 50 messages a second for two seconds while 20 other users each ask one question.
 * With the limiter in front of the features, the flooder is cut to its burst plus the refill and told once;
 * everyone else is still answered within a second.
 */
const FLOODER = 777;
const OTHERS = Array.from({ length: 20 }, (_, i) => 800 + i);
const FLOOD_MESSAGES = 100;
const FLOOD_INTERVAL_MS = 20; // 50 messages a second
const QUESTIONS = ['工信局的目标', '未按计划完成的项目', '年底到期的', '第57项', '统计'];

interface FloodResult {
  flooderAnswers: number;
  notices: number;
  latencies: number[];
  unanswered: number[];
}

const runFlood = async (b: AppUnderTest): Promise<FloodResult> => {
  const pushedAt = new Map<number, number>();
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let other = 0;
  for (let i = 0; i < FLOOD_MESSAGES; i += 1) {
    b.api.userMessage({ userId: FLOODER, text: QUESTIONS[i % QUESTIONS.length] as string });
    // Every 100 ms one of the other users asks (20 users over the 2 s flood).
    if (i % 5 === 0 && other < OTHERS.length) {
      const user = OTHERS[other] as number;
      other += 1;
      pushedAt.set(user, Date.now());
      b.api.userMessage({ userId: user, text: QUESTIONS[other % QUESTIONS.length] as string });
    }
    await sleep(FLOOD_INTERVAL_MS);
  }
  const deadline = Date.now() + 5000;
  const answeredAt = (user: number): number | undefined => b.api.calls.find((c) => c.method === 'sendMessage' && c.status === 200 && c.payload.chat_id === user)?.at;
  while (Date.now() < deadline && (b.api.pendingUpdates() > 0 || OTHERS.some((u) => answeredAt(u) === undefined))) await sleep(10);
  await sleep(100);
  const toFlooder = b.api.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && c.payload.chat_id === FLOODER);
  return {
    flooderAnswers: toFlooder.filter((c) => c.payload.text !== RATE_LIMIT_DEFAULTS.notice).length,
    notices: toFlooder.filter((c) => c.payload.text === RATE_LIMIT_DEFAULTS.notice).length,
    latencies: OTHERS.flatMap((u) => {
      const at = answeredAt(u);
      return at === undefined ? [] : [at - (pushedAt.get(u) as number)];
    }),
    unanswered: OTHERS.filter((u) => answeredAt(u) === undefined),
  };
};

const summary = (r: FloodResult): string => {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const p = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return `flooder answered ${r.flooderAnswers}/${FLOOD_MESSAGES}, notices ${r.notices}; others p50 ${p(0.5)} ms, max ${sorted[sorted.length - 1]} ms, unanswered ${r.unanswered.length}`;
};

describe('flood: one user at 50 messages/s', () => {
  let b: AppUnderTest | undefined;
  afterEach(async () => {
    await b?.stop();
    b = undefined;
  });

  it('throttles the flooder with one notice while others are answered within 1 s', async () => {
    b = await startAppUnderTest({ rateLimit: {} });
    const r = await runFlood(b);
    console.log(`with limiter (burst ${RATE_LIMIT_DEFAULTS.burst}, ${RATE_LIMIT_DEFAULTS.perSecond}/s): ${summary(r)}`);
    expect(r.notices).toBe(1);
    // burst + what refills during the ~2 s flood (+1 for timer slack)
    expect(r.flooderAnswers).toBeGreaterThanOrEqual(RATE_LIMIT_DEFAULTS.burst);
    expect(r.flooderAnswers).toBeLessThanOrEqual(RATE_LIMIT_DEFAULTS.burst + 3 * RATE_LIMIT_DEFAULTS.perSecond + 1);
    expect(r.unanswered).toEqual([]);
    expect(Math.max(...r.latencies)).toBeLessThan(1000);
    expect(b.api.calls.filter((c) => c.status >= 400 && c.method !== 'getUpdates')).toEqual([]);
  });

  it('without the limiter the flooder is answered 100 times (what the limiter prevents)', async () => {
    b = await startAppUnderTest();
    const r = await runFlood(b);
    console.log(`without limiter: ${summary(r)}`);
    expect(r.flooderAnswers).toBe(FLOOD_MESSAGES);
    expect(r.notices).toBe(0);
  });
});
