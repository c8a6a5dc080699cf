import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ALERT_DEFAULTS } from '../../src/alerts/config';
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server';
import { startAppReplica, type AppReplica } from '../helpers/app-replica';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { until } from '../helpers/wait';

/**
 * Alert delivery on PostgreSQL when the database goes away for a moment (issue 20, item 6):
 * the app as main.ts wires it (app-replica.ts, webhook mode), a real PostgreSQL, the fake Bot
 * API. The database is made unavailable right after Telegram accepted messages whose "sent"
 * the worker has yet to record; no chat may get its alert twice. And a replica that loses the
 * sending role must not send from that instant on.
 */
const FIRST_CHAT = 80_000;

let postgres: TestPostgres;
let admin: pg.Client;
let api: FakeBotApi;
let replica: AppReplica | undefined;
let dir: string;

beforeAll(async () => {
  postgres = await startTestPostgres();
  admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
}, 120_000);
afterAll(async () => {
  await admin?.end();
  await postgres?.stop();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tpb-blip-'));
  api = await startFakeBotApi();
});
afterEach(async () => {
  await replica?.stop();
  replica = undefined;
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const nameOf = (url: string): string => new URL(url).pathname.slice(1);

const alertsTo = (chats: number, tag: string) => Array.from({ length: chats }, (_, i) => ({ id: `${tag}:${FIRST_CHAT + i}:1`, chatId: FIRST_CHAT + i, text: `<b>提醒</b> ${tag} ${i}` }));

/** alert messages per chat, and when the fake received each */
const alertSends = (tag: string) => api.calls.filter((c) => c.method === 'sendMessage' && c.status === 200 && String(c.payload.text).includes(tag));
const perChat = (tag: string): Map<number, number> => {
  const counts = new Map<number, number>();
  for (const c of alertSends(tag)) counts.set(Number(c.payload.chat_id), (counts.get(Number(c.payload.chat_id)) ?? 0) + 1);
  return counts;
};

it('sends no alert twice when the database is away just after Telegram accepted some', async () => {
  const url = await postgres.createDatabase();
  const db = nameOf(url);
  // a short back-off: before the fix, an alert whose "sent" could not be recorded went out again after it
  replica = await startAppReplica({ api, databaseUrl: url, dir, alertSettings: { ...ALERT_DEFAULTS, backoffBaseMs: 500, backoffCapMs: 2000 } });
  await until(() => replica!.sendsAlerts(), 'the replica to hold the sending role', 15_000);
  const CHATS = 40;
  // Telegram takes 400 ms to accept each alert: several are always accepted while the database is away.
  api.failNext('sendMessage', { code: 'hang', ms: 400 }, CHATS);
  await replica.handles.outbox.enqueue(alertsTo(CHATS, 'blip'));
  await until(() => perChat('blip').size >= 8, '8 alerts accepted', 20_000);

  // The database refuses every connection for 3 s; those it had are ended (the role's session too).
  await admin.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
  const acceptedBefore = perChat('blip').size;
  await new Promise((r) => setTimeout(r, 3000));
  const acceptedDuringOutage = perChat('blip').size - acceptedBefore;
  await admin.query(`ALTER DATABASE ${db} ALLOW_CONNECTIONS true`);

  await until(() => perChat('blip').size === CHATS, 'every chat to get its alert', 30_000);
  // long enough for a re-send after the 2 s back-off to show
  await new Promise((r) => setTimeout(r, 4000));
  const counts = perChat('blip');
  const twice = [...counts].filter(([, n]) => n > 1).map(([chat]) => chat);
  const states = await replica.handles.outbox.all();
  // eslint-disable-next-line no-console
  console.log(`database blip: ${CHATS} chats, ${acceptedBefore} accepted before the outage, ${acceptedDuringOutage} accepted while it lasted (3 s), ${twice.length} chats got the alert twice`);
  expect(acceptedDuringOutage).toBeGreaterThan(0);
  expect(twice).toEqual([]);
  expect(counts.size).toBe(CHATS);
  expect(states.filter((a) => a.id.startsWith('blip:')).map((a) => a.state)).toEqual(Array(CHATS).fill('sent'));
}, 90_000);

it('stops sending the moment the replica loses the sending role', async () => {
  const url = await postgres.createDatabase();
  const db = nameOf(url);
  replica = await startAppReplica({ api, databaseUrl: url, dir, alertSettings: { ...ALERT_DEFAULTS, globalPerSecond: 20 } });
  await until(() => replica!.sendsAlerts(), 'the replica to hold the sending role', 15_000);
  const CHATS = 80;
  await replica.handles.outbox.enqueue(alertsTo(CHATS, 'role'));
  await until(() => perChat('role').size >= 15, '15 alerts sent', 20_000);

  // Sends under way at the loss: the worker's "about to send" records wait behind a lock on the table
  // (a slow database), so several deliveries are between their start and their send when the role goes.
  const blocker = new pg.Client({ connectionString: url });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE alerts IN EXCLUSIVE MODE');
  await new Promise((r) => setTimeout(r, 400));
  // Only the role's session ends (its advisory lock with it); the pool and everything else stay.
  const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = $1)", [
    db,
  ]);
  const lostAt = Date.now();
  expect(rowCount).toBe(1);
  await new Promise((r) => setTimeout(r, 300));
  await blocker.query('COMMIT');
  await blocker.end();

  // The replica gets the role back after its retry (2 s) and the handover pause (1 s), and sends the rest.
  await until(() => perChat('role').size === CHATS, 'every chat to get its alert', 40_000);
  const after = alertSends('role')
    .map((c) => c.at - lostAt)
    .filter((ms) => ms > 0);
  const firstAfter = Math.min(...after);
  // eslint-disable-next-line no-console
  console.log(`role loss: ${after.filter((ms) => ms < 2000).length} alerts sent in the 2 s after the loss; the first send after it ${firstAfter} ms after it`);
  expect(after.filter((ms) => ms < 2000)).toEqual([]);
  expect(Math.max(...perChat('role').values())).toBe(1);
}, 90_000);
