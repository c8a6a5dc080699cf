import { targetStatus } from '../../src/model';
import { SUPERVISION_MESSAGES as M } from '../../src/wording/supervision';
import { ADMIN, startAppUnderTest, textOf, type AppUnderTest } from '../helpers/app-under-test';

/**
 * Scheduled reminders through the app as `npm start` builds it (UNIT_REMIND_WEEKDAY=6, Saturday;
 * UNIT_REMIND_BEFORE_DAYS=7), run by the test's clock: on Saturday 2022-12-24 the lagging targets'
 * units are reminded, and the units of unfinished targets due 2022-12-31 (年底); once per day.
 */
let bot: AppUnderTest;
beforeEach(async () => {
  bot = await startAppUnderTest({ env: { UNIT_REMIND_WEEKDAY: '6', UNIT_REMIND_BEFORE_DAYS: '7' } });
});
afterEach(async () => {
  await bot.stop();
});

const GONGXIN = -501;
const SATURDAY = new Date('2022-12-24T01:00:00Z'); // 09:00 in Asia/Shanghai

describe('scheduled reminders', () => {
  it('reminds the lagging targets’ units weekly and the units of targets due in N days, once a day, through the outbox', async () => {
    const { binding } = await bot.supervision.requestBinding({ chatId: GONGXIN, unit: '市工业和信息化局', requestedBy: 1 });
    await bot.supervision.decideBinding(binding.id, 'approved', ADMIN);
    const report = (await bot.reports.current())!;
    const dueGongxin = report.targets.filter(
      (t) =>
        t.deadline.kind === 'date' &&
        t.deadline.date === '2022-12-31' &&
        targetStatus(t) !== 'done' &&
        t.assignments.some((a) => a.units.includes('市工业和信息化局') || a.cooperating?.includes('市工业和信息化局')),
    );
    expect(dueGongxin.length).toBeGreaterThan(0);

    const first = await bot.unitReminders.runDue(SATURDAY);
    expect(first.batches).toBe(2);
    await bot.worker.idle();
    const reminders = await bot.supervision.reminders();
    expect(reminders.find((r) => r.id.startsWith('wk2022-12-24') && r.unit === '市工业和信息化局')).toMatchObject({ targets: ['57'], chatIds: [GONGXIN], by: 0 });
    expect(reminders.find((r) => r.id.startsWith('due2022-12-24') && r.unit === '市工业和信息化局')!.targets).toEqual(dueGongxin.map((t) => t.id));
    const sent = bot.api.sent(GONGXIN).filter((p) => String(p.text).includes('【催办】'));
    expect(sent.length).toBe(1 + Math.ceil(dueGongxin.length / 10));
    expect(String(sent[0]!.text)).toContain(M.period(2022, '第三季度'));

    // a second run the same day (a restart, a replica taking over) sends and records nothing new
    expect((await bot.unitReminders.runDue(SATURDAY)).alerts).toBe(0);
    expect(await bot.supervision.reminders()).toHaveLength(reminders.length);
    // Sunday: not the weekday; 2023-01-01 due nothing in the seed
    expect(await bot.unitReminders.runDue(new Date('2022-12-25T01:00:00Z'))).toEqual({ batches: 0, alerts: 0 });
  });

  it('follows a chat’s own /remindset days instead of the global ones, and the global ones again after 默认', async () => {
    const [OFF, FRIDAY_8, GLOBAL] = [-511, -512, -513];
    const MEMBER = 777;
    for (const chatId of [OFF, FRIDAY_8, GLOBAL]) {
      const { binding } = await bot.supervision.requestBinding({ chatId, unit: '市工业和信息化局', requestedBy: 1 });
      await bot.supervision.decideBinding(binding.id, 'approved', ADMIN);
      bot.api.chatAdmins(chatId, [MEMBER]);
    }
    const set = async (chatId: number, arg: string) => textOf(await bot.say(`/remindset ${arg}`, { chatId, userId: MEMBER, chatType: 'supergroup' }));
    expect(await set(OFF, '关')).toBe(M.remindSchedule(0, 0, { weekday: true, beforeDays: true }));
    expect(await set(FRIDAY_8, '周五 提前8天')).toBe(M.remindSchedule(5, 8, { weekday: true, beforeDays: true }));
    const remindedChats = () =>
      new Set(
        bot.api
          .sent()
          .filter((p) => String(p.text).includes('【催办】'))
          .map((p) => Number(p.chat_id)),
      );

    // Friday 12-23: only the chat that chose Friday, weekly and due in 8 days (12-31)
    await bot.unitReminders.runDue(new Date('2022-12-23T01:00:00Z'));
    await bot.worker.idle();
    expect(remindedChats()).toEqual(new Set([FRIDAY_8]));
    const friday = await bot.supervision.reminders();
    expect(friday.map((r) => r.id.split(':')[0]).sort()).toEqual(['due2022-12-23+8', 'wk2022-12-23']);
    expect(friday.every((r) => r.chatIds.length === 1 && r.chatIds[0] === FRIDAY_8)).toBe(true);

    // Saturday 12-24: the global days (Saturday, 7 days), for the chat that set nothing only
    await bot.unitReminders.runDue(SATURDAY);
    await bot.worker.idle();
    expect(remindedChats()).toEqual(new Set([FRIDAY_8, GLOBAL]));
    expect((await bot.supervision.reminders()).filter((r) => r.id.includes('2022-12-24')).every((r) => r.chatIds.length === 1 && r.chatIds[0] === GLOBAL)).toBe(true);

    // 默认: the chat follows the global days again (shown as such), and is reminded the next Saturday
    expect(await set(OFF, '默认')).toBe(M.remindSchedule(6, 7, { weekday: false, beforeDays: false }));
    await bot.unitReminders.runDue(new Date('2022-12-31T01:00:00Z'));
    await bot.worker.idle();
    expect(remindedChats().has(OFF)).toBe(true);
  });
});
