/**
 * The app main.ts runs (src/app.ts: real lowdb file in a temp folder, real engine,
 * real features, the delivery worker over the real telegraf client), polling the
 * fake Bot API server. Tests act as users:
 * they push updates into the fake server and read what the bot sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alertSettings, type AlertSettings } from '../../src/alerts/config';
import { createApp } from '../../src/app';
import { createConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startFakeBotApi, type ApiCall, type FakeBotApi } from '../fake-bot-api/server';
import { SEED_PATH } from '../helpers/seed';

export const ROOT = resolve(__dirname, '../..');
export const ADMIN = 9001;

export interface AlertsBotOptions {
  settings?: Partial<AlertSettings>;
  adminIds?: number[];
  maxUploadBytes?: number;
  /** how long one Bot API call may take (the app's default otherwise) */
  callTimeoutMs?: number;
}

export const startAlertsBot = async (options: AlertsBotOptions = {}) => {
  const dir = mkdtempSync(join(tmpdir(), 'tpb-alerts-'));
  const dbPath = join(dir, 'db.json');
  const api: FakeBotApi = await startFakeBotApi();
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', token: api.token, destination: { write: (line: string) => void logs.push(line) } });
  // The app main.ts runs, configured as `npm start` would be: the fake server's token and root, a fresh store
  // seeded from the shipped table. We hold the store's lock like the running bot: `npm run import` uses the inbox.
  const config = createConfig({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DB_PATH: dbPath,
    DATA_FILE: SEED_PATH,
    ADMIN_IDS: (options.adminIds ?? [ADMIN]).join(','),
    BOT_TIMEZONE: 'Asia/Shanghai',
    REMIND_DAYS: '14',
  });
  const settings = alertSettings({ perChatIntervalMs: 100, ...options.settings });
  const app = createApp({
    config,
    alertSettings: settings,
    logger,
    tuning: {
      ...(options.maxUploadBytes !== undefined ? { maxUploadBytes: options.maxUploadBytes } : {}),
      ...(options.callTimeoutMs !== undefined ? { callTimeoutMs: options.callTimeoutMs } : {}),
      inboxIntervalMs: 100,
      // Off: these tests send one user's commands back to back; the limiter has its own tests (test/hardening/flood).
      rateLimit: false,
      // Not started: tests call digests.runDue(at) with the time they want (the injectable clock).
      scheduleDigests: false,
    },
  });
  const started = await app.start().catch(async (err: unknown) => {
    await app.stop();
    await api.close();
    throw err;
  });
  const { reports, subscriptions, outbox } = started;
  const { worker, digests } = started.bot!;

  /** Pushes a message and resolves with the bot's next sendMessage to that chat. */
  const say = (text: string, input: { chatId?: number; userId?: number; chatType?: 'private' | 'group' | 'supergroup' } = {}): Promise<ApiCall> => {
    const chatId = input.chatId ?? input.userId ?? 1001;
    const from = api.calls.length;
    api.userMessage({ ...input, text, chatId });
    return nextCall('sendMessage', (c) => Number(c.payload.chat_id) === chatId, from);
  };

  const nextCall = (method: string, predicate: (c: ApiCall) => boolean, from = api.calls.length, timeoutMs = 5000): Promise<ApiCall> =>
    new Promise((resolveCall, reject) => {
      const started = Date.now();
      const poll = (): void => {
        for (let i = from; i < api.calls.length; i += 1) {
          const call = api.calls[i]!;
          if (call.method === method && call.status === 200 && predicate(call)) return resolveCall(call);
        }
        if (Date.now() - started > timeoutMs) return reject(new Error(`no ${method} within ${timeoutMs} ms`));
        setTimeout(poll, 5);
      };
      poll();
    });

  return {
    api,
    dir,
    dbPath,
    reports,
    subscriptions,
    outbox,
    worker,
    digests,
    running: started.bot!.running,
    logs,
    settings,
    engine: started.engine,
    say,
    nextCall,
    async stop(): Promise<void> {
      await app.stop();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

export type AlertsBot = Awaited<ReturnType<typeof startAlertsBot>>;

export { buttons as buttonsOf, messageIdOf, settled, textOf } from '../bot/harness';

/** The 序号 of the target lines (• <b>57</b> …) of a digest, in order. */
export const idsIn = (html: string): string[] => [...html.matchAll(/^• <b>([^<]+)<\/b>/gm)].map((m) => m[1]!);

