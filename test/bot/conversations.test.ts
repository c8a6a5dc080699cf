import { BOT_DEFAULTS } from '../../src/bot/deps';
import { encodeCallback } from '../../src/bot/callback-data';
import type { Conversation } from '../../src/qa/follow-up';
import { renderAnswer } from '../../src/view';
import { MESSAGES } from '../../src/wording/chat';
import { WORDS } from '../../src/wording/answers';
import { buttons, messageIdOf, say, settled, startHarness, testConversations, textOf, type Harness } from './harness';

/**
 * Conversations through the real bot over the fake Bot API: a follow-up is
 * read with the sender's earlier messages (kept in a lowdb conversations
 * file, as the app keeps them), per private chat and per member of a group.
 */
const GROUP = -1009000000077;
let clock = new Date('2026-12-03T08:00:00Z');
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ conversations: testConversations(30, () => clock) });
});
afterAll(() => h.stop());

/** the bot's reply to the last message, had the messages been one conversation: what engine.converse answers */
const expected = (messages: string[], page = 1): string => {
  let conversation: Conversation = {};
  let html = '';
  for (const m of messages) {
    const r = h.engine.converse(m, conversation);
    conversation = r.conversation;
    html = renderAnswer(r.answer, { format: 'html', page, pageSize: BOT_DEFAULTS.pageSize }).text;
  }
  return html;
};
const inGroup = (userId: number) => ({ chatId: GROUP, chatType: 'supergroup' as const, userId, replyToBot: true });
const tap = (chatId: number, messageId: number, data: string, userId = chatId) => {
  const answered = h.next('answerCallbackQuery');
  h.api.callback({ chatId, userId, messageId, data });
  return answered;
};

describe('a conversation in a private chat', () => {
  it('answers a follow-up with the last question in it, and says so on the first line', async () => {
    const chatId = 8101;
    await say(h, '卫健委的目标', { chatId });
    const reply = await say(h, '有没有滞后的', { chatId });
    expect(textOf(reply)).toBe(expected(['卫健委的目标', '有没有滞后的']));
    expect(textOf(reply)).toContain(WORDS.followUp(['市卫生健康委', WORDS.lagging]));
    // 卫健委 has no lagging target: not the table's 47 and 57
    expect(textOf(reply)).not.toContain('<b>57</b>');
  });

  it('points into the last list and remembers an introduction in every later message', async () => {
    const chatId = 8102;
    await say(h, '我在市场监管局上班', { chatId });
    await say(h, '卫健委的目标', { chatId });
    const third = textOf(await say(h, '第三条是谁牵头的', { chatId }));
    expect(third).toBe(expected(['卫健委的目标', '第三条是谁牵头的']));
    expect(third).toContain('第 75 项');
    const ours = await say(h, '我们单位有几项', { chatId });
    expect(textOf(ours)).toContain('市市场监管局共有 7 项目标');
  });

  it('forgets after CONVERSATION_MINUTES of quiet, and at /start', async () => {
    const chatId = 8103;
    await say(h, '卫健委的目标', { chatId });
    clock = new Date(clock.getTime() + 31 * 60_000);
    expect(textOf(await say(h, '有没有滞后的', { chatId }))).toBe(expected(['有没有滞后的']));
    await say(h, '卫健委的目标', { chatId });
    await say(h, '/start', { chatId });
    expect(textOf(await say(h, '有没有滞后的', { chatId }))).toBe(expected(['有没有滞后的']));
  });

  it('pages a follow-up as it was read, also after a restart', async () => {
    const chatId = 8104;
    await say(h, '年底到期的', { chatId });
    const first = await say(h, '王昌华的呢', { chatId });
    expect(textOf(first)).toBe(expected(['年底到期的', '王昌华的呢']));
    await h.restart();
    const edit = h.next('editMessageText', (c) => c.payload.message_id === messageIdOf(first));
    await tap(chatId, messageIdOf(first), buttons(first).find((b) => b.text === MESSAGES.next)!.callback_data!);
    expect(textOf(await edit)).toBe(expected(['年底到期的', '王昌华的呢'], 2));
  });

  it('takes a tapped page or detail as the latest list', async () => {
    const chatId = 8105;
    const wang = await say(h, '王昌华负责的', { chatId });
    await say(h, '卫健委的目标', { chatId });
    // turning a page of the older list makes it the one 倒数第一个 counts along
    const edit = h.next('editMessageText', (c) => c.payload.message_id === messageIdOf(wang));
    await tap(chatId, messageIdOf(wang), buttons(wang).find((b) => b.text === MESSAGES.next)!.callback_data!);
    await edit;
    expect(textOf(await say(h, '倒数第一个', { chatId }))).toBe(expected(['王昌华负责的', '倒数第一个']));
    // opening a target makes it the subject: 滞后吗 is about 57 alone
    const detail = h.next('sendMessage', (c) => c.payload.chat_id === chatId);
    await tap(chatId, messageIdOf(wang), encodeCallback({ type: 'detail', id: '57' }));
    await detail;
    expect(textOf(await say(h, '有没有滞后的', { chatId }))).toBe(expected(['第57项', '有没有滞后的']));
  });
});

describe('a group', () => {
  it('keeps each member’s conversation apart when two talk at once', async () => {
    // both ask, then both follow up, each pair sent before either is answered
    h.api.userMessage({ ...inGroup(4101), text: '卫健委的目标' });
    h.api.userMessage({ ...inGroup(4102), text: '团市委的目标' });
    await settled(h);
    const before = h.api.sent(GROUP).length;
    h.api.userMessage({ ...inGroup(4101), text: '有没有滞后的' });
    h.api.userMessage({ ...inGroup(4102), text: '第一个' });
    await settled(h);
    expect(h.api.sent(GROUP)).toHaveLength(before + 2);
    const sent = h.api
      .sent(GROUP)
      .slice(-2)
      .map((m) => m.text);
    expect(sent).toContain(expected(['卫健委的目标', '有没有滞后的']));
    expect(sent).toContain(expected(['团市委的目标', '第一个']));
    expect(expected(['团市委的目标', '第一个'])).toContain('第 43 项');
  });
});
