import { Composer, Telegraf, type Context } from 'telegraf';
import type { Feature } from '../../src/bot/feature';
import { createBot } from '../../src/bot/create-bot';
import { LaunchError, launchBot } from '../../src/bot/launch';
import { MESSAGES } from '../../src/wording/chat';
import type { QaEngine } from '../../src/bot/deps';
import { createFeatures } from '../../src/bot/features';
import { createLogger } from '../../src/logger';
import { say, settled, startHarness, testDeps, textOf, type Harness } from './harness';
import { seedEngine } from './seed';
import { startFakeBotApi } from '../fake-bot-api/server';

const levels = (logs: string[]): { level: number; msg: string; method?: string; code?: number }[] => logs.map((l) => JSON.parse(l));

describe('errors and faults', () => {
  let h: Harness;
  const waits: number[] = [];
  let engine: QaEngine;

  beforeAll(async () => {
    const seed = await seedEngine();
    // An engine that fails on one question: a bug in a handler must not stop the bot.
    engine = {
      report: seed.report,
      ask: (q) => {
        if (q === '触发错误') throw new Error('engine exploded');
        return seed.engine.ask(q);
      },
      askAs: (kind, arg) => seed.engine.askAs(kind, arg),
      examples: () => seed.engine.examples(),
      converse: (q, conversation) => {
        if (q === '触发错误') throw new Error('engine exploded');
        return seed.engine.converse(q, conversation);
      },
      understood: (a) => seed.engine.understood(a),
    };
    // 429 waits are recorded and shortened, so the test does not sleep for retry_after.
    h = await startHarness({
      engine,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((r) => setTimeout(r, 5));
      },
    });
  });
  afterAll(() => h.stop());

  it('survives malformed and unexpected updates, then answers the next message', async () => {
    const chat = { id: 5001, type: 'private', first_name: 'U' };
    const from = { id: 5001, is_bot: false, first_name: 'U' };
    const date = Math.floor(Date.now() / 1000);
    const odd: Record<string, unknown>[] = [
      {},
      { unknown_update_kind: { x: 1 } },
      { message: { message_id: 1, date, chat, from } }, // no text
      { message: { message_id: 2, date, chat, from, sticker: { file_id: 's', file_unique_id: 's', width: 1, height: 1, is_animated: false, is_video: false, type: 'regular' } } },
      { message: { message_id: 3, date, chat, from, text: '' } },
      { message: { message_id: 4, date, chat, from, text: '/item', entities: [{ type: 'bot_command', offset: 0, length: 99 }] } },
      { message: { message_id: 5, date, chat, from, text: 'x', entities: 'not-an-array' } },
      { edited_message: { message_id: 6, date, edit_date: date, chat, from, text: '工信局' } },
      { callback_query: { id: 'cb1', from, chat_instance: '1' } }, // no data, no message
      { callback_query: { id: 'cb2', from, chat_instance: '1', data: 'p:zzz' } },
      { inline_query: { id: 'iq1', from, query: '', offset: '99999999' } },
      { channel_post: { message_id: 7, date, chat: { id: -100777, type: 'channel', title: 'c' }, text: '工信局' } },
      { my_chat_member: { chat, from, date, old_chat_member: { status: 'member', user: from }, new_chat_member: { status: 'kicked', user: from, until_date: 0 } } },
    ];
    for (const update of odd) h.api.pushUpdate(update);
    await settled(h);
    const reply = await say(h, '/item 57', { chatId: 5001 });
    expect(textOf(reply)).toBe(await h.expected('item', '57'));
    // nothing in that batch was a crash worth an error log
    expect(levels(h.logs).filter((l) => l.level >= 50)).toEqual([]);
    // `{}` carries nothing to handle: the poller confirms it without handing it on (transport/update-batch.ts)
    expect(h.logs.map((l) => JSON.parse(l)).some((l) => l.msg === 'getUpdates answered entries that are not updates; skipped them' && l.skipped === 1)).toBe(true);
  });

  it('apologises for a handler error, logs it, and keeps polling', async () => {
    const apology = await say(h, '触发错误', { chatId: 5002 });
    expect(textOf(apology)).toBe(MESSAGES.apology);
    expect(levels(h.logs).some((l) => l.level === 50 && l.msg === 'update handler failed')).toBe(true);
    expect(textOf(await say(h, '/item 58', { chatId: 5002 }))).toBe(await h.expected('item', '58'));
  });

  it('waits retry_after on 429 and sends the same reply again', async () => {
    h.api.failNext('sendMessage', { code: 429, retryAfter: 3 }, 2);
    const reply = await say(h, '/item 59', { chatId: 5003 });
    expect(textOf(reply)).toBe(await h.expected('item', '59'));
    expect(waits.slice(-2)).toEqual([3000, 3000]);
    const attempts = h.api.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 5003);
    expect(attempts.map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it('logs and drops a 403 (blocked), reports the chat, and keeps serving others', async () => {
    h.api.blockChat(5004);
    h.api.userMessage({ chatId: 5004, text: '/item 57' });
    await settled(h);
    const sends = h.api.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 5004);
    expect(sends.map((c) => c.status)).toEqual([403]); // no retry, no apology attempt
    expect(h.blocked).toContain(5004);
    expect(levels(h.logs).some((l) => l.level === 40 && l.code === 403 && l.method === 'sendMessage')).toBe(true);
    expect(textOf(await say(h, '/item 57', { chatId: 5005 }))).toBe(await h.expected('item', '57'));
  });

  it('logs a 400 with its method, apologises once, does not retry', async () => {
    h.api.failNext('sendMessage', { code: 400, description: "Bad Request: can't parse entities: unsupported start tag" });
    const apology = await say(h, '/item 60', { chatId: 5006 });
    expect(textOf(apology)).toBe(MESSAGES.apology);
    const logged = levels(h.logs).find((l) => l.code === 400 && l.method === 'sendMessage');
    expect(logged?.level).toBe(50);
    expect(h.api.calls.filter((c) => c.method === 'sendMessage' && c.payload.chat_id === 5006).map((c) => c.status)).toEqual([400, 200]);
  });

  it('never writes the token into its logs', () => {
    expect(h.logs.length).toBeGreaterThan(5);
    const all = h.logs.join('\n');
    expect(all).not.toContain(h.api.token);
    expect(all).not.toContain(h.api.token.split(':')[1]);
  });
});

