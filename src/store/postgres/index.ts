import pg from 'pg';
import type { Store } from '../ports';
import { BUTTON_LIMIT, CONVERSATION_LIMIT, UPDATE_LOG_LIMIT } from '../types';
import { createPostgresButtons } from './buttons';
import { createPostgresConversations } from './conversations';
import { createPool, describeUrl, rowsOf } from './db';
import { migrate } from './migrate';
import { openPostgresOutbox } from './outbox';
import { createPostgresReports } from './reports';
import { createPostgresRoles } from './roles';
import { createPostgresSettings } from './settings';
import { createPostgresSubscriptions } from './subscriptions';
import { createPostgresSupervision } from './supervision';
import { createPostgresUpdateLog } from './updates';

export interface PostgresStoreOptions {
  /** postgres://user:pass@host:port/db */
  url: string;
  /** a schema to keep the tables in instead of the user's default (tests give each store its own) */
  schema?: string;
  keepDays?: number;
  /** page buttons kept working (BUTTON_LIMIT) */
  buttonLimit?: number;
  /** conversations kept (CONVERSATION_LIMIT) */
  conversationLimit?: number;
  /** handled update_ids remembered (UPDATE_LOG_LIMIT) */
  updateLogLimit?: number;
  now?: () => Date;
  /** how often a replica asks again for a role another one holds, ms */
  roleRetryMs?: number;
  /** errors of the background connections (role locks, the outbox listener); they reconnect by themselves */
  onBackgroundError?: (error: unknown) => void;
}

/**
 * The PostgreSQL store, for several replicas of the bot on one database.
 * Opening it migrates the schema (once, however many replicas start together).
 */
export const openPostgresStore = async (options: PostgresStoreOptions): Promise<Store> => {
  const where = describeUrl(options.url);
  const pool = createPool(options.url, options.schema ? { schema: options.schema } : {});
  // A connection that drops while idle must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '""')}"`);
    await migrate(pool, where);
    const onError = options.onBackgroundError ?? (() => undefined);
    const outbox = await openPostgresOutbox(pool, { ...options, onError, listen: () => new pg.Client({ connectionString: options.url }) });
    let closing: Promise<void> | undefined;
    return {
      shared: true,
      where,
      reports: createPostgresReports(pool),
      subscriptions: createPostgresSubscriptions(pool, options.now),
      outbox,
      settings: createPostgresSettings(pool),
      buttons: createPostgresButtons(pool, options.buttonLimit ?? BUTTON_LIMIT),
      conversations: createPostgresConversations(pool, options.conversationLimit ?? CONVERSATION_LIMIT, options.now ?? (() => new Date())),
      supervision: createPostgresSupervision(pool, options.now),
      updates: createPostgresUpdateLog(pool, options.updateLogLimit ?? UPDATE_LOG_LIMIT),
      roles: createPostgresRoles({
        url: options.url,
        onError,
        ...(options.schema ? { schema: options.schema } : {}),
        ...(options.roleRetryMs !== undefined ? { retryMs: options.roleRetryMs } : {}),
      }),
      async isEmpty() {
        const [row] = await rowsOf<{ empty: boolean }>(
          pool,
          'SELECT NOT (EXISTS (SELECT 1 FROM reports) OR EXISTS (SELECT 1 FROM chats) OR EXISTS (SELECT 1 FROM subscriptions) OR EXISTS (SELECT 1 FROM alerts) OR EXISTS (SELECT 1 FROM settings) OR EXISTS (SELECT 1 FROM bindings) OR EXISTS (SELECT 1 FROM reminders) OR EXISTS (SELECT 1 FROM replies)) AS empty',
        );
        return row!.empty;
      },
      close: () =>
        (closing ??= (async () => {
          await outbox.close();
          await pool.end();
        })()),
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
};
