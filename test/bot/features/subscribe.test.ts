import { isLagging, leadersOf, unitsOf } from '../../../src/model';
import { ALERT_MESSAGES } from '../../../src/wording/alerts';
import { buttonsOf, idsIn, messageIdOf, settled, startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';

/**
 * Subscribing through the real bot: commands and buttons go through the fake Bot
 * API server and real polling; the subscriptions land in the lowdb file.
 */
let bot: AppUnderTest;
beforeEach(async () => {
  bot = await startAppUnderTest();
});
afterEach(async () => {
  await bot.stop();
});

const laggingIds = async (test: (t: Parameters<typeof unitsOf>[0]) => boolean): Promise<string[]> => (await bot.reports.current())!.targets.filter((t) => isLagging(t) && test(t)).map((t) => t.id);

describe('subscribe feature', () => {
  it('shows the four choices as buttons for /subscribe without an argument', async () => {
    const reply = await bot.say('/subscribe');
    expect(textOf(reply)).toBe(ALERT_MESSAGES.subscribeMenu);
    expect(buttonsOf(reply).map((b) => b.text)).toEqual(['全部滞后项目', '按单位', '按领导', '关键词']);
  });

  it('subscribes to a unit by its short name, says what it understood, and lists what lags there now', async () => {
    const reply = await bot.say('/subscribe 工信局');
    const text = textOf(reply);
    expect(text).toContain('已订阅：<b>市工业和信息化局</b> 的滞后提醒');
    const expected = await laggingIds((t) => unitsOf(t).includes('市工业和信息化局'));
    expect(expected.length).toBeGreaterThan(0);
    expect(idsIn(text)).toEqual(expected);
    expect((await bot.subscriptions.list(1001)).map((s) => s.filter)).toEqual([{ kind: 'unit', unit: '市工业和信息化局' }]);
  });

  it('subscribes to a leader', async () => {
    const text = textOf(await bot.say('/subscribe 王昌华'));
    expect(text).toContain('已订阅：<b>王昌华分管</b> 的滞后提醒');
    expect(idsIn(text)).toEqual(await laggingIds((t) => leadersOf(t).includes('王昌华')));
    expect((await bot.subscriptions.list(1001))[0]!.filter).toEqual({ kind: 'leader', leader: '王昌华' });
  });

  it('subscribes to a keyword and says when nothing under it lags now', async () => {
    const text = textOf(await bot.say('/subscribe 5G'));
    expect(text).toContain('已订阅：<b>关键词“5G”</b> 的滞后提醒');
    expect(text).toContain('/search 该关键词');
    // The 5G targets of the seed (58, 64) are on schedule.
    expect(await laggingIds((t) => /5G/i.test(t.text))).toEqual([]);
    expect(text).toContain('目前没有符合条件的滞后项目');
    expect((await bot.subscriptions.list(1001))[0]!.filter).toMatchObject({ kind: 'keyword', keyword: '5G', terms: ['5g'] });
  });

  it('does not add the same subscription twice', async () => {
    await bot.say('/subscribe 工信局');
    expect(textOf(await bot.say('/subscribe 工信局'))).toContain('已经订阅过');
    expect(await bot.subscriptions.list(1001)).toHaveLength(1);
  });

  it('subscribes to everything lagging with the first button, and to a unit through the unit menu', async () => {
    const menu = await bot.say('/subscribe', { chatId: 1002 });
    const all = bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === 1002);
    bot.api.callback({ chatId: 1002, userId: 1002, messageId: messageIdOf(menu), data: 's:all' });
    const allText = textOf(await all);
    expect(allText).toContain('已订阅：<b>全部滞后项目</b>');
    expect(idsIn(allText)).toEqual(await laggingIds(() => true));

    const edited = bot.nextCall('editMessageText', (c) => Number(c.payload.chat_id) === 1002);
    bot.api.callback({ chatId: 1002, userId: 1002, messageId: messageIdOf(menu), data: 's:mu:1' });
    const unitMenu = await edited;
    const units = buttonsOf(unitMenu).filter((b) => b.callback_data?.startsWith('s:u:'));
    expect(units.length).toBeGreaterThan(0);
    for (const b of buttonsOf(unitMenu)) expect(Buffer.byteLength(b.callback_data ?? '')).toBeLessThanOrEqual(64);
    const pick = units[0]!;
    const confirm = bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === 1002 && textOf(c).includes(pick.text));
    bot.api.callback({ chatId: 1002, userId: 1002, messageId: messageIdOf(menu), data: pick.callback_data! });
    expect(textOf(await confirm)).toContain(`已订阅：<b>${pick.text}</b>`);
    expect((await bot.subscriptions.list(1002)).map((s) => s.filter)).toEqual([{ kind: 'all' }, { kind: 'unit', unit: pick.text }]);
  });

  it('answers a unit button from an older report as stale', async () => {
    const menu = await bot.say('/subscribe');
    bot.api.callback({ messageId: messageIdOf(menu), data: 's:u:000000:0' });
    const answer = await bot.nextCall('answerCallbackQuery', () => true);
    expect(answer.payload.text).toBe(ALERT_MESSAGES.staleButton);
    expect(await bot.subscriptions.list(1001)).toEqual([]);
  });

  it('lists subscriptions with remove buttons, removes one by button and the rest with /unsubscribe all', async () => {
    await bot.say('/subscribe 工信局');
    await bot.say('/subscribe 王昌华');
    await bot.say('/subscribe 5G');
    const list = await bot.say('/subscriptions');
    expect(textOf(list)).toContain('当前订阅 3 项');
    const remove = buttonsOf(list);
    expect(remove.map((b) => b.text)).toEqual(['❌ 市工业和信息化局', '❌ 王昌华分管', '❌ 关键词“5G”']);
    const edited = bot.nextCall('editMessageText', () => true);
    bot.api.callback({ messageId: messageIdOf(list), data: remove[0]!.callback_data! });
    expect(buttonsOf(await edited).map((b) => b.text)).toEqual(['❌ 王昌华分管', '❌ 关键词“5G”']);
    expect(textOf(await bot.say('/unsubscribe 5G'))).toContain('已取消订阅：<b>关键词“5G”</b>');
    expect(textOf(await bot.say('/unsubscribe all'))).toBe(ALERT_MESSAGES.unsubscribedAll(1));
    expect(await bot.subscriptions.list(1001)).toEqual([]);
    expect(textOf(await bot.say('/subscriptions'))).toBe(ALERT_MESSAGES.none);
  });

  it('lets only group admins change a group’s subscriptions', async () => {
    const group = -1002000;
    bot.api.chatAdmins(group, [42]);
    const refused = await bot.say('/subscribe 工信局', { chatId: group, userId: 7, chatType: 'supergroup' });
    expect(textOf(refused)).toBe(ALERT_MESSAGES.groupAdminsOnly);
    expect(await bot.subscriptions.list(group)).toEqual([]);
    const accepted = await bot.say(`/subscribe@${bot.api.botInfo.username} 工信局`, { chatId: group, userId: 42, chatType: 'supergroup' });
    expect(textOf(accepted)).toContain('已订阅：<b>市工业和信息化局</b>');
    expect(await bot.subscriptions.list(group)).toHaveLength(1);
    expect((await bot.subscriptions.settings(group)).type).toBe('supergroup');
    // anyone may look
    expect(textOf(await bot.say('/subscriptions', { chatId: group, userId: 7, chatType: 'supergroup' }))).toContain('当前订阅 1 项');
  });

  it('sets the digest schedule and quiet hours', async () => {
    expect(textOf(await bot.say('/digest daily'))).toContain('每天 09:00');
    expect(textOf(await bot.say('/quiet 22-8'))).toContain('22:00–8:00');
    expect(await bot.subscriptions.settings(1001)).toMatchObject({ digest: 'daily', quiet: { from: 22, to: 8 } });
    expect(textOf(await bot.say('/digest sometimes'))).toBe(ALERT_MESSAGES.digestUsage);
    expect(textOf(await bot.say('/quiet off'))).toBe(ALERT_MESSAGES.quietOff);
    expect((await bot.subscriptions.settings(1001)).quiet).toBeUndefined();
  });

  it('registers the alert commands with Telegram', async () => {
    await settled(bot);
    const call = await bot.api.waitFor('setMyCommands');
    const names = (call.payload.commands as { command: string }[]).map((c) => c.command);
    expect(names).toEqual(expect.arrayContaining(['subscribe', 'subscriptions', 'unsubscribe', 'digest', 'quiet']));
  });
});

