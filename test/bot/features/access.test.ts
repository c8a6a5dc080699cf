import { MESSAGES } from '../../../src/wording/chat';
import { say, settled, startHarness, textOf, type Harness } from '../harness';

describe('ALLOWED_CHAT_IDS', () => {
  let h: Harness;
  const OFFICE_GROUP = -1008000000001;
  beforeAll(async () => {
    h = await startHarness({ allowedChatIds: [8001, OFFICE_GROUP] });
  });
  afterAll(() => h.stop());

  it('serves the listed chats', async () => {
    expect(textOf(await say(h, '/item 57', { chatId: 8001 }))).toBe(await h.expected('item', '57'));
    expect(textOf(await say(h, '/item 57', { chatId: OFFICE_GROUP, chatType: 'supergroup', userId: 8009 }))).toBe(await h.expected('item', '57'));
  });

  it("tells a stranger in private why, and says nothing to strangers' group chatter", async () => {
    expect(textOf(await say(h, '工信局', { chatId: 8002 }))).toBe(MESSAGES.notAllowed);
    expect(textOf(await say(h, '/item 57', { chatId: -1008000000002, chatType: 'group', userId: 8003 }))).toBe(MESSAGES.notAllowed);
    h.api.userMessage({ chatId: -1008000000002, chatType: 'group', userId: 8003, text: '大家好' });
    await settled(h);
    expect(h.api.sent(-1008000000002)).toHaveLength(1);
  });

  it('gives strangers no inline results', async () => {
    const answered = h.next('answerInlineQuery');
    h.api.inlineQuery({ userId: 8004, query: '工信局' });
    expect((await answered).payload.results).toEqual([]);
    const allowed = h.next('answerInlineQuery');
    h.api.inlineQuery({ userId: 8001, query: '工信局' });
    expect(((await allowed).payload.results as unknown[]).length).toBeGreaterThan(0);
  });
});
