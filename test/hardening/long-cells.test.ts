/**
 * No alert is lost to a long cell: an admin uploads a table whose cells hold 100,000 characters
 * (with HTML, RTL overrides and zero-width characters) in every free-text column, under a
 * 10,000-character title that names no city, to subscribers of every filter kind, one of them
 * with a keyword of the longest length allowed. Every message the bot sends must be valid for
 * Telegram (the fake Bot API refuses what Telegram refuses) and every subscriber gets the alert.
 */
import { ALERT_DEFAULTS } from '../../src/alerts/config';
import { ALERT_MESSAGES } from '../../src/wording/alerts';
import { ADMIN, startAppUnderTest, textOf, type AppUnderTest } from '../helpers/app-under-test';
import { seedLines } from '../helpers/seed';

/** Markup, an RTL override, isolates and zero-width characters: what a careless or hostile cell may hold. */
const HOSTILE = '<b>粗</b>&amp;<a href="javascript:alert(1)">链</a>\u202E\u2067倒\u200B\u200C\u200D\uFEFF<i>';
const long = (head: string, length = 100_000): string => {
  const body = `${head} ${HOSTILE}`;
  return (body + 'ＸyＺ进展说明'.repeat(Math.ceil(length / 8))).slice(0, length);
};

const KEYWORD = 'Q'.repeat(ALERT_DEFAULTS.maxKeywordChars);

/** The seed table with long cells: 57 (lagging) gets new long progress, three new targets carry long leader, unit and deadline cells. */
const hostileTable = (): Buffer => {
  const lines = seedLines();
  const header = lines.findIndex((l) => l.startsWith('序号\t'));
  // Year and quarter are readable; no 市/县/区, so the report is named by its title.
  const title = `${long('标题', 5000)}2022年第四季度${long('尾', 5000)}`.replace(/[市县区\t]/g, '');
  let seen57 = false;
  const rows = lines
    .slice(header + 1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const cells = line.split('\t');
      if (cells[0] === '57' && !seen57) {
        seen57 = true;
        cells[4] = long('进展更新');
      }
      return cells.join('\t');
    });
  const add = [
    // the leader cell: 王昌华 named, then 100,000 characters
    ['901', `王昌华 ${long('领导')}`, long('目标901'), '年底', long('完成901'), '否', '市科技局'],
    // the units cell: 市工业和信息化局 named among 100,000 characters
    ['902', '张鹏', long('目标902'), long('时限'), long('完成902'), '否', `市工业和信息化局 ${long('单位')}`],
    // the keyword inside 100,000 characters of target text
    ['903', '张鹏', `${KEYWORD}${long('目标903')}`, '年底', long('完成903'), '否', '市商务局'],
  ].map((cells) => cells.join('\t'));
  return Buffer.from([title, lines[header], ...rows, ...add].join('\n') + '\n', 'utf8');
};

describe('a table of long, hostile cells', () => {
  let bot: AppUnderTest;
  beforeAll(async () => {
    bot = await startAppUnderTest();
  }, 30_000);
  afterAll(async () => {
    await bot.stop();
  });

  it('sends only valid messages and delivers the alert to a subscriber of every filter kind', async () => {
    const chats = { all: 3001, unit: 3002, leader: 3003, keyword: 3004, many: 3005 };
    await bot.subscriptions.add(chats.all, { kind: 'all' }, 'private');
    expect(textOf(await bot.say('/subscribe 工信局', { chatId: chats.unit }))).toContain('市工业和信息化局');
    expect(textOf(await bot.say('/subscribe 王昌华', { chatId: chats.leader }))).toContain('王昌华');
    expect(textOf(await bot.say(`/subscribe ${KEYWORD}`, { chatId: chats.keyword }))).toContain('已订阅');
    // A keyword one character longer is refused with the limit named, and the chat's subscriptions are capped.
    expect(textOf(await bot.say(`/subscribe ${KEYWORD}Q`, { chatId: chats.keyword }))).toBe(ALERT_MESSAGES.argumentTooLong(ALERT_DEFAULTS.maxKeywordChars));
    for (let i = 0; i < ALERT_DEFAULTS.maxSubscriptionsPerChat; i += 1) {
      await bot.subscriptions.add(chats.many, { kind: 'keyword', keyword: `${'关'.repeat(ALERT_DEFAULTS.maxKeywordChars - 3)}${i}` }, 'private');
    }
    expect(textOf(await bot.say('/subscribe 工信局', { chatId: chats.many }))).toBe(ALERT_MESSAGES.tooManySubscriptions(ALERT_DEFAULTS.maxSubscriptionsPerChat));
    await bot.subscriptions.add(chats.many, { kind: 'all' }, 'private').catch(() => undefined);

    const from = bot.api.calls.length;
    const table = hostileTable();
    bot.api.document({ userId: ADMIN, fileName: 'q4.tsv', bytes: table });
    const summary = textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN && textOf(c).includes('目标'), from, 60_000));
    // The admin is told what was stored, under a shortened title.
    expect(summary).toContain('已保存为当前数据');
    expect(summary).toContain('2022年第四季度');
    expect(summary.length).toBeLessThan(1000);
    expect(await bot.reports.history()).toHaveLength(2);

    await bot.worker.idle();
    const sent = bot.api.calls.slice(from).filter((c) => c.method === 'sendMessage');
    for (const chatId of Object.values(chats)) {
      const alerts = sent.filter((c) => Number(c.payload.chat_id) === chatId && c.status === 200 && textOf(c).includes('提醒'));
      expect({ chatId, alerts: alerts.length }).toEqual({ chatId, alerts: expect.any(Number) });
      expect(alerts.length).toBeGreaterThan(0);
    }
    // Every message of the whole run, replies and alerts alike, was accepted as Telegram would.
    expect(bot.api.stats().refusals).toEqual([]);
    expect(bot.worker.stats.failed).toBe(0);
    // The leader's and the unit's alerts name their targets.
    const to = (chatId: number): string =>
      sent
        .filter((c) => Number(c.payload.chat_id) === chatId)
        .map(textOf)
        .join('\n');
    expect(to(chats.leader)).toContain('<b>901</b>');
    expect(to(chats.unit)).toContain('<b>902</b>');
    expect(to(chats.keyword)).toContain('<b>903</b>');
    expect(to(chats.all)).toContain('<b>57</b>');
    console.log(
      `long cells: table ${table.length} bytes; ${sent.length} messages sent, longest ${Math.max(...sent.map((c) => textOf(c).length))} characters; alerts sent ${bot.worker.stats.sent}, in minimal form ${bot.worker.stats.minimal}`,
    );
  }, 120_000);
});
