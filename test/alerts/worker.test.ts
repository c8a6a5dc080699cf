import { Telegram } from 'telegraf';
import { alertSender, createTransport } from '../../src/bot/transport';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/alerts/worker';
import type { AlertSettings } from '../../src/alerts/config';
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server';
import { useTempDir } from '../helpers/tmp';
import { openStores, silentLogger } from './helpers';

const dir = useTempDir();
let api: FakeBotApi;

beforeEach(async () => {
  api = await startFakeBotApi();
});
afterEach(async () => {
  await api.close();
});

const FAST: Partial<AlertSettings> = { globalPerSecond: 25, perChatIntervalMs: 100, backoffBaseMs: 50, backoffCapMs: 200 };

/** The worker as main.ts builds it: the bot transport's send over a real telegraf client talking HTTP to the fake server. */
const setup = async (settings: Partial<AlertSettings> = FAST, clock?: () => number, botUsername?: string) => {
  const stores = await openStores(dir());
  const logger = silentLogger();
  // as main.ts wires it: the transport's 429 retries wait for a slot of the worker's limiter
  let pacer: DeliveryWorker | undefined;
  const transport = createTransport({ logger, sleep: (ms) => pacer!.paceRetry(ms) });
  const telegram = new Telegram(api.token, { apiRoot: api.apiRoot });
  const worker: DeliveryWorker = createDeliveryWorker({
    outbox: stores.outbox,
    subscriptions: stores.subscriptions,
    send: alertSender(transport, telegram),
    timezone: 'Asia/Shanghai',
    logger,
    settings,
    ...(clock ? { clock } : {}),
    ...(botUsername ? { botUsername } : {}),
  });
  pacer = worker;
  return { ...stores, worker };
};

const setupAs = (botUsername: string) => setup(FAST, undefined, botUsername);

const texts = (chatId: number): string[] => api.sent(chatId).map((p) => String(p.text));

