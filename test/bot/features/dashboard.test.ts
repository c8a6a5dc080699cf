import { readFileSync } from 'node:fs';
import { startDashboardApp, USER_ID, WEBAPP_URL, type DashboardApp } from '../../web/dashboard-app';

const GROUP_ID = -1001234567890;

describe('dashboard feature (/dashboard, /weblink, the menu button)', () => {
  let app: DashboardApp;
  beforeAll(async () => {
    app = await startDashboardApp();
  });
  afterAll(() => app.stop());

  const reply = async (text: string, chatId = USER_ID) => {
    const before = app.api.sent(chatId).length;
    app.api.userMessage({ text, chatId, userId: USER_ID, chatType: chatId > 0 ? 'private' : 'supergroup' });
    await app.api.waitFor('sendMessage', (p) => Number(p.chat_id) === chatId && app.api.sent(chatId).length > before);
    return app.api.sent(chatId).at(-1)!;
  };
  const markup = (payload: Record<string, unknown>) => JSON.parse(JSON.stringify(payload.reply_markup)) as { inline_keyboard: Record<string, unknown>[][] };

  it('sets the menu button of private chats to open the page, and lists the commands', async () => {
    const call = await app.api.waitFor('setChatMenuButton');
    expect(call.status).toBe(200);
    expect(JSON.parse(JSON.stringify(call.payload.menu_button))).toEqual({ type: 'web_app', text: '看板', web_app: { url: WEBAPP_URL } });
    const commands = await app.api.waitFor('setMyCommands');
    const names = (JSON.parse(JSON.stringify(commands.payload.commands)) as { command: string }[]).map((c) => c.command);
    expect(names).toEqual(expect.arrayContaining(['dashboard', 'weblink']));
  });

  it('answers /dashboard in a private chat with a web_app button to WEBAPP_URL', async () => {
    const sent = await reply('/dashboard');
    expect(markup(sent).inline_keyboard[0]![0]).toEqual({ text: '打开看板', web_app: { url: WEBAPP_URL } });
  });

  it('answers /dashboard in a group with a link to the private chat (Telegram refuses web_app buttons there), which opens it', async () => {
    const sent = await reply('/dashboard', GROUP_ID);
    expect(markup(sent).inline_keyboard[0]![0]).toEqual({ text: '私聊打开看板', url: 'https://t.me/progress_test_bot?start=dashboard' });
    const started = await reply('/start dashboard');
    expect(markup(started).inline_keyboard[0]![0]).toMatchObject({ web_app: { url: WEBAPP_URL } });
  });

  it('gives a personal browser link whose token signs in, is stored hashed and never logged, until /weblink off', async () => {
    const sent = await reply('/weblink');
    const token = /#weblink=([A-Za-z0-9_-]{43})/.exec(String(sent.text))?.[1];
    expect(token).toBeDefined();
    expect(markup(sent).inline_keyboard[0]![0]).toEqual({ text: '在浏览器中打开', url: `${WEBAPP_URL}#weblink=${token}` });
    const me = await fetch(`${app.base}api/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).user).toEqual({ id: USER_ID, admin: false, via: 'weblink' });
    expect(app.logs.join('\n')).not.toContain(token);
    expect(readFileSync(app.dbPath, 'utf8')).not.toContain(token);

    const off = await reply('/weblink off');
    expect(off.text).toBe('已停用您的 1 个看板链接。');
    expect((await fetch(`${app.base}api/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it('keeps personal links out of groups', async () => {
    const sent = await reply('/weblink', GROUP_ID);
    expect(String(sent.text)).not.toContain('#weblink=');
    expect(sent.reply_markup).toBeUndefined();
  });
});
