import { SUPERVISION_MESSAGES as M } from '../../../src/wording/supervision';
import { ADMIN, buttonsOf, messageIdOf, settled, startAppUnderTest, textOf, type AppUnderTest } from '../../helpers/app-under-test';

/**
 * Binding a unit's chat through the real bot: /bind in a group, the admin's approve or refuse
 * buttons in a private chat, the chat told, and the binding removed with /bind's buttons.
 */
let bot: AppUnderTest;
beforeEach(async () => {
  bot = await startAppUnderTest();
});
afterEach(async () => {
  await bot.stop();
});

const GROUP = -100_200;
const MEMBER = 501;

/** /bind in the group by one of its admins: the group's reply and the request the admin got. */
const requestBinding = async (arg: string) => {
  bot.api.chatAdmins(GROUP, [MEMBER]);
  const from = bot.api.calls.length;
  const reply = await bot.say(`/bind ${arg}`, { chatId: GROUP, userId: MEMBER });
  const request = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === ADMIN, from);
  return { reply, request };
};

describe('bind feature', () => {
  it('resolves a short name, asks the admin, and binds the chat once the admin approves', async () => {
    const { reply, request } = await requestBinding('科技局');
    expect(textOf(reply)).toBe(M.bindRequested('市科技局'));
    expect(textOf(request)).toContain('<b>市科技局</b>');
    expect(buttonsOf(request).map((b) => b.text)).toEqual([M.approveButton, M.refuseButton]);
    // not counted before the admin decides
    expect((await bot.supervision.bindings()).map((b) => b.state)).toEqual(['pending']);

    const from = bot.api.calls.length;
    bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(request), data: buttonsOf(request)[0]!.callback_data! });
    const told = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GROUP, from);
    expect(textOf(told)).toBe(M.bindDecidedForChat('市科技局', true));
    const edited = await bot.nextCall('editMessageText', () => true, from);
    expect(String(edited.payload.text)).toContain('已批准');
    expect(await bot.supervision.bindings()).toMatchObject([{ chatId: GROUP, unit: '市科技局', state: 'approved', decidedBy: ADMIN }]);

    // asking again says it is bound; a second tap of the admin's button changes nothing
    expect(textOf(await bot.say('/bind 市科技局', { chatId: GROUP, userId: MEMBER }))).toBe(M.bindApprovedAlready('市科技局'));
    bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(request), data: buttonsOf(request)[1]!.callback_data! });
    await settled(bot);
    expect((await bot.supervision.bindings())[0]!.state).toBe('approved');
  });

  it('keeps a refused binding out, and tells the chat', async () => {
    const { request } = await requestBinding('工信局');
    const from = bot.api.calls.length;
    bot.api.callback({ chatId: ADMIN, userId: ADMIN, messageId: messageIdOf(request), data: buttonsOf(request)[1]!.callback_data! });
    const told = await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GROUP, from);
    expect(textOf(told)).toBe(M.bindDecidedForChat('市工业和信息化局', false));
    expect((await bot.supervision.bindings()).map((b) => b.state)).toEqual(['refused']);
  });

  it('lets only an admin decide, and only a group admin ask', async () => {
    const { request } = await requestBinding('工信局');
    const answered = bot.api.callback({ chatId: MEMBER, userId: MEMBER, messageId: messageIdOf(request), data: buttonsOf(request)[0]!.callback_data! });
    await bot.api.waitFor('answerCallbackQuery', (p) => p.callback_query_id === answered);
    expect((await bot.supervision.bindings()).map((b) => b.state)).toEqual(['pending']);
    expect(textOf(await bot.say('/bind 科技局', { chatId: GROUP, userId: 777 }))).toBe(M.groupAdminsOnly);
  });

  it('says which units a name may mean, or that it knows none', async () => {
    expect(textOf(await bot.say('/bind 不存在的局', { chatId: 42, userId: 42 }))).toBe(M.bindNotFound('不存在的局'));
    expect(textOf(await bot.say('/bind', { chatId: 42, userId: 42 }))).toBe(M.noBindings);
  });

  it('lists the chat’s bindings with /bind and removes one with its button', async () => {
    await requestBinding('工信局');
    const list = await bot.say('/bind', { chatId: GROUP, userId: MEMBER });
    expect(textOf(list)).toBe(M.bindingsTitle(1));
    const [remove] = buttonsOf(list);
    expect(remove!.text).toContain('市工业和信息化局');
    const from = bot.api.calls.length;
    bot.api.callback({ chatId: GROUP, userId: MEMBER, messageId: messageIdOf(list), data: remove!.callback_data! });
    expect(textOf(await bot.nextCall('sendMessage', (c) => Number(c.payload.chat_id) === GROUP, from))).toBe(M.unbound('市工业和信息化局'));
    expect(await bot.supervision.bindings()).toEqual([]);
  });
});
