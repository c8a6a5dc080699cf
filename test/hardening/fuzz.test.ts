import { Telegraf } from 'telegraf';
import { leadersOf, unitsOf } from '../../src/model';
import { MESSAGES } from '../../src/wording/chat';
import { ADMIN, settled, startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test';
import { startFakeBotApi } from '../fake-bot-api/server';
import { createFuzzer, type Expectation } from './fuzz-updates';

/**
 * Hostile input through the whole stack: the real telegraf client long-polls the fake Bot API server, and the
 * bot wired as src/main.ts wires it (lookup and alerts features, lowdb store in a temp folder, delivery worker)
 * answers with the real engine and views over the seed table. Some documents come from the admin as real files
 * of random bytes, so the upload path meets garbage too.
 *
 * Replay a failure with the seed printed in the test name: `FUZZ_SEED=123 npx jest test/hardening/fuzz`.
 * FUZZ_COUNT changes the number of updates (default 10,000).
 */
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const COUNT = process.env.FUZZ_COUNT !== undefined ? Number(process.env.FUZZ_COUNT) : 10_000;
const BATCH = 2_000;
const TAPS = 1_000;

/** Changes callback data the way a forger or an old client would, staying within Telegram's 64 bytes. */
const mutate = (data: string, random: ReturnType<typeof createFuzzer>['random']): string => {
  const variants = [
    data.replace(/\d+/g, () => String(random.int(-5, 99999))),
    data.slice(0, random.int(0, data.length)) || 'x',
    `${data}:${random.int(0, 9)}`.slice(0, 64),
    data.replace(/:/g, ';'),
    data.split('').reverse().join(''),
  ];
  return random.pick(variants);
};

const waitUntil = async (what: string, done: () => boolean, timeoutMs: number): Promise<void> => {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`FUZZ_SEED=${SEED}: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe(`fuzz: ${COUNT} generated updates (FUZZ_SEED=${SEED})`, () => {
  let h: AppUnderTest;
  const expectations: Expectation[] = [];
  let elapsedMs = 0;

  beforeAll(async () => {
    h = await startAppUnderTest();
    const report = await h.reports.current();
    if (!report) throw new Error('the alerts harness has no current report');
    const words = [...new Set(report.targets.flatMap((t) => [...unitsOf(t), ...leadersOf(t)]))].filter((w) => w !== '');
    const fuzzer = createFuzzer(SEED, h.api, { words, adminId: ADMIN });
    const started = Date.now();
    // Big batches keep the run fast (telegraf takes 100 per getUpdates and handles them concurrently)
    // while bounding how much is queued at once.
    for (let pushed = 0; pushed < COUNT; ) {
      const n = Math.min(BATCH, COUNT - pushed);
      for (let i = 0; i < n; i += 1) expectations.push(fuzzer.next());
      pushed += n;
      await waitUntil(`the bot to take updates up to #${pushed}`, () => h.api.pendingUpdates() === 0, 120_000);
    }
    await settled(h, 30_000);
    // Second round: tap buttons the bot really sent (page turns, details, examples), some with mutated data,
    // each message once so no two edits race on it (a double tap may legitimately get "not modified").
    const random = fuzzer.random;
    const keyboards = h.api.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.payload.chat_id) > 0 && typeof c.payload.reply_markup === 'object');
    for (const call of keyboards.slice(0, TAPS)) {
      const rows = (call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] }).inline_keyboard ?? [];
      const withData = rows.flat().filter((b) => b.callback_data !== undefined);
      if (withData.length === 0) continue;
      // Page turns edit in place (the riskiest path: not-modified, stale pages); favour them over detail buttons.
      const turns = withData.filter((b) => /[◀▶]/.test(b.text));
      let tapped = (turns.length > 0 && random.chance(0.6) ? random.pick(turns) : random.pick(withData)).callback_data as string;
      if (random.chance(0.2)) tapped = mutate(tapped, random);
      const chatId = Number(call.payload.chat_id);
      const messageId = (call.response as { result: { message_id: number } }).result.message_id;
      const id = h.api.callback({ chatId, userId: chatId, messageId, data: tapped });
      expectations.push({ updateId: -1, kind: 'tap', expect: 'answer', callbackId: id, chatId });
    }
    await waitUntil('the bot to take the taps', () => h.api.pendingUpdates() === 0, 120_000);
    await settled(h, 30_000);
    elapsedMs = Date.now() - started;
  }, 300_000);

  afterAll(async () => {
    await h?.stop();
  });

  it('keeps polling: every update was taken and a question afterwards is still answered', async () => {
    expect(h.api.pendingUpdates()).toBe(0);
    await expect(h.say('/stats', { userId: 4242 })).resolves.toBeDefined();
    expect(h.logs.filter((l) => l.includes('"level":60'))).toEqual([]);
    // eslint-disable-next-line no-console
    const count = (method: string): number => h.api.calls.filter((c) => c.method === method && c.status === 200).length;
    const taps = expectations.filter((e) => e.kind === 'tap').length;
    console.log(
      `fuzz: ${COUNT} updates + ${taps} taps in ${elapsedMs} ms (${Math.round(((COUNT + taps) / elapsedMs) * 1000)} updates/s), FUZZ_SEED=${SEED}; ` +
        `sendMessage ${count('sendMessage')}, editMessageText ${count('editMessageText')}, answerCallbackQuery ${count('answerCallbackQuery')}, answerInlineQuery ${count('answerInlineQuery')}`,
    );
  });

  it('got zero 400s (and no other error status) from the Telegram-like validation', () => {
    const refused = h.api.calls
      .filter((c) => c.status >= 400 && c.method !== 'getUpdates')
      .map((c) => `${c.method} ${c.status} ${JSON.stringify(c.response)} payload=${JSON.stringify(c.payload).slice(0, 300)}`);
    expect({ seed: SEED, refused: refused.slice(0, 10), total: refused.length }).toEqual({ seed: SEED, refused: [], total: 0 });
  });

  it('answered every update that needs one and stayed silent on group chatter', () => {
    const ok = h.api.calls.filter((c) => c.status === 200);
    const chatsAnswered = new Set(ok.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => Number(c.payload.chat_id)));
    const callbacksAnswered = new Set(ok.filter((c) => c.method === 'answerCallbackQuery').map((c) => String(c.payload.callback_query_id)));
    const inlineAnswered = new Set(ok.filter((c) => c.method === 'answerInlineQuery').map((c) => String(c.payload.inline_query_id)));
    const unanswered = expectations
      .filter((e) => e.expect === 'answer')
      .filter((e) => (e.callbackId !== undefined ? !callbacksAnswered.has(e.callbackId) : e.inlineId !== undefined ? !inlineAnswered.has(e.inlineId) : !chatsAnswered.has(e.chatId ?? Number.NaN)));
    const silent = expectations.filter((e) => e.expect === 'none' && chatsAnswered.has(e.chatId ?? Number.NaN));
    expect({ seed: SEED, repliedToChatter: silent.slice(0, 5) }).toEqual({ seed: SEED, repliedToChatter: [] });
    const adminDocuments = expectations.filter((e) => e.kind === 'admin-document').length;
    const toAdmin = ok.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === ADMIN).length;
    expect(toAdmin).toBeGreaterThanOrEqual(adminDocuments);
    const sample = unanswered.slice(0, 5).map((e) => {
      const update = h.api.calls.find((c) => c.method === 'getUpdates' && JSON.stringify(c.response).includes(e.callbackId ?? e.inlineId ?? `"id":${e.chatId},`));
      return { ...e, seenInGetUpdates: update !== undefined };
    });
    expect({ seed: SEED, unanswered: unanswered.length, sample }).toEqual({ seed: SEED, unanswered: 0, sample: [] });
    const needed = expectations.filter((e) => e.expect === 'answer').length;
    // Sanity: most generated updates are ones that must be answered, so the check above has teeth.
    expect(needed).toBeGreaterThan(COUNT * 0.6);
  });

  it('never needed the apology (no handler threw) and logged no errors', () => {
    const apologies = h.api.calls.filter((c) => c.status === 200 && c.payload.text === MESSAGES.apology);
    const errors = h.logs.filter((l) => /"level":(50|60)/.test(l)).map((l) => l.slice(0, 400));
    expect({ seed: SEED, apologies: apologies.length, errors: errors.slice(0, 5) }).toEqual({ seed: SEED, apologies: 0, errors: [] });
  });

  it('tapped real buttons in the second round', () => {
    expect(expectations.filter((e) => e.kind === 'tap').length).toBeGreaterThan(100);
  });

  it('met every kind of update', () => {
    const kinds = new Set(expectations.map((e) => e.kind));
    for (const kind of ['private-text', 'private-command', 'group-chatter', 'group-mention', 'group-command', 'group-reply', 'edited-message', 'callback', 'inline', 'tap']) {
      expect(kinds).toContain(kind);
    }
    expect([...kinds].some((k) => k.startsWith('media-'))).toBe(true);
    expect([...kinds].some((k) => k.startsWith('odd-'))).toBe(true);
    if (COUNT >= 2000) expect(kinds).toContain('admin-document');
  });
});

describe('the fuzz has teeth', () => {
  it('catches a careless bot that echoes user text into HTML unescaped', async () => {
    const api = await startFakeBotApi();
    const careless = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
    careless.catch(() => undefined);
    careless.on('text', (ctx) => ctx.reply(`<b>您问</b>：${ctx.message.text}`, { parse_mode: 'HTML' }));
    const polling = careless.launch();
    polling.catch(() => undefined);
    try {
      await api.waitFor('deleteWebhook');
      const fuzzer = createFuzzer(SEED, api, { words: ['工信局'] });
      for (let i = 0; i < 500; i += 1) fuzzer.next();
      await waitUntil('the careless bot to take 500 updates', () => api.pendingUpdates() === 0, 30_000);
      // Same generator, same checks: unescaped < and & in 500 updates must be refused many times.
      expect(api.stats().byStatus['400'] ?? 0).toBeGreaterThan(10);
      expect(api.stats().refusals.some((r) => r.includes("can't parse entities"))).toBe(true);
    } finally {
      careless.stop();
      await polling.catch(() => undefined);
      await api.close();
    }
  });
});
