import { SUPERVISION_MESSAGES as M } from '../../../src/wording/supervision';
import { ADMIN, startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';

/**
 * /remindset through the real bot: who may set a bound chat's own scheduled reminders, what it
 * says back, and what it keeps in the store (the settings, so every replica's scheduler reads it).
 */
let bot: AppUnderTest;
beforeEach(async () => {
  bot = await startAppUnderTest({ env: { UNIT_REMIND_WEEKDAY: '1', UNIT_REMIND_BEFORE_DAYS: '0' } });
});
afterEach(async () => {
  await bot.stop();
});

const GROUP = -100_300;
const CHAT_ADMIN = 601;
const MEMBER = 602;

const bind = async (chatId: number): Promise<void> => {
  const { binding } = await bot.supervision.requestBinding({ chatId, unit: '市科技局', requestedBy: CHAT_ADMIN });
  await bot.supervision.decideBinding(binding.id, 'approved', ADMIN);
};
const say = async (text: string, userId: number, chatId = GROUP): Promise<string> => textOf(await bot.say(text, { chatId, userId, chatType: 'supergroup' }));
const stored = () => bot.settings.get('remind-schedule', String(GROUP));

describe('/remindset', () => {
  it('refuses a chat without an approved binding', async () => {
    expect(await say('/remindset 周一', CHAT_ADMIN)).toBe(M.remindSetNotBound);
    const { binding } = await bot.supervision.requestBinding({ chatId: GROUP, unit: '市科技局', requestedBy: CHAT_ADMIN });
    expect(binding.state).toBe('pending');
    expect(await say('/remindset 周一', CHAT_ADMIN)).toBe(M.remindSetNotBound);
    expect(await stored()).toBeUndefined();
  });

  it('lets the group’s admins and the bot’s admins set it, not other members, and shows global and own values', async () => {
    await bind(GROUP);
    bot.api.chatAdmins(GROUP, [CHAT_ADMIN]);
    expect(await say('/remindset', MEMBER)).toBe(`${M.remindSchedule(1, 0, { weekday: false, beforeDays: false })}\n\n${M.remindSetUsage}`);
    expect(await say('/remindset 周三', MEMBER)).toBe(M.remindSetAdminsOnly);
    expect(await stored()).toBeUndefined();

    expect(await say('/remindset 星期三', CHAT_ADMIN)).toBe(M.remindSchedule(3, 0, { weekday: true, beforeDays: false }));
    expect(await say('/remindset 提前3天', ADMIN)).toBe(M.remindSchedule(3, 3, { weekday: true, beforeDays: true }));
    expect(await stored()).toEqual({ weekday: 3, beforeDays: 3 });
    expect(await say('/remindset 每周关', CHAT_ADMIN)).toBe(M.remindSchedule(0, 3, { weekday: true, beforeDays: true }));

    // not a setting: the usage, nothing changed
    for (const bad of ['周八', '提前0天', '提前999天', '每天']) expect(await say(`/remindset ${bad}`, CHAT_ADMIN)).toBe(M.remindSetUsage);
    expect(await stored()).toEqual({ weekday: 0, beforeDays: 3 });

    expect(await say('/remindset 默认', CHAT_ADMIN)).toBe(M.remindSchedule(1, 0, { weekday: false, beforeDays: false }));
    expect(await stored()).toBeUndefined();
  });
});
