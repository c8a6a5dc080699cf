import { Telegraf } from 'telegraf';
import { createRateLimit, RATE_LIMIT_DEFAULTS, type RateLimitOptions } from '../../../src/bot/middleware/rate-limit';
import { startFakeBotApi, type FakeBotApi } from '../../fake-bot-api/server';

/**
 * The limiter runs in a real telegraf bot; updates go through `bot.handleUpdate` (so the fake clock decides
 * what is throttled) and every reply travels over HTTP to the fake Bot API server.
 */
describe('createRateLimit', () => {
  let api: FakeBotApi;
  let clock: number;
  let answered: string[];

  const makeBot = (options: RateLimitOptions = {}): Telegraf => {
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
    bot.botInfo = { ...api.botInfo };
    bot.use(createRateLimit({ now: () => clock, ...options }));
    bot.on('text', async (ctx) => {
      answered.push(`${ctx.from.id}:${ctx.message.text}`);
      if (ctx.chat.type === 'private') await ctx.reply(`答:${ctx.message.text}`);
    });
    bot.on('callback_query', (ctx) => ctx.answerCbQuery('ok'));
    bot.on('inline_query', (ctx) => ctx.answerInlineQuery([]));
    return bot;
  };
  const notices = (chatId: number): number => api.sent(chatId).filter((p) => p.text === RATE_LIMIT_DEFAULTS.notice).length;

  beforeEach(async () => {
    api = await startFakeBotApi();
    clock = 1_000_000;
    answered = [];
  });
  afterEach(async () => {
    await api.close();
  });

  it('lets a burst through, then drops the rest with exactly one notice', async () => {
    const bot = makeBot({ burst: 3, perSecond: 1 });
    for (let i = 0; i < 20; i += 1) await bot.handleUpdate(api.userMessage({ userId: 5, text: `q${i}` }) as never);
    expect(answered).toEqual(['5:q0', '5:q1', '5:q2']);
    expect(notices(5)).toBe(1);
  });

  it('refills tokens at perSecond, and repeats the notice only after noticeIntervalMs', async () => {
    const bot = makeBot({ burst: 2, perSecond: 2, noticeIntervalMs: 10_000 });
    for (let i = 0; i < 4; i += 1) await bot.handleUpdate(api.userMessage({ userId: 5, text: `a${i}` }) as never);
    clock += 500; // half a second at 2/s → one token back
    for (let i = 0; i < 3; i += 1) await bot.handleUpdate(api.userMessage({ userId: 5, text: `b${i}` }) as never);
    expect(answered).toEqual(['5:a0', '5:a1', '5:b0']);
    expect(notices(5)).toBe(1); // the second flood is within 10 s of the first notice
    clock += 10_000;
    for (let i = 0; i < 30; i += 1) await bot.handleUpdate(api.userMessage({ userId: 5, text: `c${i}` }) as never);
    expect(notices(5)).toBe(2);
  });

  it('throttles one user without affecting another', async () => {
    const bot = makeBot({ burst: 2 });
    for (let i = 0; i < 10; i += 1) {
      await bot.handleUpdate(api.userMessage({ userId: 5, text: `flood${i}` }) as never);
      if (i % 3 === 0) await bot.handleUpdate(api.userMessage({ userId: 6, text: `calm${i}` }) as never);
    }
    // user 6 sent 4 messages with a burst of 2 and no time passing: 2 answered; user 5's flood did not eat them.
    expect(answered.filter((a) => a.startsWith('6:'))).toEqual(['6:calm0', '6:calm3']);
    expect(answered.filter((a) => a.startsWith('5:'))).toHaveLength(2);
    expect(notices(6)).toBe(1);
    expect(notices(5)).toBe(1);
  });

  it('does not count group chatter, and never posts the notice in a group', async () => {
    const bot = makeBot({ burst: 2 });
    for (let i = 0; i < 10; i += 1) await bot.handleUpdate(api.userMessage({ chatType: 'supergroup', userId: 5, text: `chatter ${i}` }) as never);
    expect(answered).toHaveLength(10); // chatter passes (the features ignore it themselves)
    for (let i = 0; i < 5; i += 1) await bot.handleUpdate(api.userMessage({ chatType: 'supergroup', userId: 5, text: `/lagging@${api.botInfo.username}` }) as never);
    expect(answered.filter((a) => a.includes('/lagging'))).toHaveLength(2);
    expect(api.sent(-1001234567890)).toEqual([]);
  });

  it('answers dropped button taps and inline queries so nothing spins', async () => {
    const bot = makeBot({ burst: 1 });
    const message = await bot.telegram.sendMessage(5, '列表');
    const ids = [0, 1, 2].map(() => api.callback({ userId: 5, messageId: message.message_id, data: 'p:2' }));
    for (const update of api.drainUpdates()) await bot.handleUpdate(update as never);
    const answers = api.calls.filter((c) => c.method === 'answerCallbackQuery' && c.status === 200);
    expect(answers.map((c) => c.payload.callback_query_id)).toEqual(ids);
    expect(answers.map((c) => c.payload.text)).toEqual(['ok', RATE_LIMIT_DEFAULTS.notice, undefined]);
    api.inlineQuery({ userId: 5, query: '工信局' });
    for (const update of api.drainUpdates()) await bot.handleUpdate(update as never);
    expect(api.calls.filter((c) => c.method === 'answerInlineQuery' && c.status === 200)).toHaveLength(1);
  });

  it('keeps the number of tracked keys bounded by sweeping idle ones', async () => {
    const limit = createRateLimit({ now: () => clock, maxKeys: 50, noticeIntervalMs: 1000 });
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
    bot.botInfo = { ...api.botInfo };
    bot.use(limit);
    for (let i = 0; i < 500; i += 1) {
      await bot.handleUpdate(api.userMessage({ userId: 10_000 + i, text: 'x' }) as never);
      clock += 100;
    }
    expect(limit.size()).toBeLessThanOrEqual(51);
  });

  it('rejects nonsense settings with the values named', () => {
    expect(() => createRateLimit({ burst: 0 })).toThrow(/burst=0/);
    expect(() => createRateLimit({ perSecond: 0 })).toThrow(/perSecond=0/);
  });
});
