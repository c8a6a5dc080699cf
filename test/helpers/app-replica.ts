/**
 * One replica of the app (src/app.ts, as main.ts runs it) in webhook mode against the fake Bot API
 * server, on a free port of 127.0.0.1: several of them on one PostgreSQL (DATABASE_URL) serve one
 * bot, with updates posted to whichever replica a test or bench picks, as a load balancer would.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALERT_DEFAULTS, type AlertSettings } from '../../src/alerts/config';
import { createApp, type AppHandles } from '../../src/app';
import { createConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startFakeBotApi, type ApiCall, type FakeBotApi, type Update } from '../fake-bot-api/server';
import { startTestPostgres } from './postgres';
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

/**
 * A fake Bot API and `count` replicas of the app on one fresh PostgreSQL database, with what
 * tests do to them: post the queued updates to one replica (as a load balancer would) and wait
 * for the next call of a method. Started one after the other: the first seeds the empty database
 * from DATA_FILE; each has its own disk.
 */
export const startReplicaSet = async (options: { count: number; adminIds?: number[]; name: string }) => {
  const dir = mkdtempSync(join(tmpdir(), `tpb-${options.name}-`));
  const postgres = await startTestPostgres();
  const api = await startFakeBotApi({ recordGetUpdates: false });
  const replicas: AppReplica[] = [];
  const stop = async (): Promise<void> => {
    for (const r of replicas) await r.stop();
    await api.close();
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const databaseUrl = await postgres.createDatabase();
    for (let i = 0; i < options.count; i += 1) {
      replicas.push(await startAppReplica({ api, databaseUrl, dir: join(dir, `replica-${i}`), ...(options.adminIds ? { adminIds: options.adminIds } : {}) }));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  /** Posts the updates the fake server queued to this replica's webhook, as a load balancer would. */
  const deliverTo = async (replica: AppReplica): Promise<void> => {
    for (const update of api.drainUpdates()) {
      const status = await replica.post(update);
      if (status !== 200) throw new Error(`replica ${replica.port} answered ${status} to update ${update.update_id}`);
    }
  };
  /** The first successful call of `method` since call number `from` that matches, within `timeoutMs`. */
  const nextCall = (method: string, predicate: (c: ApiCall) => boolean, from: number, timeoutMs = 10_000): Promise<ApiCall> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = (): void => {
        const found = api.calls.slice(from).find((c) => c.method === method && c.status === 200 && predicate(c));
        if (found) return resolve(found);
        if (Date.now() - started > timeoutMs) return reject(new Error(`no ${method} within ${timeoutMs} ms`));
        setTimeout(poll, 10);
      };
      poll();
    });
  return { api, replicas, deliverTo, nextCall, stop };
};

export type ReplicaSet = Awaited<ReturnType<typeof startReplicaSet>>;
