import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_MESSAGES } from '../../src/wording/alerts';
import { ADMIN, idsIn, ROOT, settled, startAppUnderTest, textOf, type AppUnderTest } from '../helpers/app-under-test';
import { editedSeed, newTargetLine } from '../alerts/tables';
import type { Payload } from '../fake-bot-api/body';

/**
 * From a new table to each subscriber's digest, end to end: users subscribe
 * through the bot, an admin uploads the next table (or `npm run import` hands it
 * to the running bot), the fan-out enqueues, the worker delivers through the
 * fake Bot API server.
 */
const A = 2001; // 工信局
const B = 2002; // 聂元科
const C = 2003; // 5G
const D = 2004; // everything lagging
const E = 2005; // 卫健委: nothing of theirs changes
const G = -3001; // a group following 王昌华
const GROUP_ADMIN = 4242;

/**
 * The next quarter: 58 (工信局, 王昌华, a 5G target) and 40 (聂元科) fall behind,
 * 47 (聂元科, 鲁西新区) catches up, 87 (王昌华, 工信局) is new and already behind,
 * 57 (工信局, 王昌华) stays behind with new progress, 39 (聂元科) reports new progress.
 */
const NEXT = editedSeed({
  lagging: ['58', '40'],
  recovered: ['47'],
  progress: { '57': '1—12月，全市规模以上工业增加值同比增长7.1%', '39': '全年未发生重特大事故' },
  add: [newTargetLine('87', '王昌华', '推进工业互联网平台建设，新增上云企业300家', '否', '市工业和信息化局')],
});

/** What each subscriber should read, section by section (became lagging, new, still lagging with news, recovered, progress). */
const EXPECTED: Record<number, string[]> = {
  [A]: ['58', '87', '57'],
  [B]: ['40', '47', '39'],
  [C]: ['58'],
  [D]: ['40', '58', '87', '57', '47'],
  [G]: ['58', '87', '57'],
};

let bot: AppUnderTest;

const subscribeAll = async (): Promise<void> => {
  await bot.say('/subscribe 工信局', { chatId: A });
  await bot.say('/subscribe 聂元科', { chatId: B });
  await bot.say('/subscribe 5G', { chatId: C });
  await bot.say('/subscribe 全部', { chatId: D });
  await bot.say('/subscribe 卫健委', { chatId: E });
  bot.api.chatAdmins(G, [GROUP_ADMIN]);
  await bot.say('/subscribe 王昌华', { chatId: G, userId: GROUP_ADMIN, chatType: 'supergroup' });
};

/** Everything the bot sent to each chat from call index `from` on. */
const sentSince = (from: number): Map<number, Payload[]> => {
  const byChat = new Map<number, Payload[]>();
  for (const call of bot.api.calls.slice(from)) {
    if (call.method !== 'sendMessage' || call.status !== 200) continue;
    const chatId = Number(call.payload.chat_id);
    byChat.set(chatId, [...(byChat.get(chatId) ?? []), call.payload]);
  }
  return byChat;
};

const upload = async (bytes: Buffer, fileName = 'heze-2022-q4.tsv', userId = ADMIN): Promise<string> => {
  const from = bot.api.calls.length;
  bot.api.document({ userId, fileName, bytes });
  return textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === userId, from, 10_000));
};

const expectDigests = (sent: Map<number, Payload[]>, expected: Record<number, string[]>): void => {
  for (const [chat, ids] of Object.entries(expected)) {
    const messages = sent.get(Number(chat)) ?? [];
    // one message per subscriber per import, listing exactly its changes
    expect({ chat, count: messages.length }).toEqual({ chat, count: 1 });
    expect({ chat, ids: idsIn(String(messages[0]!.text)) }).toEqual({ chat, ids });
  }
};

beforeEach(async () => {
  bot = await startAppUnderTest();
  await subscribeAll();
});
afterEach(async () => {
  await bot.stop();
});

