/**
 * The app main.ts runs (src/app.ts over a temp store seeded from the shipped table), with WEBAPP_URL set,
 * long polling the fake Bot API server, and its dashboard on a free port of 127.0.0.1. The page is reached
 * as a proxy would reach it: http://127.0.0.1:<port>/app/ for the public https://…/app/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_DEFAULTS } from '../../src/alerts/config';
import { createApp, type AppHandles, type AppTuning } from '../../src/app';
import { createConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { signInitData, type WebAppUser } from '../../src/web/init-data';
import { startFakeBotApi, type FakeBotApi } from '../fake-bot-api/server';
import { SEED_PATH } from '../helpers/seed';

export const ADMIN_ID = 4242;
export const USER_ID = 1001;
export const WEBAPP_URL = 'https://bot.example.org/app/';

export interface DashboardApp {
  api: FakeBotApi;
  handles: AppHandles;
  /** http://127.0.0.1:<port>/app/ */
  base: string;
  logs: string[];
  /** the store file */
  dbPath: string;
  /** launch data signed with the bot's token, as Telegram's client puts it in the fragment */
  initData(user?: Partial<WebAppUser>, authDate?: number): string;
  stop(): Promise<void>;
}

/** `ownServer: false` leaves WEB_PORT to the config: in webhook mode the webhook's server then serves the page. */
export const startDashboardApp = async (
  env: Record<string, string> = {},
  options: { ownServer?: boolean; webRateLimit?: AppTuning['webRateLimit']; rateLimit?: AppTuning['rateLimit'] } = {},
): Promise<DashboardApp> => {
  const api = await startFakeBotApi();
  const dir = mkdtempSync(join(tmpdir(), 'tpb-web-'));
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', token: api.token, destination: { write: (line: string) => void logs.push(line) } });
  const config = createConfig({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    DB_PATH: join(dir, 'db.json'),
    DATA_FILE: SEED_PATH,
    ADMIN_IDS: String(ADMIN_ID),
    WEBAPP_URL,
    ...env,
  });
  const app = createApp({
    config,
    alertSettings: ALERT_DEFAULTS,
    logger,
    tuning: {
      rateLimit: options.rateLimit ?? false,
      ...(options.ownServer === false ? {} : { webPort: 0 }),
      scheduleDigests: false,
      inboxIntervalMs: 60_000,
      ...(options.webRateLimit ? { webRateLimit: options.webRateLimit } : {}),
    },
  });
  const stop = async (): Promise<void> => {
    await app.stop();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const handles = await app.start().catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  return {
    api,
    handles,
    base: `http://127.0.0.1:${handles.web?.port ?? config.webhook?.port}/app/`,
    logs,
    dbPath: config.dbPath,
    initData: (user = {}, authDate = Math.floor(Date.now() / 1000)) => signInitData({ user: { id: USER_ID, first_name: 'Test', ...user }, authDate }, api.token),
    stop,
  };
};