describe('launch failures', () => {
  it('explains a rejected token without printing it, in the error and in the logs', async () => {
    const api = await startFakeBotApi();
    const lines: string[] = [];
    const wrong = '999999:WRONG-token_abcdefghijklmnopqrstuvwxyz0';
    const logger = createLogger({ level: 'trace', token: wrong, destination: { write: (l: string) => void lines.push(l) } });
    const { engine } = await seedEngine();
    const deps = testDeps(engine, logger);
    const { bot, commands } = createBot({ token: wrong, apiRoot: api.apiRoot, deps, features: createFeatures(deps) });
    const failure = await launchBot(bot, { commands, logger }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(LaunchError);
    expect((failure as Error).message).toMatch(/BOT_TOKEN .*401 Unauthorized/);
    expect((failure as Error).message).not.toContain(wrong);
    logger.error({ err: failure }, 'could not start');
    // a network error from telegraf carries the URL with the token in it
    const offline = new Telegraf(wrong, { telegram: { apiRoot: 'http://127.0.0.1:9' } });
    const netError = await offline.telegram.getMe().catch((err: unknown) => err as Error);
    logger.error({ err: netError, stack: `crash at http://127.0.0.1:9/bot${wrong}/getMe` }, 'crash');
    expect(lines.join('\n')).not.toContain(wrong.split(':')[1]);
    await api.close();
  });

  it('reports a 409 Conflict (another instance polling) through onFatal', async () => {
    const api = await startFakeBotApi();
    const logger = createLogger({ level: 'silent' });
    const bot = new Telegraf(api.token, { telegram: { apiRoot: api.apiRoot } });
    api.failNext('getUpdates', { code: 409, description: 'Conflict: terminated by other getUpdates request' });
    const fatal = new Promise<Error>((resolve) => void launchBot(bot, { commands: [], logger, onFatal: resolve }));
    const error = await fatal;
    expect(error.message).toMatch(/409.*another instance is polling/);
    await api.close();
  });
});

describe('a handler that never finishes', () => {
  let h: Harness;
  beforeAll(async () => {
    // stands in for telegraf's 90 s limit: long work belongs in workers, not handlers
    const hang = (): Feature => ({ name: 'hang', composer: new Composer<Context>().command('hang', () => new Promise<void>(() => undefined)) });
    h = await startHarness({ extraFeatures: [hang], handlerTimeoutMs: 300 });
  });
  afterAll(() => h.stop());

  it('is given up after the handler timeout with an apology, and polling goes on', async () => {
    const apology = await say(h, '/hang', { chatId: 5101 });
    expect(textOf(apology)).toBe(MESSAGES.apology);
    expect(levels(h.logs).some((l) => l.level === 50 && l.msg === 'update handler failed')).toBe(true);
    expect(textOf(await say(h, '/item 57', { chatId: 5101 }))).toBe(await h.expected('item', '57'));
  });
});