describe('delivery worker', () => {
  it('sends every pending alert once, each chat in enqueue order, and marks it sent with its message id', async () => {
    const { store, outbox, worker } = await setup();
    await outbox.enqueue([
      { id: 'a:1', chatId: 1, text: '<b>一</b> 1/2' },
      { id: 'b:1', chatId: 2, text: '二' },
      { id: 'a:2', chatId: 1, text: '<b>一</b> 2/2' },
    ]);
    await worker.start();
    await worker.idle();
    expect(texts(1)).toEqual(['<b>一</b> 1/2', '<b>一</b> 2/2']);
    expect(texts(2)).toEqual(['二']);
    expect(await outbox.get('a:2')).toMatchObject({ state: 'sent', messageId: 2, attempts: 1 });
    expect(api.sent()[0]).toMatchObject({ parse_mode: 'HTML' });
    await worker.stop();
    await store.close();
  });

  it('picks up alerts enqueued while running', async () => {
    const { store, outbox, worker } = await setup();
    await worker.start();
    await outbox.enqueue([{ id: 'x', chatId: 5, text: 'later' }]);
    await api.waitFor('sendMessage', (p) => p.text === 'later');
    await worker.idle();
    expect((await outbox.get('x'))?.state).toBe('sent');
    await worker.stop();
    await store.close();
  });

  it('keeps one chat to one message per interval and everything under the global limit', async () => {
    const { store, outbox, worker } = await setup({ ...FAST, globalPerSecond: 10, perChatIntervalMs: 300 });
    await outbox.enqueue([
      ...Array.from({ length: 4 }, (_, i) => ({ id: `same:${i}`, chatId: 7, text: `same ${i}` })),
      ...Array.from({ length: 16 }, (_, i) => ({ id: `many:${i}`, chatId: 100 + i, text: `many ${i}` })),
    ]);
    await worker.start();
    await worker.idle();
    const sends = api.calls.filter((c) => c.method === 'sendMessage' && c.status === 200);
    expect(sends).toHaveLength(20);
    const toSeven = sends.filter((c) => Number(c.payload.chat_id) === 7).map((c) => c.at);
    // the server's receive times; allow a few ms of scheduling jitter on the client side
    for (let i = 1; i < toSeven.length; i += 1) expect(toSeven[i]! - toSeven[i - 1]!).toBeGreaterThanOrEqual(290);
    const times = sends.map((c) => c.at).sort((a, b) => a - b);
    // no one-second window holds more than 10 (+1 for the window edge measured on the server)
    for (let i = 0; i + 11 < times.length; i += 1) expect(times[i + 11]! - times[i]!).toBeGreaterThanOrEqual(990);
    await worker.stop();
    await store.close();
  });

  it('waits retry_after on 429 and sends the alert exactly once', async () => {
    const { store, outbox, worker } = await setup();
    await outbox.enqueue([{ id: 'r', chatId: 9, text: 'rate limited' }]);
    // five 429s: the transport retries four times itself, the worker takes the fifth and pauses the chat
    api.failNext('sendMessage', { code: 429, retryAfter: 1 }, 5);
    const started = Date.now();
    await worker.start();
    await worker.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 1000 - 50);
    expect(texts(9)).toEqual(['rate limited']);
    expect(worker.stats).toMatchObject({ sent: 1, rateLimited: 1 });
    expect((await outbox.get('r'))?.state).toBe('sent');
    await worker.stop();
    await store.close();
  }, 20_000);

  it('backs off on 5xx and network errors and then delivers', async () => {
    const { store, outbox, worker } = await setup();
    await outbox.enqueue([{ id: 's', chatId: 3, text: 'server trouble' }]);
    api.failNext('sendMessage', { code: 500 }, 3);
    await worker.start();
    await worker.idle();
    expect(texts(3)).toEqual(['server trouble']);
    expect(await outbox.get('s')).toMatchObject({ state: 'sent', attempts: 4 });
    expect(worker.stats.retried).toBe(3);
    await worker.stop();
    await store.close();
  });

  it('marks a chat inactive on 403, drops its queue, keeps its subscriptions and serves other chats', async () => {
    const { store, outbox, worker, subscriptions } = await setup();
    await subscriptions.add(11, { kind: 'all' });
    api.blockChat(11);
    await outbox.enqueue([
      { id: 'blocked:1', chatId: 11, text: 'one' },
      { id: 'blocked:2', chatId: 11, text: 'two' },
      { id: 'fine', chatId: 12, text: 'fine' },
    ]);
    await worker.start();
    await worker.idle();
    expect((await subscriptions.settings(11)).active).toBe(false);
    expect(await subscriptions.list(11)).toHaveLength(1);
    expect((await subscriptions.subscribers()).has(11)).toBe(false);
    expect(await outbox.get('blocked:1')).toMatchObject({ state: 'failed' });
    expect(await outbox.get('blocked:2')).toMatchObject({ state: 'failed' });
    expect(api.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === 11)).toHaveLength(1);
    expect(texts(12)).toEqual(['fine']);
    expect(await subscriptions.reactivate(11)).toBe(true);
    expect((await subscriptions.subscribers()).get(11)).toEqual([{ kind: 'all' }]);
    await worker.stop();
    await store.close();
  });

  it('sends an alert Telegram refuses (400) in its minimal form: the 序号 linked to the item view', async () => {
    const { store, outbox, worker } = await setupAs('progress_test_bot');
    await outbox.enqueue([
      { id: 'bad', chatId: 4, text: '<b>🔔 责任目标变化提醒</b>\n• <b>57</b> broken <b>html\n• <b>A-3</b> x' },
      { id: 'good', chatId: 4, text: 'next one' },
    ]);
    await worker.start();
    await worker.idle();
    expect(await outbox.get('bad')).toMatchObject({ state: 'sent' });
    const [minimal, next] = texts(4);
    expect(minimal).toContain('<a href="https://t.me/progress_test_bot?start=item_57">57</a>');
    expect(minimal).toContain('start=item_A-3');
    expect(next).toBe('next one');
    expect(worker.stats.minimal).toBe(1);
    await worker.stop();
    await store.close();
  });

  it('records an alert as failed only when its minimal form is refused too, and moves on', async () => {
    const { store, outbox, worker } = await setup();
    api.failNext('sendMessage', { code: 400, description: 'message is too long' }, 2, { chatId: 4 });
    await outbox.enqueue([
      { id: 'bad', chatId: 4, text: '• <b>57</b> x' },
      { id: 'good', chatId: 4, text: 'next one' },
    ]);
    await worker.start();
    await worker.idle();
    expect(await outbox.get('bad')).toMatchObject({ state: 'failed' });
    expect((await outbox.get('bad'))?.error).toMatch(/message is too long/);
    expect(texts(4)).toEqual(['next one']);
    await worker.stop();
    await store.close();
  });

  it('sends silently inside the chat’s quiet hours, with sound outside them', async () => {
    // 23:30 in Shanghai is 15:30 UTC
    let now = Date.parse('2022-10-10T15:30:00Z');
    const { store, outbox, worker, subscriptions } = await setup(FAST, () => now);
    await subscriptions.setQuiet(21, { from: 22, to: 8 });
    await outbox.enqueue([{ id: 'night', chatId: 21, text: 'night' }]);
    await worker.start();
    await worker.idle();
    now = Date.parse('2022-10-11T02:00:00Z'); // 10:00 local
    await outbox.enqueue([{ id: 'day', chatId: 21, text: 'day' }]);
    await worker.idle();
    const [night, day] = api.sent(21);
    expect(night).toMatchObject({ text: 'night', disable_notification: true });
    expect(day?.disable_notification).toBeUndefined();
    await worker.stop();
    await store.close();
  });
});
