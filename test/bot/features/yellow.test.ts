import { ALERT_MESSAGES } from '../../../src/wording/alerts';
import { ADMIN, idsIn, settled, startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';
import { editedSeed } from '../../alerts/tables';

/**
 * Yellow (risk) alerts through the real bot: chats opt in with /yellow, an admin
 * uploads the next table, the worker delivers each chat's digest through the fake
 * Bot API server.
 *
 * The next table, same as-of date (序时进度 75%):
 * - 58 (工信局, 5G基站2000个) reports 1000 built: 50% → turns yellow;
 * - 84 (工信局 and others, 生物医药700亿元), the seed's only yellow target, reports 680亿元 (97%) → leaves yellow;
 * - 40 (聂元科) falls behind (否): a lagging alert everyone subscribed to 全部 gets.
 */
const NEXT = editedSeed({
  lagging: ['40'],
  progress: { '58': '截至9月底,新建并开通5G基站1000个', '84': '全市生物医药产业规模达到680亿元' },
});

const OPTED = 5001; // 全部 + /yellow on
const PLAIN = 5002; // 全部, never opted in
const UNIT = 5003; // 工信局 + /yellow on
const LEFT = 5004; // 全部, /yellow on then off
const GROUP = -5005; // a group: 全部, /yellow on by its admin
const GROUP_ADMIN = 4343;

let bot: AppUnderTest;
beforeEach(async () => {
  bot = await startAppUnderTest();
});
afterEach(async () => {
  await bot.stop();
});

const sentTo = (chat: number, from: number): string[] =>
  bot.api.calls
    .slice(from)
    .filter((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.payload.chat_id) === chat)
    .map(textOf);

const upload = async (bytes: Buffer): Promise<void> => {
  const from = bot.api.calls.length;
  bot.api.document({ userId: ADMIN, fileName: 'heze-2022-q3-b.tsv', bytes });
  await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN && !textOf(c).includes('正在导入'), from, 10_000);
};

/** the 序号 listed under a section title, up to the next title */
const section = (html: string, title: string): string[] => {
  const start = html.indexOf(`<b>${title}`);
  if (start < 0) return [];
  const rest = html.slice(start + 3);
  const end = rest.search(/\n<b>|\n\n/);
  return idsIn(end < 0 ? rest : rest.slice(0, end));
};

describe('/yellow', () => {
  it('says what it set, in Chinese, and shows the setting without an argument', async () => {
    expect(textOf(await bot.say('/yellow', { chatId: OPTED }))).toBe(ALERT_MESSAGES.yellowStatus(false));
    // no subscription yet: the reply says how to choose a scope
    expect(textOf(await bot.say('/yellow on', { chatId: OPTED }))).toBe(ALERT_MESSAGES.yellowOn(false));
    expect((await bot.subscriptions.settings(OPTED)).yellow).toBe(true);
    expect(textOf(await bot.say('/yellow', { chatId: OPTED }))).toContain('黄灯提醒：已开启');
    expect(textOf(await bot.say('/yellow maybe', { chatId: OPTED }))).toBe(ALERT_MESSAGES.yellowUsage);
    expect(textOf(await bot.say('/yellow 关闭', { chatId: OPTED }))).toBe(ALERT_MESSAGES.yellowOff);
    expect((await bot.subscriptions.settings(OPTED)).yellow).toBeUndefined();
  });

  it('points /subscribe 黄灯 to /yellow instead of subscribing to a keyword', async () => {
    expect(textOf(await bot.say('/subscribe 黄灯'))).toBe(ALERT_MESSAGES.subscribeYellowHint);
    expect(await bot.subscriptions.list(1001)).toEqual([]);
  });

  it('lets only group admins change it', async () => {
    bot.api.chatAdmins(GROUP, [GROUP_ADMIN]);
    expect(textOf(await bot.say('/yellow on', { chatId: GROUP, userId: 7, chatType: 'supergroup' }))).toBe(ALERT_MESSAGES.groupAdminsOnly);
    expect((await bot.subscriptions.settings(GROUP)).yellow).toBeUndefined();
    // anyone may look
    expect(textOf(await bot.say('/yellow', { chatId: GROUP, userId: 7, chatType: 'supergroup' }))).toContain('未开启');
    await bot.say('/subscribe 全部', { chatId: GROUP, userId: GROUP_ADMIN, chatType: 'supergroup' });
    expect(textOf(await bot.say('/yellow on', { chatId: GROUP, userId: GROUP_ADMIN, chatType: 'supergroup' }))).toBe(ALERT_MESSAGES.yellowOn(true));
    expect(await bot.subscriptions.settings(GROUP)).toMatchObject({ yellow: true, type: 'supergroup' });
  });

  it('registers the command with a Chinese description', async () => {
    await settled(bot);
    const call = await bot.api.waitFor('setMyCommands');
    const yellow = (call.payload.commands as { command: string; description: string }[]).find((c) => c.command === 'yellow');
    expect(yellow?.description).toMatch(/黄灯/);
  });
});

