import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_DEFAULTS } from '../../src/alerts/config';
import { openLowdbStore } from '../../src/store/lowdb';
import { editedSeed } from '../alerts/tables';
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server';
import { until } from '../helpers/wait';
import { spawnMain, type MainProcess } from '../helpers/node-process';

/**
 * The delivery guarantee, tested on the real program: `tsx src/main.ts` is
 * killed with SIGKILL in the middle of delivering an import's digests, then
 * started again on the same store. Every subscriber must get its digest; none
 * that Telegram had accepted and the bot had recorded is sent again. The only
 * repeats allowed are the alerts the restarted bot names as "uncertain" (sent,
 * but killed before Telegram's answer was read), at most one per chat.
 */
const SUBSCRIBERS = 120;
const FIRST_CHAT = 50_000;
const ADMIN = 9001;

const start = (api: FakeBotApi, dir: string, apiRoot = api.apiRoot): MainProcess => spawnMain(dir, { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: apiRoot, ADMIN_IDS: String(ADMIN) });

/** Subscribers in the store before the bot first starts (the store is the seam; the bot seeds the report). */
const addSubscribers = async (dir: string, n: number): Promise<void> => {
  const store = await openLowdbStore({ dbPath: join(dir, 'db.json'), purpose: 'test' });
  for (let i = 0; i < n; i += 1) await store.subscriptions.add(FIRST_CHAT + i, { kind: 'all' }, 'private');
  await store.close();
};

const digestsByChat = (api: FakeBotApi): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const p of api.sent()) {
    const chatId = Number(p.chat_id);
    if (chatId >= FIRST_CHAT && String(p.text).includes('责任目标变化提醒')) counts.set(chatId, (counts.get(chatId) ?? 0) + 1);
  }
  return counts;
};

/**
 * A pass-through proxy to the fake server that can swallow the answer to one
 * digest: Telegram has accepted it, the bot never learns so. That is the one
 * window no bot can close (sendMessage has no idempotency key), made to happen
 * on purpose instead of by luck.
 */
const startHoldingProxy = async (api: FakeBotApi, hold: (chatId: number) => boolean) => {
  let armed = true;
  let held!: (chatId: number) => void;
  const heldChat = new Promise<number>((resolve) => (held = resolve));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const upstream = request(`${api.apiRoot}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (up) => {
        const out: Buffer[] = [];
        up.on('data', (c: Buffer) => out.push(c));
        up.on('end', () => {
          const answer = Buffer.concat(out);
          if (armed && up.statusCode === 200 && /\/sendMessage$/.test(req.url ?? '')) {
            const chatId = (JSON.parse(answer.toString('utf8')) as { result: { chat: { id: number } } }).result.chat.id;
            if (hold(chatId)) {
              armed = false;
              held(chatId);
              return; // accepted upstream, never answered
            }
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          res.end(answer);
        });
      });
      upstream.on('error', () => res.destroy());
      // a killed bot's long poll must not linger upstream (the next bot would get 409 Conflict)
      res.on('close', () => upstream.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    heldChat,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

const uncertainOf = (proc: MainProcess): string[] => {
  const line = proc
    .output()
    .split('\n')
    .find((l) => l.includes('sending them again'));
  return line ? (JSON.parse(line) as { ids: string[] }).ids : [];
};

describe('alert delivery across SIGKILL', () => {
  let dir: string;
  let api: FakeBotApi;
  const procs: MainProcess[] = [];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tpb-crash-'));
    api = await startFakeBotApi();
  });
  afterEach(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every digest after a restart and re-sends only the uncertain ones', async () => {
    await addSubscribers(dir, SUBSCRIBERS);

    const first = start(api, dir);
    procs.push(first);
    await api.waitFor('setMyCommands', undefined, 30_000);
    api.document({ userId: ADMIN, fileName: 'heze-2022-q4.tsv', bytes: editedSeed({ lagging: ['58', '40'], recovered: ['47'] }) });
    await api.waitFor('sendMessage', (p) => Number(p.chat_id) === ADMIN, 15_000);

    // Kill in the middle of the fan-out: at 25 messages/s, 120 digests take about five seconds.
    await until(() => digestsByChat(api).size >= 40, '40 digests', 15_000);
    first.child.kill('SIGKILL');
    await first.exit;
    const beforeRestart = digestsByChat(api);
    expect(beforeRestart.size).toBeLessThan(SUBSCRIBERS);

    const second = start(api, dir);
    procs.push(second);
    await until(() => digestsByChat(api).size === SUBSCRIBERS, 'every subscriber to get a digest', 30_000);
    // let anything still queued go out before counting repeats
    await new Promise((r) => setTimeout(r, 1500));
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    const counts = digestsByChat(api);
    const repeated = [...counts].filter(([, n]) => n > 1).map(([chatId]) => chatId);
    const uncertain = uncertainOf(second);
    const uncertainChats = uncertain.map((id) => Number(id.split(':')[2]));
    // no losses
    expect(counts.size).toBe(SUBSCRIBERS);
    // no chat got more than two, and a second copy only where the bot could not know
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    for (const chatId of repeated) expect(uncertainChats).toContain(chatId);
    expect(uncertain.length).toBeLessThanOrEqual(ALERT_DEFAULTS.concurrency);
    // every chat that had its digest before the kill and was not in flight got nothing more
    for (const [chatId] of beforeRestart) if (!uncertainChats.includes(chatId)) expect(counts.get(chatId)).toBe(1);
    // eslint-disable-next-line no-console
    console.log(`SIGKILL test: ${beforeRestart.size} delivered before the kill, ${uncertain.length} uncertain, ${repeated.length} repeated`);
  }, 90_000);

  it('re-sends exactly the digest whose answer the killed bot never read, and names it', async () => {
    await addSubscribers(dir, 60);
    let digests = 0;
    const proxy = await startHoldingProxy(api, (chatId) => chatId >= FIRST_CHAT && ++digests === 20);
    try {
      const first = start(api, dir, proxy.apiRoot);
      procs.push(first);
      await api.waitFor('setMyCommands', undefined, 30_000);
      api.document({ userId: ADMIN, fileName: 'heze-2022-q4.tsv', bytes: editedSeed({ lagging: ['58'] }) });
      const heldChat = await proxy.heldChat;
      first.child.kill('SIGKILL');
      await first.exit;
      expect(digestsByChat(api).get(heldChat)).toBe(1); // Telegram has it

      const second = start(api, dir);
      procs.push(second);
      await until(() => digestsByChat(api).size === 60, 'every subscriber to get a digest', 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      second.child.kill('SIGTERM');
      expect(await second.exit).toBe(0);

      const counts = digestsByChat(api);
      const repeated = [...counts].filter(([, n]) => n > 1).map(([chatId]) => chatId);
      const uncertainChats = uncertainOf(second).map((id) => Number(id.split(':')[2]));
      expect(uncertainChats).toContain(heldChat);
      expect(repeated).toContain(heldChat);
      for (const chatId of repeated) expect(uncertainChats).toContain(chatId);
      expect(counts.size).toBe(60);
      expect(Math.max(...counts.values())).toBe(2);
    } finally {
      await proxy.close();
    }
  }, 90_000);
});
