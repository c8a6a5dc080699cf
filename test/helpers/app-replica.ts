/**
 * One replica of the app (src/app.ts, as main.ts runs it) in webhook mode against the fake Bot API
 * server, on a free port of 127.0.0.1: several of them on one PostgreSQL (DATABASE_URL) serve one
 * bot, with updates posted to whichever replica a test or bench picks, as a load balancer would.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_DEFAULTS, type AlertSettings } from '../../src/alerts/config';
import { createApp, type AppHandles } from '../../src/app';
import { createConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import type { FakeBotApi, Update } from '../fake-bot-api/server';
import { freePort } from './free-port';
import { SEED_PATH } from './seed';

export const REPLICA_SECRET = 'replica_secret_123';

export interface AppReplica {
  port: number;
  handles: AppHandles;
  /** true once this replica holds the role of sending alerts */
  sendsAlerts(): boolean;
  /** posts one update to this replica's webhook; the HTTP status */
  post(update: Update): Promise<number>;
  stop(): Promise<void>;
}

export interface AppReplicaOptions {
  api: FakeBotApi;
  /** the shared database; a lowdb store at `dir`/db.json when absent */
  databaseUrl?: string;
  /** this replica's own disk (DB_PATH's folder) */
  dir: string;
  adminIds?: number[];
  alertSettings?: Readonly<AlertSettings>;
}

export const startAppReplica = async (options: AppReplicaOptions): Promise<AppReplica> => {
  const { api } = options;
  const port = await freePort();
  mkdirSync(options.dir, { recursive: true });
  const config = createConfig({
    BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    WEBHOOK_URL: 'https://bot.example.org/tg/hook',
    WEBHOOK_SECRET: REPLICA_SECRET,
    PORT: String(port),
    DB_PATH: join(options.dir, 'db.json'),
    DATA_FILE: SEED_PATH,
    ADMIN_IDS: (options.adminIds ?? []).join(','),
  });
  let sends = false;
  const logger = createLogger({
    level: 'info',
    token: api.token,
    destination: { write: (line: string) => void (line.includes('this replica now sends the alerts') && (sends = true)) },
  });
  const app = createApp({ config, alertSettings: options.alertSettings ?? ALERT_DEFAULTS, logger, tuning: { rateLimit: false, scheduleDigests: false } });
  const handles = await app.start();
  return {
    port,
    handles,
    // a lowdb store has one process, which sends
    sendsAlerts: () => sends || !options.databaseUrl,
    async post(update) {
      const response = await fetch(`http://127.0.0.1:${port}/tg/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': REPLICA_SECRET },
        body: JSON.stringify(update),
      });
      return response.status;
    },
    stop: () => app.stop(),
  };
};
