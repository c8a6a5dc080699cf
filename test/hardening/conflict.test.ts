import { startApp, startAppUnderTest, type AppUnderTest, type StartedApp } from '../helpers/app-under-test';

/**
 * Two instances polling with one token: Telegram answers the second getUpdates with 409 Conflict. Here the 409
 * is not injected: the fake server gives it because the first bot's long poll is really open. The second bot
 * must stop polling with a sentence a person can act on; the first keeps answering.
 */
describe('a second instance with the same token', () => {
  let first: AppUnderTest | undefined;
  let second: StartedApp | undefined;
  afterEach(async () => {
    await second?.stop();
    await first?.stop();
    first = undefined;
    second = undefined;
  });

  it('gets 409 Conflict, explains it, and does not disturb the running one', async () => {
    first = await startAppUnderTest();
    const api = first.api;
    // Wait until the first bot's long poll is parked on the server.
    await api.waitFor('deleteWebhook');
    await new Promise((r) => setTimeout(r, 100));

    second = await startApp({ token: api.token, apiRoot: api.apiRoot });
    const started = Date.now();
    while (!second.logs.some((l) => l.includes('"level":60')) && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 10));
    const fatal = second.logs.find((l) => l.includes('"level":60'));
    expect(fatal).toMatch(/409/);
    expect(fatal).toMatch(/another instance is polling with this token/);
    expect(api.calls.filter((c) => c.method === 'getUpdates' && c.status === 409)).toHaveLength(1);

    const reply = api.waitFor('sendMessage', (p) => p.chat_id === 31);
    api.userMessage({ userId: 31, text: '/stats' });
    await expect(reply).resolves.toMatchObject({ status: 200 });
    expect(first.logs.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
  });
});
