import { startDashboardApp, type DashboardApp } from './dashboard-app';
import { freePort } from '../helpers/free-port';

describe('dashboard in webhook mode', () => {
  let app: DashboardApp;
  let port: number;
  const secret = 'webhook_secret-123';

  beforeAll(async () => {
    port = await freePort();
    app = await startDashboardApp({ WEBHOOK_URL: 'https://bot.example.org/tg/hook', WEBHOOK_SECRET: secret, PORT: String(port) }, { ownServer: false });
  });
  afterAll(() => app.stop());

  it('is served by the webhook’s own server (no second port), which still takes updates only with the secret', async () => {
    expect(app.handles.web).toEqual({ port: undefined });
    expect(app.base).toBe(`http://127.0.0.1:${port}/app/`);
    expect((await fetch(app.base)).status).toBe(200);
    const board = await fetch(`${app.base}api/board`, { headers: { Authorization: `tma ${app.initData()}` } });
    expect(board.status).toBe(200);
    expect((await board.json()) as unknown).toMatchObject({ totals: { targets: 48, lagging: 2 } });
    expect((await fetch(`${app.base}api/board`)).status).toBe(401);

    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 6001, type: 'private' },
        from: { id: 6001, is_bot: false, first_name: 'U' },
        text: '/dashboard',
        entities: [{ type: 'bot_command', offset: 0, length: 10 }],
      },
    };
    const post = (header?: string) =>
      fetch(`http://127.0.0.1:${port}/tg/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(header ? { 'x-telegram-bot-api-secret-token': header } : {}) },
        body: JSON.stringify(update),
      });
    // without the secret the update is not the webhook's: it falls through to the page's handler, which knows no such path
    expect((await post()).status).toBe(404);
    expect((await post('guess')).status).toBe(404);
    expect(app.api.sent(6001)).toHaveLength(0);
    const reply = app.api.waitFor('sendMessage', (p) => p.chat_id === 6001);
    expect((await post(secret)).status).toBe(200);
    expect(JSON.stringify((await reply).payload.reply_markup)).toContain('"web_app"');
  });
});
