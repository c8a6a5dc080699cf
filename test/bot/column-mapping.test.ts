import { createColumnMemory } from '../../src/store/columns';
import { ALERT_MESSAGES } from '../../src/wording/alerts';
import { ADMIN, buttonsOf, messageIdOf, startAppUnderTest, textOf, type AppUnderTest } from '../helpers/app-under-test';
import type { ApiCall } from '../fake-bot-api/server';
import { ledgerXlsx } from '../table/layouts';

/** An admin's table whose header names nothing the bot knows: the bot asks, with buttons, which column is which. */
describe('column mapping in the chat', () => {
  let bot: AppUnderTest;
  beforeEach(async () => {
    bot = await startAppUnderTest();
  });
  afterEach(async () => {
    await bot.stop();
  });

  const nextMessage = (from: number): Promise<ApiCall> => bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN, from);

  const upload = async (fileName: string, bytes: Buffer): Promise<ApiCall> => {
    const from = bot.api.calls.length;
    bot.api.document({ userId: ADMIN, fileName, bytes });
    return nextMessage(from);
  };

  /** Taps the button with this text under a question and returns the bot's next message. */
  const tap = async (question: ApiCall, label: string): Promise<ApiCall> => {
    const button = buttonsOf(question).find((b) => b.text === label);
    if (!button?.callback_data) throw new Error(`no button ${label} in ${JSON.stringify(buttonsOf(question))}`);
    expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(64);
    const from = bot.api.calls.length;
    bot.api.callback({ userId: ADMIN, messageId: messageIdOf(question), data: button.callback_data });
    return nextMessage(from);
  };

  it('asks for each missing column in turn, imports, and needs no questions for the next table', async () => {
    const first = await upload('duban-q3.xlsx', await ledgerXlsx());
    expect(textOf(first)).toBe(ALERT_MESSAGES.mappingAsk('duban-q3.xlsx', '责任目标内容', ['责任目标内容', '是否按计划完成进度', '责任单位']));
    // the cells nothing recognised come first
    expect(buttonsOf(first).map((b) => b.text)).toEqual(['督办件', '包联人', '承办方', '办结标识', '序号', '办结期限', '办理情况', '取消导入']);

    const second = await tap(first, '督办件');
    expect(textOf(second)).toContain('没有找到“是否按计划完成进度”列');
    expect(buttonsOf(second).map((b) => b.text)).not.toContain('督办件');
    const third = await tap(second, '办结标识');
    expect(textOf(third)).toContain('没有找到“责任单位”列');
    const done = await tap(third, '承办方');
    expect(textOf(done)).toContain('目标 7 项，分工 9 条，滞后 2 项（47、57）');
    expect(textOf(done)).toContain(ALERT_MESSAGES.mappingRemembered);
    expect((await bot.reports.current())!.title).toBe('2022年三季度督办件办理台账');
    expect(await createColumnMemory(bot.settings).all()).toEqual([{ 督办件: '责任目标内容', 办结标识: '是否按计划完成进度', 承办方: '责任单位' }]);

    const next = await upload('duban-q4.xlsx', await ledgerXlsx('2022年四季度督办件办理台账'));
    expect(textOf(next)).toContain('2022年第四季度');
    expect((await bot.reports.current())!.period).toBe('第四季度');
  });

  it('cancels on request, keeping the current data, and refuses a stale button', async () => {
    const question = await upload('duban.xlsx', await ledgerXlsx());
    const cancel = buttonsOf(question).find((b) => b.text === '取消导入')!;
    const from = bot.api.calls.length;
    bot.api.callback({ userId: ADMIN, messageId: messageIdOf(question), data: cancel.callback_data! });
    const edited = await bot.nextCall('editMessageText', () => true, from);
    expect(textOf(edited)).toBe(ALERT_MESSAGES.mappingCancelled);
    expect(await bot.reports.history()).toHaveLength(1);

    const again = bot.api.calls.length;
    bot.api.callback({ userId: ADMIN, messageId: messageIdOf(question), data: buttonsOf(question)[0]!.callback_data! });
    const answer = await bot.nextCall('answerCallbackQuery', () => true, again);
    expect(answer.payload.text).toBe(ALERT_MESSAGES.mappingStale);
  });
});