describe('alerts end to end', () => {
  it('sends each subscriber exactly its digest after an admin uploads the next table, and nothing for the same file again', async () => {
    const from = bot.api.calls.length;
    const summary = await upload(NEXT);
    expect(summary).toContain('新增滞后 2 项（40、58）');
    expect(summary).toContain('已保存为当前数据');
    await bot.worker.idle();
    const sent = sentSince(from);
    expectDigests(sent, EXPECTED);
    expect(sent.has(E)).toBe(false);
    const digest = String(sent.get(A)![0]!.text);
    expect(digest).toContain('订阅：市工业和信息化局');
    expect(digest).toContain('🔴 新增滞后 1 项');
    expect(sent.get(A)![0]).toMatchObject({ parse_mode: 'HTML' });

    const again = bot.api.calls.length;
    expect(await upload(NEXT)).toContain('未重复导入');
    await bot.worker.idle();
    expect([...sentSince(again).keys()]).toEqual([ADMIN]);
  });

  it('sends nothing when a new file carries the same data', async () => {
    const from = bot.api.calls.length;
    // different bytes (CRLF line ends), same content
    const same = Buffer.from(editedSeed({}).toString('utf8').replace(/\n/g, '\r\n'), 'utf8');
    expect(await upload(same, 'copy.tsv')).toContain('已保存为当前数据');
    await bot.worker.idle();
    await settled(bot);
    expect([...sentSince(from).keys()]).toEqual([ADMIN]);
  });

  it('refuses a non-admin’s upload politely and imports nothing', async () => {
    const reports = (await bot.reports.history()).length;
    expect(await upload(NEXT, 'q4.tsv', 5555)).toBe(ALERT_MESSAGES.uploadNotAdmin);
    expect(await bot.reports.history()).toHaveLength(reports);
    expect(bot.api.calls.some((c) => c.method === 'getFile')).toBe(false);
  });

  it('tells the admin where a bad table is wrong and alerts nobody', async () => {
    const from = bot.api.calls.length;
    const bad = Buffer.from(editedSeed({}).toString('utf8').replace('\t是\t市应急局', '\t待定\t市应急局'), 'utf8');
    const reply = await upload(bad, 'bad.tsv');
    expect(reply).toMatch(/^导入失败：表格 bad\.tsv 第 \d+ 行“是否按计划完成进度”列：“待定”不是“是”或“否”。请改为“是”或“否”，改好后重新发送给我。$/);
    await settled(bot);
    expect([...sentSince(from).keys()]).toEqual([ADMIN]);
  });

  it('delivers the same digests when `npm run import` hands the table to the running bot', async () => {
    const file = join(bot.dir, 'heze-2022-q4.tsv');
    writeFileSync(file, NEXT);
    const from = bot.api.calls.length;
    const tsx = join(ROOT, 'node_modules/.bin/tsx');
    const output = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(tsx, [join(ROOT, 'src/cli/import.ts'), file], {
        env: { PATH: process.env.PATH ?? '', HOME: bot.dir, DB_PATH: bot.dbPath },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect(output.out).toContain('机器人正在运行');
    expect(output.out).toContain('新增滞后 2 项（40、58）');
    expect(output.code).toBe(0);
    await bot.worker.idle();
    expectDigests(sentSince(from), EXPECTED);
  }, 30_000);

  it('still sends each digest exactly once when Telegram answers 429', async () => {
    const from = bot.api.calls.length;
    bot.api.failNext('sendMessage', { code: 429, retryAfter: 1 }, 3);
    await upload(NEXT);
    await bot.worker.idle();
    const sent = sentSince(from);
    // the admin's summary may have been the one delayed; every digest still arrives once
    expectDigests(sent, EXPECTED);
    expect(bot.api.calls.slice(from).filter((c) => c.status === 429)).toHaveLength(3);
  }, 20_000);

  it('stops sending to a chat that blocked the bot, and starts again after /start', async () => {
    bot.api.blockChat(D);
    const from = bot.api.calls.length;
    await upload(NEXT);
    await bot.worker.idle();
    expect((await bot.subscriptions.settings(D)).active).toBe(false);
    expect(await bot.subscriptions.list(D)).toHaveLength(1); // data kept
    const { [D]: _blocked, ...others } = EXPECTED;
    expectDigests(sentSince(from), others);

    bot.api.blockChat(D, false);
    await bot.say('/start', { chatId: D });
    expect((await bot.subscriptions.settings(D)).active).toBe(true);
    const later = bot.api.calls.length;
    await upload(editedSeed({ lagging: ['58', '40', '41'], recovered: ['47'] }), 'heze-2022-q4-rev.tsv');
    await bot.worker.idle();
    const sent = sentSince(later);
    // 41 fell behind; 87 is gone (it was lagging); 57's progress is back to the seed's text
    expect(idsIn(String(sent.get(D)?.[0]?.text ?? ''))).toEqual(['41', '57', '87']);
  }, 20_000);

  it('splits a long digest into numbered parts under 4096 characters, each target once', async () => {
    const ids = Array.from({ length: 48 }, (_, i) => String(39 + i)).filter((id) => id !== '47' && id !== '57');
    const from = bot.api.calls.length;
    await upload(editedSeed({ lagging: ids }), 'all-behind.tsv');
    await bot.worker.idle();
    const parts = (sentSince(from).get(D) ?? []).map((p) => String(p.text));
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((text, i) => {
      expect(text.length).toBeLessThanOrEqual(4096);
      expect(text).toContain(`（${i + 1}/${parts.length}）`);
    });
    expect(parts.flatMap(idsIn).sort()).toEqual([...ids].sort());
  }, 20_000);
});
