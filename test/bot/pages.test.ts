import { encodeCallback, reportVersion } from '../../src/bot/callback-data';
import { MESSAGES } from '../../src/wording/chat';
import { buttons, keyboardOf, messageIdOf, plainOf, say, settled, startHarness, textOf, type Harness } from './harness';
import type { ApiCall } from '../fake-bot-api/server';

describe('pagination and detail buttons', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  /** Taps a button and resolves with the answerCallbackQuery (and the edit, when one is expected). */
  const tap = async (chatId: number, messageId: number, data: string): Promise<ApiCall> => {
    const answered = h.next('answerCallbackQuery');
    h.api.callback({ chatId, messageId, data });
    return answered;
  };
  const navData = (call: ApiCall, arrow: string): string => buttons(call).find((b) => b.text === arrow)!.callback_data!;

  it.each([
    ['王昌华', 'leader list (self-describing l<n> key)', 3001, /^p:[0-9a-f]{6}:l\d+:2$/],
    ['工信局', 'unit list (self-describing u<n> key)', 3002, /^p:[0-9a-f]{6}:u\d+:2$/],
    ['年底到期的', 'deadline list (cached q<id> key)', 3003, /^p:[0-9a-f]{6}:q[A-Za-z0-9_-]{8}:2$/],
  ])('pages %s in place: %s', async (question, _, chatId, nextPattern) => {
    const first = await say(h, question, { chatId });
    const answer = h.engine.ask(question);
    const pages = Math.ceil(answer.hits.length / h.deps.settings.pageSize);
    expect(pages).toBeGreaterThan(1);
    const messageId = messageIdOf(first);
    const nav = keyboardOf(first).at(-1)!;
    expect(nav.map((b) => b.text)).toEqual([`1/${pages}`, MESSAGES.next]);
    expect(navData(first, MESSAGES.next)).toMatch(nextPattern);

    let current = first;
    for (let page = 2; page <= pages; page++) {
      const edit = h.next('editMessageText', (c) => c.payload.message_id === messageId);
      await tap(chatId, messageId, navData(current, MESSAGES.next));
      current = await edit;
      expect(current.payload.chat_id).toBe(chatId);
      expect(textOf(current)).toBe(await h.expected('ask', question, page));
      const expectedNav = [MESSAGES.previous, `${page}/${pages}`, ...(page < pages ? [MESSAGES.next] : [])];
      expect(
        keyboardOf(current)
          .at(-1)!
          .map((b) => b.text),
      ).toEqual(expectedNav);
      // the detail buttons are the targets shown on this page
      const ids = answer.hits.slice((page - 1) * 10, page * 10).map((hit) => `d:${hit.target.id}`);
      expect(
        buttons(current)
          .filter((b) => b.callback_data?.startsWith('d:'))
          .map((b) => b.callback_data),
      ).toEqual(ids);
    }
    // back one page; the fake server now holds that page's text for the one message
    const back = h.next('editMessageText', (c) => c.payload.message_id === messageId);
    await tap(chatId, messageId, navData(current, MESSAGES.previous));
    await back;
    const stored = h.api.messages(chatId).find((m) => m.message_id === messageId)!;
    expect(stored.text).toBe(plainOf(await h.expected('ask', question, pages - 1)));
    expect(h.api.sent(chatId)).toHaveLength(1); // edits, never new messages
  });

  it('ignores a double tap on the same page (message is not modified)', async () => {
    const chatId = 3101;
    const first = await say(h, '王昌华', { chatId });
    const messageId = messageIdOf(first);
    const next = navData(first, MESSAGES.next);
    await tap(chatId, messageId, next);
    const second = await tap(chatId, messageId, next);
    expect(second.status).toBe(200);
    const notModified = h.api.calls.filter((c) => c.method === 'editMessageText' && c.status === 400);
    expect(notModified.length).toBeGreaterThan(0);
    expect(h.logs.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  });

  it('opens a target from its detail button as a new message', async () => {
    const chatId = 3102;
    const first = await say(h, '工信局', { chatId });
    const detail = buttons(first).find((b) => b.callback_data === 'd:57')!;
    const reply = h.next('sendMessage', (c) => c.payload.chat_id === chatId);
    await tap(chatId, messageIdOf(first), detail.callback_data!);
    expect(textOf(await reply)).toBe(await h.expected('item', '57'));
  });

  it.each([
    ['a page of an older report', () => `p:${reportVersion(h.report) === '000000' ? '111111' : '000000'}:u1:2`, MESSAGES.outdated],
    ['an expired free-text question', () => `p:${reportVersion(h.report)}:qZZZZZZZZ:2`, MESSAGES.expired],
    ['a unit index the report does not have', () => `p:${reportVersion(h.report)}:u9999:2`, MESSAGES.expired],
    ['a page beyond the last', () => `p:${reportVersion(h.report)}:l1:999`, MESSAGES.expired],
    ['a target no longer in the data', () => encodeCallback({ type: 'detail', id: '9999' }), MESSAGES.targetGone('9999')],
    ['forged data', () => 'drop table;--', MESSAGES.unknownButton],
    ['an example index out of range', () => 'ex:7', MESSAGES.unknownButton],
  ])('answers a stale button (%s) with a short notice and nothing else', async (_, data, notice) => {
    const chatId = 3200;
    const first = await say(h, '王昌华', { chatId });
    const before = h.api.calls.length;
    const answer = await tap(chatId, messageIdOf(first), data());
    expect(answer.payload.text).toBe(notice);
    await settled(h);
    const after = h.api.calls.slice(before).filter((c) => c.method !== 'getUpdates' && c.method !== 'answerCallbackQuery');
    expect(after).toEqual([]);
    expect(h.logs.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  });

  it('answers the n/m label silently', async () => {
    const chatId = 3201;
    const first = await say(h, '王昌华', { chatId });
    const answer = await tap(chatId, messageIdOf(first), 'noop');
    expect(answer.payload.text).toBeUndefined();
  });

  it('keeps every callback_data within 64 bytes', () => {
    const all = h.api.calls.flatMap((c) => {
      const markup = c.payload.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined;
      return (markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data ?? '');
    });
    expect(all.length).toBeGreaterThan(20);
    for (const data of all) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });
});

describe('page buttons across a restart', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it('keeps unit, leader and free-text pages working: the free-text question is in the store, not in the process', async () => {
    const chatId = 3301;
    // two chats: in one, 年底到期的 would be a follow-up to 王昌华 (test/bot/conversations.test.ts)
    const leader = await say(h, '王昌华', { chatId });
    const deadline = await say(h, '年底到期的', { chatId: chatId + 1 });
    const leaderNext = buttons(leader).find((b) => b.text === MESSAGES.next)!.callback_data!;
    const deadlineNext = buttons(deadline).find((b) => b.text === MESSAGES.next)!.callback_data!;
    expect(deadlineNext).toMatch(/^p:[0-9a-f]{6}:q/);

    await h.restart();

    for (const [message, data, question, at] of [
      [leader, leaderNext, '王昌华', chatId],
      [deadline, deadlineNext, '年底到期的', chatId + 1],
    ] as const) {
      const edit = h.next('editMessageText', (c) => c.payload.message_id === messageIdOf(message));
      const editAnswered = h.next('answerCallbackQuery');
      h.api.callback({ chatId: at, messageId: messageIdOf(message), data });
      expect(textOf(await edit)).toBe(await h.expected('ask', question, 2));
      await editAnswered; // the edit's own (silent) answer comes after the edit
    }
  });
});
