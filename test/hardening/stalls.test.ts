/**
 * One chat's trouble is nobody else's: the app main.ts runs, long polling the fake Bot API,
 * while one user's reply waits out a 429 or hangs. Latencies are printed for RELIABILITY.md.
 */
import { ADMIN, startAppUnderTest, textOf, type AppUnderTest } from '../helpers/app-under-test';
import { sparseXlsx } from '../helpers/sparse-xlsx';
import { TABLE_LIMITS } from '../../src/table/limits';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const waitUntil = async (what: string, test: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};

const logged = (bot: AppUnderTest): { level: number; msg: string; [key: string]: unknown }[] => bot.logs.map((l) => JSON.parse(l));

describe('nobody waits on someone else’s trouble', () => {
  let bot: AppUnderTest;
  afterEach(async () => {
    await bot.stop();
  });

  it('answers another user within 3 s while one reply waits out a 429 of 20 s, then sends the held replies in order', async () => {
    bot = await startAppUnderTest();
    const slow = 2001;
    const other = 2002;
    bot.api.failNext('sendMessage', { code: 429, retryAfter: 20 }, 1, { chatId: slow });
    bot.api.userMessage({ chatId: slow, text: '/item 57' });
    await waitUntil('the 429', () => bot.api.calls.some((c) => c.status === 429));
    const refusedAt = bot.api.calls.find((c) => c.status === 429)!.at;
    // The same chat's next reply must not overtake the held one.
    bot.api.userMessage({ chatId: slow, text: '/item 58' });

    const asked = Date.now();
    const answer = await bot.say('/item 58', { chatId: other });
    const latency = Date.now() - asked;
    console.log(`429 retry_after 20 s on chat ${slow}: other user answered in ${latency} ms`);
    expect(textOf(answer)).toContain('58');
    expect(latency).toBeLessThan(3000);

    // The held reply goes out once retry_after has passed, and the chat's later reply after it.
    const first = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === slow, 0, 25_000);
    const sent = bot.api.calls.filter((c) => Number(c.payload.chat_id) === slow && c.method === 'sendMessage' && c.status === 200);
    console.log(`held reply sent ${first.at - refusedAt} ms after the 429`);
    expect(first.at - refusedAt).toBeGreaterThanOrEqual(19_500);
    await waitUntil('the second reply', () => bot.api.calls.filter((c) => Number(c.payload.chat_id) === slow && c.status === 200).length === 2);
    const texts = bot.api.calls.filter((c) => Number(c.payload.chat_id) === slow && c.status === 200).map(textOf);
    expect(texts[0]).toContain('57');
    expect(texts[1]).toContain('58');
    expect(sent.length).toBeGreaterThanOrEqual(1);
    // The handler returned at once: the limit on a handler's time was never near.
    expect(logged(bot).some((l) => l.msg === 'reply still rate limited; waiting again')).toBe(false);
  }, 40_000);

  it('gives up a hung Bot API call after the call timeout, while others are answered', async () => {
    bot = await startAppUnderTest({ callTimeoutMs: 2000 });
    const stuck = 2003;
    const other = 2004;
    bot.api.failNext('sendMessage', { code: 'hang' }, 1, { chatId: stuck });
    bot.api.userMessage({ chatId: stuck, text: '/item 57' });
    await sleep(100);
    const asked = Date.now();
    const answer = await bot.say('/item 57', { chatId: other });
    const latency = Date.now() - asked;
    console.log(`hung sendMessage on chat ${stuck}: other user answered in ${latency} ms`);
    expect(textOf(answer)).toContain('57');
    // well before the hung call is given up: the poller fetches new updates while a handler hangs
    expect(latency).toBeLessThan(1500);

    await waitUntil('the hung call to be abandoned', () => bot.api.calls.some((c) => c.status === 0 && Number(c.payload.chat_id) === stuck), 5000);
    const abandonedAfter = bot.api.calls.find((c) => c.status === 0)!;
    await waitUntil('the timeout to be logged', () => logged(bot).some((l) => l.level >= 50 && l.chatId === stuck));
    // The chat itself is not stuck either: its next question is answered.
    expect(textOf(await bot.say('/item 58', { chatId: stuck }))).toContain('58');
    expect(abandonedAfter.method).toBe('sendMessage');
  });

  it('keeps polling after getUpdates errors that are not 401 or 409, with back-off', async () => {
    bot = await startAppUnderTest();
    bot.api.failNext('getUpdates', { code: 'raw', status: 400, body: { ok: false } });
    bot.api.failNext('getUpdates', { code: 500 });
    bot.api.failNext('getUpdates', { code: 400, description: 'Bad Request: something new' });
    // The poll open now brings this one; the next three getUpdates fail.
    await bot.say('/item 57', { chatId: 2005 });
    const from = bot.api.calls.length;
    bot.api.userMessage({ chatId: 2005, text: '/item 58' });
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === 2005, from, 10_000))).toContain('58');
    const failures = logged(bot).filter((l) => l.msg === 'getUpdates failed; polling again after a pause');
    expect(failures.map((l) => l.failures)).toEqual([1, 2, 3]);
    expect(failures.map((l) => l.waitMs)).toEqual([500, 1000, 2000]);
    expect(logged(bot).some((l) => l.level === 60)).toBe(false);
  });
});

