import { SUPERVISION_MESSAGES as M } from '../../../src/wording/supervision';
import { ADMIN, buttonsOf, messageIdOf, settled, startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';

/**
 * The supervision loop through the real bot on lowdb: reminders previewed and confirmed by an admin,
 * sent through the alerts' outbox to exactly the bound chats of the responsible units (47 has two
 * units: both get it), replies (反馈) stored and shown, questions about them answered, the overview.
 *
 * The seed lags on 47 (鲁西新区管委会 否, 市商务局 是) and 57 (市工业和信息化局).
 */
let bot: AppUnderTest;
beforeEach(async () => {
  bot = await startAppUnderTest();
});
afterEach(async () => {
  await bot.stop();
});

const GONGXIN = -301;
const GONGXIN_2 = -304;
const SHANGWU = -302;
const XINQU = 503;
const PENDING = -305;
const MEMBER = 601;

const bind = async (chatId: number, unit: string, approve = true): Promise<void> => {
  const { binding } = await bot.supervision.requestBinding({ chatId, unit, requestedBy: MEMBER });
  if (approve) await bot.supervision.decideBinding(binding.id, 'approved', ADMIN);
};

const bindAll = async (): Promise<void> => {
  await bind(GONGXIN, '市工业和信息化局');
  await bind(GONGXIN_2, '市工业和信息化局');
  await bind(SHANGWU, '市商务局');
  await bind(XINQU, '鲁西新区管委会');
  await bind(PENDING, '市工业和信息化局', false);
};

/** /remind by the admin, confirmed; resolves once the worker has sent everything. */
const remind = async (question: string) => {
  const preview = await bot.say(`/remind ${question}`, { chatId: ADMIN, userId: ADMIN });
  const from = bot.api.calls.length;
  bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(preview), data: buttonsOf(preview)[0]!.callback_data! });
  await bot.nextCall('editMessageText', () => true, from);
  await bot.worker.idle();
  return preview;
};