describe('scheduled digest, end to end', () => {
  it('delivers /digest daily chats their lagging targets with deadline reminders', async () => {
    await bot.say('/subscribe 工信局', { chatId: 3001 });
    await bot.say('/digest daily', { chatId: 3001 });
    await bot.say('/digest weekly', { chatId: 3002 });
    const from = bot.api.calls.length;
    // Tuesday 2022-12-20 09:00 in Shanghai: 11 days before 年底; weekly chats wait for Monday
    expect(await bot.digests.runDue(new Date('2022-12-20T01:00:00Z'))).toEqual({ chats: 1, alerts: 1 });
    await bot.worker.idle();
    const sent = bot.api.calls.slice(from).filter((c) => c.method === 'sendMessage' && c.status === 200);
    expect(sent.map((c) => Number(c.payload.chat_id))).toEqual([3001]);
    const text = textOf(sent[0]!);
    expect(text).toContain('📋 每日滞后汇总');
    expect(text).toContain('订阅：市工业和信息化局');
    expect(text).toContain('⏰ 14 天内到期');
    // every lagging target of 工信局 is due 年底, within 14 days: listed under the reminder, then in the full list
    const lagging = await laggingIds((t) => unitsOf(t).includes('市工业和信息化局'));
    expect(idsIn(text)).toEqual([...lagging, ...lagging]);
    expect(text).toContain('还剩 <b>11</b> 天');
  });
});
