import { examplesFor } from '../../src/bot/features/start';
import { MESSAGES } from '../../src/wording/chat';
import { buttons, plainOf, say, startHarness, textOf, type Harness } from './harness';

/** The plain-text reply `npm run ask` prints for the same question: the bot must carry the same content. */
const plainAnswer = (h: Harness, kind: Parameters<Harness['engine']['askAs']>[0] | 'ask', arg = ''): string => {
  const answer = kind === 'ask' ? h.engine.ask(arg) : h.engine.askAs(kind, arg);
  return h.view.renderAnswer(answer, { format: 'plain', page: 1, pageSize: h.deps.settings.pageSize }).text;
};

describe('bot commands (real telegraf client polling the fake Bot API)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.stop());

  it('registers its commands with Chinese descriptions', async () => {
    const call = await h.api.waitFor('setMyCommands');
    const commands = call.payload.commands as { command: string; description: string }[];
    expect(commands.map((c) => c.command)).toEqual(['start', 'help', 'item', 'unit', 'leader', 'lagging', 'stats', 'search']);
    for (const c of commands) expect(c.description).toMatch(/[\u4e00-\u9fff]/);
  });

  it('welcomes on /start with three example questions that ask themselves when tapped', async () => {
    const welcome = await say(h, '/start', { chatId: 2001 });
    expect(textOf(welcome)).toContain(h.report.city);
    const examples = buttons(welcome);
    expect(examples.map((b) => b.text)).toEqual(examplesFor(h.report));
    expect(examples).toHaveLength(3);
    for (const [i, button] of examples.entries()) {
      const reply = h.next('sendMessage', (c) => c.payload.chat_id === 2001);
      const answered = h.next('answerCallbackQuery');
      h.api.callback({ chatId: 2001, messageId: (welcome.response as { result: { message_id: number } }).result.message_id, data: button.callback_data! });
      await answered;
      expect(plainOf(textOf(await reply))).toBe(plainAnswer(h, 'ask', examplesFor(h.report)[i]!));
    }
  });

  it.each([
    ['/help', 'help', ''],
    ['/item 57', 'item', '57'],
    ['/item 999', 'item', '999'],
    ['/unit 工信局', 'unit', '工信局'],
    ['/leader 王昌华', 'leader', '王昌华'],
    ['/lagging', 'lagging', ''],
    ['/stats', 'stats', ''],
    ['/search 5G基站', 'search', '5G基站'],
  ] as const)('answers %s with the same content as npm run ask', async (text, kind, arg) => {
    const reply = await say(h, text, { chatId: 2002 });
    expect(reply.payload.parse_mode).toBe('HTML');
    expect(plainOf(textOf(reply))).toBe(plainAnswer(h, kind, arg));
  });

  it.each(['市科技局的目标', '工信局未按计划', '王昌华负责的滞后项目', '第57项', '今天天气怎么样', '<b>5G</b> & <a href="x">基站</a>'])('answers free text %s through the engine', async (question) => {
    const reply = await say(h, question, { chatId: 2003 });
    expect(plainOf(textOf(reply))).toBe(plainAnswer(h, 'ask', question));
  });

  it('asks for the missing argument of /item, /unit, /leader and /search', async () => {
    for (const command of ['item', 'unit', 'leader', 'search']) {
      const reply = await say(h, `/${command}`, { chatId: 2004 });
      expect(textOf(reply)).toMatch(new RegExp(`^请在命令后写上内容，例如：/${command} `));
    }
  });

  it('opens a target from a deep link (/start item_57)', async () => {
    const reply = await say(h, '/start item_57', { chatId: 2005 });
    expect(plainOf(textOf(reply))).toBe(plainAnswer(h, 'item', '57'));
  });

  it('falls back to the welcome for an unknown deep-link payload', async () => {
    const reply = await say(h, '/start bogus_payload', { chatId: 2006 });
    expect(textOf(reply)).toBe(MESSAGES.welcome(h.report.city, h.report.period, h.api.botInfo.username, h.engine.examples()));
  });
});
