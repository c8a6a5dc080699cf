/**
 * A successful getUpdates answer that is not what the Bot API documents must not stop polling
 * (it stopped the process: a TypeError in the polling loop). The app main.ts runs, long polling
 * the fake Bot API, which serves the crafted answers.
 */
import { startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';
import { until } from '../../helpers/wait';

const logged = (bot: AppUnderTest): { level: number; msg: string; [key: string]: unknown }[] => bot.logs.map((l) => JSON.parse(l));

const command = (updateId: number, chatId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: chatId, type: 'private', first_name: 'U' },
    from: { id: chatId, is_bot: false, first_name: 'U' },
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
  },
});

describe('a malformed successful getUpdates answer', () => {
  let bot: AppUnderTest;
  afterEach(async () => {
    await bot.stop();
  });

  it('is retried when its result is not a list, and its entries that are not updates are skipped, while polling goes on', async () => {
    bot = await startAppUnderTest();
    await bot.say('/item 57', { chatId: 3001 });
    // the answer goes out before the update counts as handled (and the offset moves past it)
    await until(() => bot.api.pollOpen(), 'a long poll open');
    const K = 1_000_000;
    for (const result of [{}, null, 'updates', undefined]) bot.api.failNext('getUpdates', { code: 'raw', status: 200, body: { ok: true, result } });
    const garbage = [null, 7, 'update', [], { message: command(1, 3002, '/item 1').message }, { update_id: 'x' }, { update_id: -1, message: {} }, { update_id: 1.5, message: {} }];
    bot.api.failNext('getUpdates', { code: 'raw', status: 200, body: { ok: true, result: [...garbage, command(K - 1, 3002, '/item 58'), { update_id: K }] } });
    // The poll open now brings this one; the five getUpdates after it get the crafted answers.
    const from = bot.api.calls.length;
    bot.api.userMessage({ chatId: 3003, text: '/item 59' });
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === 3003, from))).toContain('59');

    // The update among the garbage is handled; the empty one with a usable id is confirmed, not handled.
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === 3002, from, 15_000))).toContain('58');
    await until(() => logged(bot).some((l) => l.msg === 'getUpdates answered entries that are not updates; skipped them'), 'the crafted batch');
    const next = bot.api.calls.length;
    bot.api.pushUpdate(command(K + 1, 3004, '/item 60'));
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === 3004, next))).toContain('60');
    // It came in the answer to the getUpdates that confirmed the empty entry.
    expect(bot.api.calls.filter((c) => c.method === 'getUpdates' && c.status === 200).map((c) => Number(c.payload.offset))).toContain(K + 1);

    const lines = logged(bot);
    expect(lines.filter((l) => l.msg === 'getUpdates failed; polling again after a pause').map((l) => l.failures)).toEqual([1, 2, 3, 4]);
    expect(lines.filter((l) => l.msg === 'getUpdates answered entries that are not updates; skipped them').map((l) => [l.skipped, l.entries])).toEqual([[garbage.length + 1, garbage.length + 2]]);
    expect(lines.some((l) => l.level >= 50)).toBe(false);
    expect(bot.api.sent().filter((p) => Number(p.chat_id) === 3002)).toHaveLength(1);
  }, 30_000);
});
