import { isLagging, unitsOf } from '../../../src/model';
import { BULLETIN_MESSAGES as M } from '../../../src/wording/bulletin';
import { MESSAGES } from '../../../src/wording/chat';
import { ADMIN, buttonsOf, messageIdOf, startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';
import { docxText, xlsxSheets } from '../../supervision/read-back';

/**
 * /report and 导出 through the real bot on lowdb, over the fake Bot API: the files arrive as
 * multipart sendDocument uploads, and are read back (the .docx's text, the .xlsx with exceljs)
 * and checked against the table. The seed lags on 47 and 57.
 */
let bot: AppUnderTest;
beforeAll(async () => {
  bot = await startAppUnderTest();
});
afterAll(async () => {
  await bot.stop();
});

const MEMBER = 601;
const STRANGER = 777;

/** Sends a command and waits for `n` documents to reach the chat; resolves with them. */
const documentsAfter = async (chatId: number, userId: number, text: string, n: number) => {
  const before = bot.api.documents(chatId).length;
  bot.api.userMessage({ chatId, userId, text });
  for (let i = 0; i < n; i += 1) await bot.nextCall('sendDocument', (c) => Number(c.payload.chat_id) === chatId, 0);
  const started = Date.now();
  while (bot.api.documents(chatId).length < before + n && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
  return bot.api.documents(chatId).slice(before);
};

describe('/report', () => {
  it('sends an admin the bulletin as a Word document and a spreadsheet, with the table’s figures and the units’ replies', async () => {
    const reportId = (await bot.reports.currentId())!;
    const report = bot.engine().report;
    const [unit57] = unitsOf(report.targets.find((t) => t.id === '57')!);
    await bot.supervision.recordReminders([
      { id: 'b1:1', reportId, unit: unit57!, targets: ['57'], chatIds: [-301], by: ADMIN, at: '2022-10-03T01:00:00Z' },
      { id: 'b1:2', reportId, unit: '市商务局', targets: ['47'], chatIds: [-302], by: ADMIN, at: '2022-10-03T01:00:00Z' },
    ]);
    await bot.supervision.addReply({ reportId, target: '57', unit: unit57!, chatId: -301, userId: MEMBER, person: '李四', text: '设备已到货，10月底投产', at: '2022-10-06T02:30:00Z' });

    const [docx, xlsx, ...more] = await documentsAfter(ADMIN, ADMIN, '/report', 2);
    expect(more).toEqual([]);
    expect(docx!.fileName).toBe('菏泽市2022年第三季度责任目标推进情况通报.docx');
    expect(docx!.caption).toBe(M.reportCaption('菏泽市2022年第三季度责任目标推进情况通报'));
    expect(xlsx!.fileName).toBe('菏泽市2022年第三季度责任目标推进情况通报.xlsx');

    const text = await docxText(docx!.bytes);
    expect(text.split('\n')[0]).toBe('菏泽市2022年第三季度责任目标推进情况通报');
    const lagging = report.targets.filter(isLagging);
    expect(text).toContain(
      `本期共有责任目标 ${report.targets.length} 项（分工 50 条），按计划推进 ${report.targets.length - lagging.length} 项，未按计划完成进度（滞后）${lagging.length} 项，按计划率 95.8%。`,
    );
    expect(text).toContain(`${unit57} 李四（2022-10-06 10:30）：设备已到货，10月底投产`);
    expect(text).toContain('本期已向 2 个责任单位催办，其中 1 个已全部反馈，1 个尚有目标未反馈。');

    const sheets = await xlsxSheets(xlsx!.bytes);
    expect(
      sheets
        .get('滞后目标')!
        .slice(1)
        .map((r) => String(r[0])),
    ).toEqual(lagging.map((t) => t.id));
    expect(
      sheets
        .get('未反馈单位')!
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['市商务局']);
    const byUnit = new Map(
      sheets
        .get('按责任单位')!
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    expect(byUnit.get(unit57!)).toBe(report.targets.filter((t) => unitsOf(t).includes(unit57!)).length);
  });

  it('refuses anyone but an admin, in Chinese, and sends no file', async () => {
    const from = bot.api.documents().length;
    const answer = await bot.say('/report', { chatId: STRANGER, userId: STRANGER });
    expect(textOf(answer)).toBe(M.reportAdminsOnly);
    expect(bot.api.documents().length).toBe(from);
  });
});

describe('导出', () => {
  /** Asks in a private chat, taps 导出 under the answer, and returns the listed ids of the sheet it sends. */
  const exportOf = async (question: string, chatId = MEMBER) => {
    const answer = await bot.say(question, { chatId, userId: chatId });
    const button = buttonsOf(answer).find((b) => b.text === M.exportButton);
    expect(button).toBeDefined();
    const before = bot.api.documents(chatId).length;
    const from = bot.api.calls.length;
    bot.api.callback({ chatId, userId: chatId, messageId: messageIdOf(answer), data: button!.callback_data! });
    await bot.nextCall('sendDocument', (c) => Number(c.payload.chat_id) === chatId, from);
    const [file] = bot.api.documents(chatId).slice(before);
    const rows = (await xlsxSheets(file!.bytes)).get('目标清单')!;
    return { file: file!, header: rows[0], ids: rows.slice(1).map((r) => String(r[0])), rows };
  };

  it('sends a free-text list’s targets, all pages of it, in the list’s order, as .xlsx', async () => {
    const question = '按计划推进的目标';
    const listed = bot
      .engine()
      .ask(question)
      .hits.map((h) => h.target.id);
    expect(listed.length).toBeGreaterThan(10); // more than one page: the export is the list, not the page
    const { file, header, ids } = await exportOf(question);
    expect(file.fileName).toBe('责任目标导出-2022年第三季度.xlsx');
    expect(file.caption).toBe(M.exportCaption(listed.length));
    expect(header).toEqual(['序号', '领导', '内容', '时限', '完成情况', '是否按计划', '责任单位']);
    expect(ids).toEqual(listed);
  });

  it('sends a unit’s list with its rows as the table has them', async () => {
    const { ids, rows } = await exportOf('/unit 工信局');
    const listed = bot
      .engine()
      .askAs('unit', '工信局')
      .hits.map((h) => h.target);
    expect(ids).toEqual(listed.map((t) => t.id));
    const row57 = rows.find((r) => String(r[0]) === '57')!;
    expect(row57[5]).toBe('否');
    expect(row57[2]).toBe(listed.find((t) => t.id === '57')!.text);
  });

  it('tells of a button whose question has expired instead of sending a file', async () => {
    const from = bot.api.calls.length;
    const version = buttonsOf(await bot.say('滞后的目标', { chatId: MEMBER, userId: MEMBER }))
      .find((b) => b.text === M.exportButton)!
      .callback_data!.split(':')[1];
    const id = bot.api.callback({ chatId: MEMBER, userId: MEMBER, messageId: 1, data: `x:${version}:qNoSuchId0` });
    const answer = await bot.nextCall('answerCallbackQuery', (c) => c.payload.callback_query_id === id, from);
    expect(answer.payload.text).toBe(MESSAGES.expired);
  });
});
