import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useLowdbStores } from '../helpers/lowdb-store';
import { createWeblinkStore, WEBLINKS_SCOPE, type WeblinkRecord } from '../../src/store/weblinks';
import { DASHBOARD_MESSAGES } from '../../src/wording/dashboard';
import { startDashboardApp, USER_ID, type DashboardApp } from './dashboard-app';
import { createWeblinks, hashToken } from '../../src/web/weblinks';
import { useTempDir } from '../helpers/tmp';
import { until } from '../helpers/wait';

describe('weblinks', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();

  const setup = async (clock: { now: Date }) => {
    const store = await openStore(dir());
    return { path: join(dir(), 'db.json'), store, links: createWeblinks({ store: createWeblinkStore(store.settings), days: 7, now: () => clock.now }) };
  };

  it('signs in with an issued token, and keeps only its hash in the store file', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00Z') };
    const { path, links } = await setup(clock);
    const { token, expiresAt } = await links.issue(1001);
    expect(expiresAt.toISOString()).toBe('2026-01-08T00:00:00.000Z');
    expect(await links.verify(token)).toBe(1001);
    const file = readFileSync(path, 'utf8');
    expect(file).not.toContain(token);
    expect(file).toContain(hashToken(token));
  });

  it('stops working after the days given, and after /weblink off', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00Z') };
    const { links } = await setup(clock);
    const a = await links.issue(1001);
    const b = await links.issue(1001);
    const other = await links.issue(2002);
    expect(await links.revoke(1001)).toBe(2);
    expect(await links.verify(a.token)).toBeUndefined();
    expect(await links.verify(b.token)).toBeUndefined();
    expect(await links.verify(other.token)).toBe(2002);
    clock.now = new Date('2026-01-08T00:00:01Z');
    expect(await links.verify(other.token)).toBeUndefined();
  });

  it('refuses a token of the wrong shape without looking it up', async () => {
    const { links } = await setup({ now: new Date() });
    expect(await links.verify('')).toBeUndefined();
    expect(await links.verify('x'.repeat(500))).toBeUndefined();
  });

  it('survives a restart (the store is re-read from the file)', async () => {
    const clock = { now: new Date('2026-01-01T00:00:00Z') };
    const { store, links } = await setup(clock);
    const { token } = await links.issue(1001);
    await store.close();
    const reopened = createWeblinks({ store: createWeblinkStore((await openStore(dir())).settings), days: 7, now: () => clock.now });
    expect(await reopened.verify(token)).toBe(1001);
  });
});

/** /weblink through the chat (the real app, the fake Bot API) and the links it gives, tried on the real API. */
describe('weblinks in the chat (issue 20.3)', () => {
  let app: DashboardApp;
  beforeAll(async () => {
    app = await startDashboardApp();
  });
  afterAll(() => app.stop());

  const command = async (text: string): Promise<{ text: string; ms: number }> => {
    const before = app.api.sent(USER_ID).length;
    const started = Date.now();
    app.api.userMessage({ chatId: USER_ID, text });
    await until(() => app.api.sent(USER_ID).length > before, `the answer to ${text}`, 20_000);
    return { text: String(app.api.sent(USER_ID)[before]!.text), ms: Date.now() - started };
  };
  const tokenIn = (text: string): string => /#weblink=([A-Za-z0-9_-]{43})/.exec(text)![1]!;
  const status = async (token: string): Promise<number> => (await fetch(`${app.base}api/me`, { headers: { Authorization: `Bearer ${token}` } })).status;
  /** links issued before the cap existed, straight into the store in one write */
  const pileUp = (n: number): Promise<number> => {
    const now = Date.now();
    const put = Array.from({ length: n }, (_, i) => ({
      key: hashToken(`old-${i}`),
      value: { tokenHash: hashToken(`old-${i}`), userId: USER_ID, createdAt: new Date(now - 60_000 + i).toISOString(), expiresAt: new Date(now + 86_400_000).toISOString() },
    }));
    return app.handles.settings.update(WEBLINKS_SCOPE, { put });
  };
  const mine = async (): Promise<number> => (await app.handles.settings.list<WeblinkRecord>(WEBLINKS_SCOPE)).filter((r) => r.value.userId === USER_ID).length;

  it('keeps the three newest links of a user: a fourth /weblink stops the oldest', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 4; i += 1) tokens.push(tokenIn((await command('/weblink')).text));
    expect(await Promise.all(tokens.map(status))).toEqual([401, 200, 200, 200]);
    expect((await command('/weblink off')).text).toBe(DASHBOARD_MESSAGES.weblinkOff(3));
    expect(await Promise.all(tokens.map(status))).toEqual([401, 401, 401, 401]);
  });

  it('answers /weblink and /weblink off at once with 20,000 links piled up, and revokes every one', async () => {
    await pileUp(20_000);
    const issued = await command('/weblink');
    expect(await status(tokenIn(issued.text))).toBe(200);
    expect(await mine()).toBe(3);
    await pileUp(20_000);
    const off = await command('/weblink off');
    console.log(`20,000 links piled up: /weblink answered in ${issued.ms} ms, /weblink off in ${off.ms} ms`);
    // the same 20,000 again (the two newest of them were still kept) and the issued one
    expect(off.text).toBe(DASHBOARD_MESSAGES.weblinkOff(20_001));
    expect(await mine()).toBe(0);
    expect(await status(tokenIn(issued.text))).toBe(401);
    expect(issued.ms).toBeLessThan(5000);
    expect(off.ms).toBeLessThan(5000);
  }, 60_000);
});
