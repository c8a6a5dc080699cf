import { Telegraf } from 'telegraf';
import { classifyError, createTransport } from '../../../src/bot/transport';
import { createLogger } from '../../../src/logger';
import { startFakeBotApi, type FakeBotApi } from '../../fake-bot-api/server';

/** `send` is what the alert delivery worker uses with bot.telegram: it must never throw, and say why it failed. */
describe('createTransport().send', () => {
  let api: FakeBotApi;
  let bot: Telegraf;
  const lines: string[] = [];
  const waits: number[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (l: string) => void lines.push(l) } });
  const transport = createTransport({ logger, maxAttempts: 3, sleep: async (ms) => void waits.push(ms) });

  beforeAll(async () => {
    api = await startFakeBotApi();
    bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
  });
  afterAll(() => api.close());

  it('returns the message on success', async () => {
    const result = await transport.send(bot.telegram, 9001, '<b>进度</b>', { parse_mode: 'HTML' });
    expect(result.ok && result.result.text).toBe('进度');
  });

  it('retries a 429 after retry_after, up to maxAttempts', async () => {
    api.failNext('sendMessage', { code: 429, retryAfter: 2 });
    expect((await transport.send(bot.telegram, 9002, 'a')).ok).toBe(true);
    expect(waits.at(-1)).toBe(2000);
    api.failNext('sendMessage', { code: 429, retryAfter: 1 }, 3);
    const result = await transport.send(bot.telegram, 9002, 'b');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'rate-limited', method: 'sendMessage', retryAfter: 1 } });
  });

  it('reports a blocked chat as forbidden without retrying', async () => {
    api.blockChat(9003);
    const result = await transport.send(bot.telegram, 9003, 'a');
    expect(result).toMatchObject({ ok: false, failure: { kind: 'forbidden', code: 403 } });
    expect(api.calls.filter((c) => c.payload.chat_id === 9003)).toHaveLength(1);
  });

  it('reports a 400 as bad-request with the method, and logs it at error', async () => {
    const result = await transport.send(bot.telegram, 9004, '<b>unclosed', { parse_mode: 'HTML' });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-request', method: 'sendMessage', code: 400 } });
    expect(lines.map((l) => JSON.parse(l)).some((l) => l.level === 50 && l.method === 'sendMessage' && l.code === 400)).toBe(true);
  });

  it('reports a 5xx as server and an unreachable server as network (the worker backs off)', async () => {
    api.failNext('sendMessage', { code: 500 });
    expect(await transport.send(bot.telegram, 9005, 'a')).toMatchObject({ ok: false, failure: { kind: 'server' } });
    const offline = new Telegraf(api.token, { telegram: { apiRoot: 'http://127.0.0.1:9' } });
    expect(await transport.send(offline.telegram, 9005, 'a')).toMatchObject({ ok: false, failure: { kind: 'network' } });
  });

  it('classifies stale edits and unchanged messages as harmless', async () => {
    const stale = await transport.call('editMessageText', () => bot.telegram.editMessageText(9006, 424242, undefined, 'x'));
    expect(stale).toMatchObject({ ok: false, failure: { kind: 'stale' } });
    expect(classifyError(new Error('plain bug')).kind).toBe('other');
  });
});