const reminderTo = (chatId: number) => bot.api.sent(chatId).filter((p) => String(p.text).includes('【催办】'));
const keyboardOf = (payload: Record<string, unknown>) => (payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();

/** A member taps 反馈 under the reminder their chat got: the bot's answer (a prompt, or a refusal). */
const tapFeedback = async (chatId: number, userId: number, target: string) => {
  // the button as any reminder carries it: a chat may also press a button forwarded from elsewhere
  const button = bot.api
    .sent()
    .filter((p) => String(p.text).includes('【催办】'))
    .flatMap(keyboardOf)
    .find((b) => b.text === M.feedbackButton(target))!;
  const from = bot.api.calls.length;
  const id = bot.api.callback({ chatId, userId, messageId: 1, data: button.callback_data });
  const answer = await bot.nextCall('answerCallbackQuery', (c) => c.payload.callback_query_id === id, from);
  return { answer, from };
};

describe('remind and feedback', () => {
  it('previews, then sends one reminder per bound chat of each responsible unit, through the outbox, once', async () => {
    await bindAll();
    const preview = await bot.say('/remind 滞后', { chatId: ADMIN, userId: ADMIN });
    expect(textOf(preview)).toContain('2 项目标，3 个单位的 4 个聊天');
    expect(textOf(preview)).toContain('市工业和信息化局：1 项 → 2 个聊天');
    expect(buttonsOf(preview).map((b) => b.text)).toEqual([M.confirmButton, M.cancelButton]);
    // nothing goes out before the confirm
    expect(await bot.outbox.all()).toEqual([]);

    const from = bot.api.calls.length;
    bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(preview), data: buttonsOf(preview)[0]!.callback_data! });
    expect(String((await bot.nextCall('editMessageText', () => true, from)).payload.text)).toBe(M.remindQueued(4, 4));
    await bot.worker.idle();

    for (const chatId of [GONGXIN, GONGXIN_2]) {
      const [only, ...more] = reminderTo(chatId);
      expect(more).toEqual([]);
      expect(String(only!.text)).toContain('<b>【催办】市工业和信息化局</b>');
      expect(String(only!.text)).toContain('🔴 <b>57</b>');
      expect(keyboardOf(only!).map((b) => b.text)).toEqual([M.feedbackButton('57')]);
    }
    // 47 has two units: both are reminded of it, each in its own chat
    expect(keyboardOf(reminderTo(SHANGWU)[0]!).map((b) => b.text)).toEqual([M.feedbackButton('47')]);
    expect(keyboardOf(reminderTo(XINQU)[0]!).map((b) => b.text)).toEqual([M.feedbackButton('47')]);
    expect(reminderTo(PENDING)).toEqual([]);
    expect((await bot.outbox.all()).every((a) => a.state === 'sent')).toBe(true);

    const reminders = await bot.supervision.reminders();
    expect(reminders.map((r) => [r.unit, r.targets, r.chatIds.length, r.by])).toEqual([
      ['鲁西新区管委会', ['47'], 1, ADMIN],
      ['市商务局', ['47'], 1, ADMIN],
      ['市工业和信息化局', ['57'], 2, ADMIN],
    ]);

    // a second tap of the confirm sends nothing again
    const again = bot.api.calls.length;
    const id = bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(preview), data: buttonsOf(preview)[0]!.callback_data! });
    expect(String((await bot.nextCall('answerCallbackQuery', (c) => c.payload.callback_query_id === id, again)).payload.text)).toBe(M.remindExpired);
    await bot.worker.idle();
    expect(await bot.outbox.all()).toHaveLength(4);
    expect(await bot.supervision.reminders()).toHaveLength(3);
  });

  it('reminds only the unit a question names, and says which units have no chat', async () => {
    await bind(GONGXIN, '市工业和信息化局');
    await remind('工信局');
    expect(reminderTo(GONGXIN)).toHaveLength(1);
    expect(textOf(await bot.say('/remind 滞后', { chatId: ADMIN, userId: ADMIN }))).toContain('以下单位没有绑定聊天，收不到催办：鲁西新区管委会、市商务局');
    expect(textOf(await bot.say('/remind 滞后', { chatId: MEMBER, userId: MEMBER }))).toBe(M.adminsOnly);
    expect(textOf(await bot.say('/remind 第200项', { chatId: ADMIN, userId: ADMIN }))).toContain('没有需要催办的目标');
  });

  it('offers 催办 under a list an admin reads in private, previewing that list’s reminders', async () => {
    await bindAll();
    const list = await bot.say('工信局滞后的', { chatId: ADMIN, userId: ADMIN });
    const remindButton = buttonsOf(list).find((b) => b.text === M.remindButton);
    expect(remindButton).toBeDefined();
    expect(buttonsOf(await bot.say('工信局滞后的', { chatId: MEMBER, userId: MEMBER })).map((b) => b.text)).not.toContain(M.remindButton);
    const from = bot.api.calls.length;
    bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(list), data: remindButton!.callback_data! });
    const preview = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN, from);
    expect(textOf(preview)).toContain('1 项目标，1 个单位的 2 个聊天');
    const sent = bot.api.calls.length;
    bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(preview), data: buttonsOf(preview)[0]!.callback_data! });
    await bot.nextCall('editMessageText', () => true, sent);
    await bot.worker.idle();
    expect(reminderTo(GONGXIN)).toHaveLength(1);
    expect(reminderTo(SHANGWU)).toHaveLength(0);
  });

  it('follows a renamed unit: a chat bound under the old name (经信委) is reminded and may reply as 市工业和信息化局', async () => {
    await bind(GONGXIN, '市经信委');
    await remind('滞后');
    expect(keyboardOf(reminderTo(GONGXIN)[0]!).map((b) => b.text)).toEqual([M.feedbackButton('57')]);
    const { from } = await tapFeedback(GONGXIN, MEMBER, '57');
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GONGXIN, from))).toBe(M.askReply('57', '市工业和信息化局', 1000));
  });

  it('splits a long list into messages of ten targets, each with its buttons', async () => {
    await bind(GONGXIN, '市工业和信息化局');
    // 已完成 or not: every 工信局 target, as the question chooses a status itself (按计划的)
    await remind('工信局按计划的');
    const sent = reminderTo(GONGXIN);
    const count = (await bot.supervision.reminders())[0]!.targets.length;
    expect(count).toBeGreaterThan(10);
    expect(sent).toHaveLength(Math.ceil(count / 10));
    expect(sent.flatMap((p) => keyboardOf(p)).length).toBe(count);
    for (const p of sent) expect(keyboardOf(p).length).toBeLessThanOrEqual(10);
  });

  it('stores a reply after 反馈 and shows it in /item; refuses unbound and non-responsible chats; limits the length', async () => {
    await bindAll();
    await remind('滞后');

    // 市商务局's chat is bound, but not to a unit of 57; a chat bound to nothing cannot reply
    expect(String((await tapFeedback(SHANGWU, MEMBER, '57')).answer.payload.text)).toBe(M.notResponsible('57'));
    expect(String((await tapFeedback(-999, MEMBER, '57')).answer.payload.text)).toBe(M.notBound);

    const { from } = await tapFeedback(GONGXIN, MEMBER, '57');
    const prompt = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GONGXIN, from);
    expect(textOf(prompt)).toBe(M.askReply('57', '市工业和信息化局', 1000));

    expect(textOf(await bot.say('很'.repeat(1001), { chatId: GONGXIN, userId: MEMBER }))).toBe(M.replyTooLong(1000, 1001));
    // another member's message is chatter, not the reply
    await bot.api.userMessage({ chatId: GONGXIN, userId: 777, text: '收到' });
    expect(textOf(await bot.say('已完成基站选址，10月底开工', { chatId: GONGXIN, userId: MEMBER }))).toBe(M.replyStored('57', '市工业和信息化局'));
    const replies = await bot.supervision.replies();
    expect(replies).toMatchObject([
      { target: '57', unit: '市工业和信息化局', chatId: GONGXIN, userId: MEMBER, person: `User${MEMBER}`, text: '已完成基站选址，10月底开工', reportId: await bot.reports.currentId() },
    ]);

    const item = textOf(await bot.say('/item 57', { chatId: ADMIN, userId: ADMIN }));
    expect(item).toContain('💬 <b>最新反馈</b>（市工业和信息化局 · User601');
    expect(item).toContain('已完成基站选址，10月底开工');
  });

  it('takes a reply to a one-target reminder as that target’s reply, and asks which target for a longer one', async () => {
    await bindAll();
    await remind('滞后');
    const from = bot.api.calls.length;
    bot.api.userMessage({ chatId: GONGXIN, userId: MEMBER, text: '基站已开工', replyToBot: true });
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GONGXIN, from))).toBe(M.replyStored('57', '市工业和信息化局'));
    expect(await bot.supervision.replies()).toMatchObject([{ target: '57', unit: '市工业和信息化局', text: '基站已开工' }]);

    await remind('工信局按计划的');
    const again = bot.api.calls.length;
    bot.api.userMessage({ chatId: GONGXIN, userId: MEMBER, text: '都在推进', replyToBot: true });
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GONGXIN, again))).toBe(M.replyPickTarget);
    expect(await bot.supervision.replies()).toHaveLength(1);
  });

  it('shows a reply as news in the next daily digest of a chat subscribed to its target', async () => {
    await bindAll();
    await remind('滞后');
    const { from } = await tapFeedback(GONGXIN, MEMBER, '57');
    await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GONGXIN, from);
    await bot.say('设备已到货，正在安装', { chatId: GONGXIN, userId: MEMBER });
    const SUBSCRIBER = 702;
    await bot.say('/subscribe 工信局', { chatId: SUBSCRIBER, userId: SUBSCRIBER });
    await bot.say('/digest daily', { chatId: SUBSCRIBER, userId: SUBSCRIBER });
    const OTHER = 703;
    await bot.say('/subscribe 商务局', { chatId: OTHER, userId: OTHER });
    await bot.say('/digest daily', { chatId: OTHER, userId: OTHER });

    await bot.digests.runDue(new Date());
    await bot.worker.idle();
    const digest = bot.api
      .sent(SUBSCRIBER)
      .map((p) => String(p.text))
      .find((t) => t.includes('每日滞后汇总'))!;
    expect(digest).toContain('💬 新反馈 1 条');
    expect(digest).toContain('💬 市工业和信息化局（User601）：设备已到货，正在安装');
    // 57 is not among the other chat's targets: no news there
    expect(
      bot.api
        .sent(OTHER)
        .map((p) => String(p.text))
        .find((t) => t.includes('每日滞后汇总')),
    ).not.toContain('新反馈');
  });

  it('keeps a photo’s file_id with its caption as the reply', async () => {
    await bindAll();
    await remind('滞后');
    const tapped = await tapFeedback(XINQU, XINQU, '47');
    await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === XINQU, tapped.from);
    const file = bot.api.registerFile(Buffer.from('jpeg'), 'site.jpg');
    const from = bot.api.calls.length;
    bot.api.pushUpdate({
      message: {
        message_id: 9,
        from: { id: XINQU, is_bot: false, first_name: '李四' },
        chat: { id: XINQU, type: 'private', first_name: '李四' },
        date: Math.floor(Date.now() / 1000),
        photo: [{ ...file, width: 90, height: 90 }],
        caption: '现场照片，已复工',
      },
    });
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === XINQU, from))).toBe(M.replyStored('47', '鲁西新区管委会'));
    expect(await bot.supervision.replies()).toMatchObject([{ target: '47', unit: '鲁西新区管委会', person: '李四', text: '现场照片，已复工', file: { kind: 'photo', fileId: file.file_id } }]);
  });

  it('answers who replied, who has not, and a target’s replies; gives admins the overview', async () => {
    await bindAll();
    expect(textOf(await bot.say('哪些单位还没反馈', { chatId: ADMIN, userId: ADMIN }))).toBe(M.noReminders);
    await remind('滞后');
    const { from } = await tapFeedback(GONGXIN, MEMBER, '57');
    await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GONGXIN, from);
    await bot.say('正在推进', { chatId: GONGXIN, userId: MEMBER });

    expect(textOf(await bot.say('工信局反馈了吗', { chatId: ADMIN, userId: ADMIN }))).toMatch(/^市工业和信息化局 于 .+ 被催办，已全部反馈（第 57 项）。$/);
    expect(textOf(await bot.say('商务局反馈了吗？', { chatId: ADMIN, userId: ADMIN }))).toContain('还没有反馈第 47 项');
    const missing = textOf(await bot.say('哪些单位还没反馈', { chatId: ADMIN, userId: ADMIN }));
    expect(missing).toContain('还没有反馈的单位（2 个）');
    expect(missing).toContain('鲁西新区管委会：第 47 项');
    expect(missing).not.toContain('市工业和信息化局');
    expect(textOf(await bot.say('57号的反馈', { chatId: ADMIN, userId: ADMIN }))).toContain('正在推进');
    expect(textOf(await bot.say('47号的反馈', { chatId: ADMIN, userId: ADMIN }))).toBe(M.repliesOf('47', []));

    const overview = textOf(await bot.say('/feedback', { chatId: ADMIN, userId: ADMIN }));
    expect(overview).toContain('<b>督办情况</b>（2022年第三季度）');
    expect(overview).toMatch(/✅ 市工业和信息化局：催办 1 次（最近 .+），已反馈 1\/1 项/);
    expect(overview).toMatch(/⏳ 市商务局：催办 1 次（最近 .+），已反馈 0\/1 项/);
    expect(overview.indexOf('市商务局')).toBeLessThan(overview.indexOf('市工业和信息化局'));
    expect(textOf(await bot.say('/feedback', { chatId: MEMBER, userId: MEMBER }))).toBe(M.adminsOnly);
    await settled(bot);
  });
});