describe('a small .xlsx of 6.5 million rows', () => {
  let bot: AppUnderTest;
  afterEach(async () => {
    await bot.stop();
  });

  it('is refused with the reason told to the admin, while another user is answered within 3 s', async () => {
    bot = await startAppUnderTest();
    const bytes = await sparseXlsx(6_500_000);
    const from = bot.api.calls.length;
    bot.api.document({ userId: ADMIN, fileName: 'q4.xlsx', bytes });
    await waitUntil('the download', () => bot.api.calls.slice(from).some((c) => c.method === 'getFile'));
    const asked = Date.now();
    const answer = await bot.say('/item 57', { chatId: 2006 });
    const latency = Date.now() - asked;
    const refusal = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN && textOf(c).startsWith('导入失败'), from, 60_000);
    console.log(`6.5M-row xlsx (${Math.round(bytes.length / 1024)} KB): other user answered in ${latency} ms; refused after ${refusal.at - asked} ms`);
    expect(textOf(answer)).toContain('57');
    expect(latency).toBeLessThan(3000);
    expect(textOf(refusal)).toContain(`超过上限 ${TABLE_LIMITS.maxRows} 行`);
    expect(textOf(refusal)).toContain('q4.xlsx');
    expect(await bot.reports.history()).toHaveLength(1);
  }, 90_000);
});

describe('a download larger than its document said', () => {
  it('is cut off at the upload limit while it streams, and the admin told the limit', async () => {
    const bot = await startAppUnderTest({ maxUploadBytes: 64 * 1024 });
    try {
      // The Bot API server serves 5 MB for a document declared as 100 bytes.
      const file = bot.api.registerFile(Buffer.alloc(5 * 1024 * 1024, 0x41), 'q4.tsv');
      const from = bot.api.calls.length;
      bot.api.pushUpdate({
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: ADMIN, type: 'private', first_name: 'A' },
          from: { id: ADMIN, is_bot: false, first_name: 'A' },
          document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: 'q4.tsv', file_size: 100 },
        },
      });
      const reply = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN, from, 10_000);
      expect(textOf(reply)).toBe('文件太大，无法导入（上限 64 KB）。');
      expect(await bot.reports.history()).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });
});

describe('a forged detail button on an inline-mode message', () => {
  it('is answered with where to look, not an error', async () => {
    const bot = await startAppUnderTest();
    try {
      const from = bot.api.calls.length;
      bot.api.callback({ userId: 2007, messageId: 0, data: 'd:57', inlineMessageId: 'AAAAAQ' });
      const answer = await bot.nextCall('answerCallbackQuery', () => true, from);
      expect(answer.payload.text).toBe('请在与机器人的私聊中发送 /item 57 查看详情。');
      await bot.running.idle();
      expect(logged(bot).filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      await bot.stop();
    }
  });
});
