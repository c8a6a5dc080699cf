import { plainOf, say, settled, startHarness, textOf, type Harness } from './harness';

const GROUP = -1009000000001;

describe('group chats', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  const inGroup = { chatId: GROUP, chatType: 'supergroup' as const, userId: 4001 };

  it('answers a command, also addressed as /cmd@botname, as a reply to the asking message', async () => {
    for (const text of ['/item 57', `/item@${h.api.botInfo.username} 57`]) {
      const reply = await say(h, text, inGroup);
      expect(textOf(reply)).toBe(await h.expected('item', '57'));
      expect(reply.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    }
  });

  it('answers a mention of the bot, without the mention in the question', async () => {
    const name = `@${h.api.botInfo.username}`;
    const reply = await say(h, `${name} 工信局`, inGroup);
    expect(textOf(reply)).toBe(await h.expected('ask', '工信局'));
    const withEntity = h.next('sendMessage', (c) => c.payload.chat_id === GROUP);
    h.api.userMessage({ ...inGroup, text: `请问 ${name} 王昌华`, entities: [{ type: 'mention', offset: 3, length: name.length }] });
    expect(plainOf(textOf(await withEntity))).toBe(plainOf(await h.expected('ask', '请问 王昌华')));
  });

  it('answers a bare mention with the help text', async () => {
    const reply = await say(h, `@${h.api.botInfo.username}`, inGroup);
    expect(textOf(reply)).toBe(await h.expected('help'));
  });

  it('answers a reply to one of its messages', async () => {
    const reply = await say(h, '卫健委', { ...inGroup, replyToBot: true });
    expect(textOf(reply)).toBe(await h.expected('ask', '卫健委'));
  });

  it('answers a reply that starts with a slash but is no command (found by the fuzz, FUZZ_SEED=125174893)', async () => {
    // Telegram only makes /[A-Za-z0-9_]+ a command; "/市科技局" is a question like any other.
    const reply = await say(h, '/市科技局', { ...inGroup, replyToBot: true });
    expect(textOf(reply)).toBe(await h.expected('ask', '/市科技局'));
  });

  it("ignores chatter, other bots' commands and mentions of other users", async () => {
    const before = h.api.sent(GROUP).length;
    for (const text of ['大家好，今天开会', '工信局', '/item@some_other_bot 57', '/unknown', '@someone_else 工信局']) {
      h.api.userMessage({ ...inGroup, text });
    }
    await settled(h);
    expect(h.api.sent(GROUP)).toHaveLength(before);
  });

  it('still answers free text in a private chat without a mention', async () => {
    const reply = await say(h, '工信局', { userId: 4002 });
    expect(textOf(reply)).toBe(await h.expected('ask', '工信局'));
    expect(reply.payload.reply_parameters).toBeUndefined();
  });
});
