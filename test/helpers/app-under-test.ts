/**
 * The app main.ts runs (src/app.ts: a real lowdb store in a temp folder seeded from the shipped table, the
 * real engine, every feature, the delivery worker over the real telegraf client), long polling a Bot API
 * server. Tests act as users: they push updates into the fake server and read what the bot sent.
 *
 * Configured as `npm start` would be, with knobs tests need: one admin, faster per-chat alert spacing,
 * digests run by the test's own clock (`digests.runDue(at)`), and the flood limiter off unless asked for
 * (tests send one user's commands back to back; the limiter has its own tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { alertSettings, type AlertSettings } from '../../src/alerts/config';
import { createApp } from '../../src/app';
import type { RateLimitOptions } from '../../src/bot/middleware/rate-limit';
import { createConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startFakeBotApi, type ApiCall, type FakeBotApi, type FakeBotApiOptions } from '../fake-bot-api/server';
import { SEED_PATH } from './seed';

export const ROOT = resolve(__dirname, '../..');
export const ADMIN = 9001;

export interface AppOptions {
  /** alert settings over the defaults (per-chat spacing 100 ms here) */
  settings?: Partial<AlertSettings>;
  adminIds?: number[];
  maxUploadBytes?: number;
  /** how long one Bot API call may take (the app's default otherwise) */
  callTimeoutMs?: number;
  /** turns the flood limiter on with these options (main.ts uses the defaults: `{}`); off when absent */
  rateLimit?: RateLimitOptions;
  /** 'debug' by default, so tests see every line */
  logLevel?: string;
  /** more environment variables, as .env would set them (e.g. UNIT_REMIND_WEEKDAY) */
  env?: Record<string, string>;
  /** where log lines go instead of `logs` (the soak counts them rather than keeping 100,000 lines) */
  onLog?: (line: string) => void;
}

/** The app alone, polling a Bot API server that runs elsewhere (a second instance on one token, the soak's server in another process). */
export const startApp = async (options: AppOptions & { token: string; apiRoot: string }) => {
  // Each instance has its own store: two instances (the 409 test) must not meet on the store's lock.
  const dir = mkdtempSync(join(tmpdir(), 'tpb-app-'));
  const dbPath = join(dir, 'db.json');
  const logs: string[] = [];
  const onLog = options.onLog ?? ((line: string) => void logs.push(line));
  const logger = createLogger({ level: options.logLevel ?? 'debug', token: options.token, destination: { write: (line: string) => void onLog(line) } });
  const config = createConfig({
    BOT_TOKEN: options.token,
    TELEGRAM_API_ROOT: options.apiRoot,
    DB_PATH: dbPath,
    DATA_FILE: SEED_PATH,
    ADMIN_IDS: (options.adminIds ?? [ADMIN]).join(','),
    BOT_TIMEZONE: 'Asia/Shanghai',
    REMIND_DAYS: '14',
    ...options.env,
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
      rateLimit: options.rateLimit ?? false,
      scheduleDigests: false,
    },
  });
  const stop = async (): Promise<void> => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const started = await app.start().catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  const { worker, digests, running, unitReminders } = started.bot!;
  return { ...started, worker, digests, running, unitReminders, dir, dbPath, logs, alertSettings: settings, stop };
};

/** A fake Bot API server and the app polling it. */
export const startAppUnderTest = async (options: AppOptions & { api?: FakeBotApiOptions } = {}) => {
  const api: FakeBotApi = await startFakeBotApi(options.api);
  const app = await startApp({ ...options, token: api.token, apiRoot: api.apiRoot }).catch(async (err: unknown) => {
    await api.close();
    throw err;
  });

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

  /** Pushes a message and resolves with the bot's next sendMessage to that chat. */
  const say = (text: string, input: { chatId?: number; userId?: number; chatType?: 'private' | 'group' | 'supergroup' } = {}): Promise<ApiCall> => {
    const chatId = input.chatId ?? input.userId ?? 1001;
    const from = api.calls.length;
    api.userMessage({ ...input, text, chatId });
    return nextCall('sendMessage', (c) => Number(c.payload.chat_id) === chatId, from);
  };

  return {
    ...app,
    api,
    say,
    nextCall,
    async stop(): Promise<void> {
      await app.stop();
      await api.close();
    },
  };
};

export type StartedApp = Awaited<ReturnType<typeof startApp>>;
export type AppUnderTest = Awaited<ReturnType<typeof startAppUnderTest>>;

export { buttons as buttonsOf, messageIdOf, settled, textOf } from '../bot/harness';

/** The 序号 of the target lines (• <b>57</b> …) of a digest, in order. */
export const idsIn = (html: string): string[] => [...html.matchAll(/^• <b>([^<]+)<\/b>/gm)].map((m) => m[1]!);
