/**
 * The app main.ts runs (src/app.ts: store in a temp folder seeded from the shipped table, engine, every
 * feature, workers), long polling the fake Bot API server, with the rate limiter main.ts turns on (optional
 * here) and fake-server options (the soak keeps call records bounded). Used by the hardening tests and bench/soak.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_DEFAULTS } from '../../src/alerts/config';
import { createApp } from '../../src/app';
import type { RunningBot } from '../../src/bot/launch';
import type { RateLimitOptions } from '../../src/bot/middleware/rate-limit';
import { createConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { Report } from '../../src/model';
import { startFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from '../fake-bot-api/server';
import { SEED_PATH } from '../helpers/seed';

export interface BotUnderTestOptions {
  api?: FakeBotApiOptions;
  /** turns the rate limiter on, with these options (main.ts uses the defaults: `{}`); off when absent */
  rateLimit?: RateLimitOptions;
  logLevel?: string;
  /** where log lines go instead of `logs` (the soak counts them rather than keeping 100,000 lines) */
  onLog?: (line: string) => void;
}

export interface BotUnderTest {
  api: FakeBotApi;
  running: RunningBot;
  report: Report;
  logs: string[];
  stop(): Promise<void>;
}

export const startBotUnderTest = async (options: BotUnderTestOptions = {}): Promise<BotUnderTest> => {
  const api = await startFakeBotApi(options.api);
  const bot = await startBot({ ...options, token: api.token, apiRoot: api.apiRoot }).catch(async (err: unknown) => {
    await api.close();
    throw err;
  });
  return {
    ...bot,
    api,
    async stop() {
      await bot.stop();
      await api.close();
    },
  };
};

export type StartedBot = Omit<BotUnderTest, 'api'>;

/** The app alone, polling a Bot API server that runs elsewhere (the soak puts the fake in another process). */
export const startBot = async (options: Omit<BotUnderTestOptions, 'api'> & { token: string; apiRoot: string }): Promise<StartedBot> => {
  // Each instance has its own store: two instances (the 409 test) must not meet on the store's lock.
  const dir = mkdtempSync(join(tmpdir(), 'tpb-hardening-'));
  const logs: string[] = [];
  const onLog = options.onLog ?? ((line: string) => void logs.push(line));
  const logger = createLogger({ level: options.logLevel ?? 'debug', token: options.token, destination: { write: (line: string) => void onLog(line) } });
  const config = createConfig({ BOT_TOKEN: options.token, TELEGRAM_API_ROOT: options.apiRoot, DB_PATH: join(dir, 'db.json'), DATA_FILE: SEED_PATH });
  const app = createApp({ config, alertSettings: ALERT_DEFAULTS, logger, tuning: { rateLimit: options.rateLimit ?? false } });
  const stop = async (): Promise<void> => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const started = await app.start().catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return { running: started.bot!.running, report: started.engine().report, logs, stop };
};
