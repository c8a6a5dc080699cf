import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_DEFAULTS } from '../../src/alerts/config';
import { openStore } from '../../src/store';
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server';
import { spawnMain, type MainProcess } from '../helpers/node-process';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { until } from '../helpers/wait';

/**
 * Reminders (催办) go through the alerts' outbox, so they carry its guarantee, tested here on the
 * real program: `src/main.ts` is killed with SIGKILL while it sends a confirmed reminder to 120
 * bound chats, then started again on the same store. Every chat gets its reminder; a second copy
 * only where the restarted bot names the send as uncertain. The reminder is recorded once.
 * The same on lowdb and on PostgreSQL (DATABASE_URL): the outbox lives in either.
 */
const CHATS = 120;
const FIRST_CHAT = -60_000;
const ADMIN = 9001;

const start = (api: FakeBotApi, dir: string, databaseUrl: string | undefined): MainProcess =>
  spawnMain(dir, { BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, ADMIN_IDS: String(ADMIN), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });

const open = (dir: string, databaseUrl: string | undefined) => openStore({ dbPath: join(dir, 'db.json'), databaseUrl, purpose: 'test' });

/** Chats bound (and approved) to 市工业和信息化局 before the bot starts: the store is the seam. */
const bindChats = async (dir: string, databaseUrl: string | undefined): Promise<void> => {
  const store = await open(dir, databaseUrl);
  for (let i = 0; i < CHATS; i += 1) {
    const { binding } = await store.supervision.requestBinding({ chatId: FIRST_CHAT - i, unit: '市工业和信息化局', requestedBy: 1 });
    await store.supervision.decideBinding(binding.id, 'approved', ADMIN);
  }
  await store.close();
};

const remindersByChat = (api: FakeBotApi): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const p of api.sent()) {
    const chatId = Number(p.chat_id);
    if (String(p.text).includes('【催办】')) counts.set(chatId, (counts.get(chatId) ?? 0) + 1);
  }
  return counts;
};

describe.each([
  ['lowdb', false],
  ['PostgreSQL', true],
] as const)('reminder delivery across SIGKILL (%s)', (backend, usesPostgres) => {
  let dir: string;
  let api: FakeBotApi;
  let pg: TestPostgres | undefined;
  const procs: MainProcess[] = [];
  beforeAll(async () => {
    if (usesPostgres) pg = await startTestPostgres();
  }, 60_000);
  afterAll(async () => {
    await pg?.stop();
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tpb-remind-crash-'));
    api = await startFakeBotApi();
  });
  afterEach(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every chat its reminder after a restart and re-sends only the uncertain ones', async () => {
    const databaseUrl = pg ? await pg.createDatabase() : undefined;
    await bindChats(dir, databaseUrl);
    const first = start(api, dir, databaseUrl);
    procs.push(first);
    await api.waitFor('setMyCommands', undefined, 30_000);
    api.userMessage({ userId: ADMIN, text: '/remind 滞后' });
    const preview = await api.waitFor('sendMessage', (p) => Number(p.chat_id) === ADMIN && String(p.text).includes('催办预览'), 15_000);
    const confirm = (preview.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!.callback_data;
    api.callback({ userId: ADMIN, messageId: (preview.response as { result: { message_id: number } }).result.message_id, data: confirm });

    // Kill in the middle: at 25 messages/s, 120 reminders take about five seconds.
    await until(() => remindersByChat(api).size >= 40, '40 reminders', 15_000);
    first.child.kill('SIGKILL');
    await first.exit;
    const beforeRestart = remindersByChat(api);
    expect(beforeRestart.size).toBeLessThan(CHATS);

    const second = start(api, dir, databaseUrl);
    procs.push(second);
    await until(() => remindersByChat(api).size === CHATS, 'every bound chat to get its reminder', 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);

    const counts = remindersByChat(api);
    const line = second
      .output()
      .split('\n')
      .find((l) => l.includes('sending them again'));
    const uncertainChats = (line ? (JSON.parse(line) as { ids: string[] }).ids : []).map((id) => Number(id.split(':')[2]));
    const repeated = [...counts].filter(([, n]) => n > 1).map(([chatId]) => chatId);
    expect(counts.size).toBe(CHATS);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    for (const chatId of repeated) expect(uncertainChats).toContain(chatId);
    expect(uncertainChats.length).toBeLessThanOrEqual(ALERT_DEFAULTS.concurrency);
    for (const [chatId] of beforeRestart) if (!uncertainChats.includes(chatId)) expect(counts.get(chatId)).toBe(1);

    const store = await open(dir, databaseUrl);
    const reminders = await store.supervision.reminders();
    await store.close();
    expect(reminders.map((r) => [r.unit, r.targets, r.chatIds.length])).toEqual([['市工业和信息化局', ['57'], CHATS]]);
    // eslint-disable-next-line no-console
    console.log(`reminder SIGKILL test (${backend}): ${beforeRestart.size} delivered before the kill, ${uncertainChats.length} uncertain, ${repeated.length} repeated`);
  }, 90_000);
});
