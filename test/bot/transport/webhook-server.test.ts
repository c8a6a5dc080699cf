import { createAnswerMessages } from '../../../src/bot/answer-messages';
import { createBot } from '../../../src/bot/create-bot';
import { createFeatures } from '../../../src/bot/features';
import { launchBot, type LaunchOptions } from '../../../src/bot/launch';
import { createLogger } from '../../../src/logger';
import { startFakeBotApi, type FakeBotApi } from '../../fake-bot-api/server';
import { testDeps } from '../harness';
import { seedEngine } from '../seed';
import { freePort } from '../../helpers/free-port';
import { useLowdbStores } from '../../helpers/lowdb-store';
import { useTempDir } from '../../helpers/tmp';

const SECRET = 'webhook_secret-123';

/** The bot as createBot builds it, launched in webhook mode on a free port against the fake Bot API. */
const launchWebhookBot = async (api: FakeBotApi, options: Pick<LaunchOptions, 'handledUpdates'> = {}) => {
  const { engine } = await seedEngine();
  const logger = createLogger({ level: 'silent' });
  const deps = testDeps(engine, logger);
  const { bot, commands } = createBot({ token: api.token, apiRoot: api.apiRoot, deps, features: createFeatures(deps) });
  const port = await freePort();
  const running = await launchBot(bot, { commands, logger, ...options, webhook: { url: 'https://bot.example.org/tg/hook', port, secret: SECRET, host: '127.0.0.1' } });
  return { running, port, deps, secret: SECRET };
};

describe('webhook mode', () => {
  it('registers the webhook with its secret and answers only requests that carry it', async () => {
    const api = await startFakeBotApi();
    const { running, port, deps, secret } = await launchWebhookBot(api);
    try {
      expect(running.mode).toBe('webhook');
      const setWebhook = await api.waitFor('setWebhook');
      expect(setWebhook.payload).toMatchObject({ url: 'https://bot.example.org/tg/hook', secret_token: secret });

      const update = (id: number, text: string) => ({
        update_id: id,
        message: {
          message_id: id,
          date: 0,
          chat: { id: 6001, type: 'private' },
          from: { id: 6001, is_bot: false, first_name: 'U' },
          text,
          ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
        },
      });
      const post = (body: unknown, header?: string) =>
        fetch(`http://127.0.0.1:${port}/tg/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(header ? { 'x-telegram-bot-api-secret-token': header } : {}) },
          body: JSON.stringify(body),
        });

      // forged: no secret, wrong secret → refused, nothing sent
      expect((await post(update(1, '/item 57'))).status).toBe(403);
      expect((await post(update(2, '/item 57'), 'guess')).status).toBe(403);
      expect(api.sent(6001)).toHaveLength(0);

      const reply = api.waitFor('sendMessage', (p) => p.chat_id === 6001);
      expect((await post(update(3, '/item 57'), secret)).status).toBe(200);
      const expected = (await createAnswerMessages(deps).build({ as: 'item', arg: '57' }, 1)).text;
      expect((await reply).payload.text).toBe(expected);

      // With the right secret, what is not an update is answered at once and costs nothing.
      const raw = (body: string | Buffer) =>
        fetch(`http://127.0.0.1:${port}/tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body });
      expect((await raw('null')).status).toBe(400);
      expect((await raw('{"no":"update_id"}')).status).toBe(400);
      expect((await raw('{not json')).status).toBe(400);
      expect((await raw('')).status).toBe(400);
      // Refused from its declared length, before a byte of it is buffered.
      expect((await raw(Buffer.alloc(2 * 1024 * 1024, 0x20))).status).toBe(413);
      const item58 = (await createAnswerMessages(deps).build({ as: 'item', arg: '58' }, 1)).text;
      const again = api.waitFor('sendMessage', (p) => p.chat_id === 6001 && p.text === item58);
      expect((await post(update(4, '/item 58'), secret)).status).toBe(200);
      await again;
    } finally {
      await running.stop();
      await api.close();
    }
  });

  const dir = useTempDir();
  const openStore = useLowdbStores();

  it('answers 200 only once the update is handled, and a resent update that was handled is not answered again (issue 20, item 2)', async () => {
    const api = await startFakeBotApi();
    const store = await openStore(dir());
    const { running, port, secret } = await launchWebhookBot(api, { handledUpdates: store.updates });
    try {
      const body = JSON.stringify({
        update_id: 77,
        message: {
          message_id: 77,
          date: 0,
          chat: { id: 6002, type: 'private' },
          from: { id: 6002, is_bot: false, first_name: 'U' },
          text: '/item 57',
          entities: [{ type: 'bot_command', offset: 0, length: 5 }],
        },
      });
      const post = async (): Promise<{ status: number; at: number }> => {
        const res = await fetch(`http://127.0.0.1:${port}/tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body });
        return { status: res.status, at: Date.now() };
      };
      // Telegram (the fake) holds the reply 500 ms before accepting it: the 200 must wait for it.
      api.failNext('sendMessage', { code: 'hang', ms: 500 });
      const posted = Date.now();
      const first = await post();
      expect(first.status).toBe(200);
      const reply = api.calls.find((c) => c.method === 'sendMessage' && c.status === 200);
      expect(reply).toBeDefined();
      expect(first.at).toBeGreaterThanOrEqual(reply!.at + 500);
      expect(first.at - posted).toBeGreaterThanOrEqual(500);
      expect(await store.updates.has(77)).toBe(true);

      // As Telegram does when it did not get our 200 (a timeout, a dropped connection): the same update again.
      expect((await post()).status).toBe(200);
      expect(api.sent(6002)).toHaveLength(1);
    } finally {
      await running.stop();
      await api.close();
    }
  });
});
