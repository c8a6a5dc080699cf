/**
 * Requests that fail sign-in are throttled per address and their log lines sampled (issue 20.5):
 * 2,000 forged requests once wrote 2,000 log lines in 1.8 s. The real app, over HTTP.
 */
import { Agent, request } from 'node:http';
import { startDashboardApp, type DashboardApp } from './dashboard-app';
import { WEB_DEFAULTS } from '../../src/web';
import { WEB_MESSAGES } from '../../src/wording/dashboard';

const FORGED = 2000;

describe('requests that fail sign-in', () => {
  let app: DashboardApp;
  beforeAll(async () => {
    app = await startDashboardApp();
  });
  afterAll(() => app.stop());

  /** GET `path` from `localAddress` (any of 127.0.0.0/8 is this machine): the status and body */
  const get = (agent: Agent, path: string, authorization: string | undefined, localAddress = '127.0.0.1'): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(`${app.base}${path}`, { agent, localAddress, headers: authorization ? { Authorization: authorization } : {} }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('get 429 from one address after a burst, with a few sampled log lines, while sign-ins and other addresses are served', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const forged = [undefined, `tma ${app.initData().replace(/hash=[0-9a-f]{4}/, 'hash=0000')}`, `Bearer ${'A'.repeat(43)}`, 'Basic dXNlcjpwYXNz'];
    const before = app.logs.length;
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: FORGED }, (_, i) => get(agent, 'api/board', forged[i % forged.length])));
    const ms = Date.now() - started;
    const count = (status: number): number => answers.filter((a) => a.status === status).length;
    const lines = app.logs.slice(before).filter((l) => l.includes('dashboard request refused'));
    console.log(`${FORGED} forged requests in ${ms} ms: 401 × ${count(401)}, 429 × ${count(429)}; ${lines.length} log lines`);

    expect(count(401) + count(429)).toBe(FORGED);
    // the burst, plus what refilled while the flood lasted
    expect(count(401)).toBeLessThanOrEqual(WEB_DEFAULTS.unauthenticatedLimit.burst + Math.ceil((ms / 1000) * WEB_DEFAULTS.unauthenticatedLimit.perSecond) + 1);
    expect(answers.filter((a) => a.status === 429).every((a) => JSON.parse(a.body).error === WEB_MESSAGES.tooFast)).toBe(true);
    // one line per reason (missing, bad hash, bad weblink) from this address, counting what it stands for
    expect(lines.length).toBeLessThanOrEqual(forged.length);
    expect(lines.every((l) => !l.includes('0000') && !l.includes('A'.repeat(43)))).toBe(true);
    expect(app.logs.slice(before).length).toBeLessThan(10);

    // a real sign-in from the same address is still served, and so is a forger's neighbour
    expect((await get(agent, 'api/board', `tma ${app.initData()}`)).status).toBe(200);
    expect((await get(new Agent(), 'api/board', undefined, '127.0.0.2')).status).toBe(401);
    // within the minute, no new line for the same address and reason: the next one will carry the count
    await get(agent, 'api/board', undefined);
    expect(app.logs.slice(before).filter((l) => l.includes('dashboard request refused'))).toHaveLength(lines.length + 1);
    agent.destroy();
  }, 60_000);
});