describe('yellow alerts, end to end', () => {
  const subscribeAll = async (): Promise<void> => {
    await bot.say('/subscribe 全部', { chatId: OPTED });
    await bot.say('/yellow on', { chatId: OPTED });
    await bot.say('/subscribe 全部', { chatId: PLAIN });
    await bot.say('/subscribe 工信局', { chatId: UNIT });
    await bot.say('/yellow on', { chatId: UNIT });
    await bot.say('/subscribe 全部', { chatId: LEFT });
    await bot.say('/yellow on', { chatId: LEFT });
    expect(textOf(await bot.say('/yellow off', { chatId: LEFT }))).toBe(ALERT_MESSAGES.yellowOff);
    bot.api.chatAdmins(GROUP, [GROUP_ADMIN]);
    await bot.say('/subscribe 全部', { chatId: GROUP, userId: GROUP_ADMIN, chatType: 'supergroup' });
    await bot.say('/yellow on', { chatId: GROUP, userId: GROUP_ADMIN, chatType: 'supergroup' });
  };

  it('adds the targets that turned yellow or left yellow to opted-in chats’ digests only, once each', async () => {
    await subscribeAll();
    const from = bot.api.calls.length;
    await upload(NEXT);
    await bot.worker.idle();

    for (const chat of [OPTED, GROUP]) {
      const [digest, ...more] = sentTo(chat, from);
      expect({ chat, more }).toEqual({ chat, more: [] });
      expect(section(digest!, '🔴 新增滞后')).toEqual(['40']);
      expect(section(digest!, '🟡 转为黄灯')).toEqual(['58']);
      expect(section(digest!, '🟢 解除黄灯')).toEqual(['84']);
      expect(idsIn(digest!)).toEqual(['40', '58', '84']);
      expect(digest).toContain('🟡 落后序时进度25个百分点（完成50%，序时75%）');
    }
    for (const chat of [PLAIN, LEFT]) {
      const [digest, ...more] = sentTo(chat, from);
      expect({ chat, more }).toEqual({ chat, more: [] });
      expect(idsIn(digest!)).toEqual(['40']);
      expect(digest).not.toContain('黄灯');
    }
    // 工信局: 58 and 84 changed progress too; they are listed under their light, not again under 进展更新
    const [unit] = sentTo(UNIT, from);
    expect(section(unit!, '🟡 转为黄灯')).toEqual(['58']);
    expect(section(unit!, '🟢 解除黄灯')).toEqual(['84']);
    expect(section(unit!, '📝 进展更新')).toEqual([]);
    expect(idsIn(unit!)).toEqual(['58', '84']);
  });

  it('sends nothing for the same table a second time', async () => {
    await subscribeAll();
    await upload(NEXT);
    await bot.worker.idle();
    const from = bot.api.calls.length;
    await upload(NEXT);
    await bot.worker.idle();
    expect([OPTED, PLAIN, UNIT, LEFT, GROUP].flatMap((chat) => sentTo(chat, from))).toEqual([]);
  });

  it('lists the current yellow targets in the scheduled digest of opted-in chats', async () => {
    await subscribeAll();
    await upload(NEXT);
    await bot.worker.idle();
    await bot.say('/digest daily', { chatId: OPTED });
    await bot.say('/digest daily', { chatId: PLAIN });
    const from = bot.api.calls.length;
    // Monday 2022-10-10 09:00 in Shanghai
    await bot.digests.runDue(new Date('2022-10-10T01:00:00Z'));
    await bot.worker.idle();
    const [opted] = sentTo(OPTED, from);
    const [plain] = sentTo(PLAIN, from);
    // after the import, 58 is the only yellow target of the table
    expect(section(opted!, '🟡 黄灯')).toEqual(['58']);
    expect(section(plain!, '🔴 滞后')).toEqual(section(opted!, '🔴 滞后'));
    expect(plain).not.toContain('黄灯');
  });
});
