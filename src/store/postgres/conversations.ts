import type { Pool } from 'pg';
import type { ConversationStore } from '../ports';
import { rowsOf } from './db';

/**
 * Each put draws a new `used` number and, in the same statement, deletes what
 * was last put `limit` numbers ago or earlier, so the table holds the most
 * recently active conversations of every replica. Times come from the
 * program's clock (`now`), as on lowdb, so expiry reads the same on both.
 */
export const createPostgresConversations = (pool: Pool, limit: number, now: () => Date): ConversationStore => ({
  get: async <T>(key: string, since: Date) => (await rowsOf<{ value: T }>(pool, 'SELECT value FROM conversations WHERE key = $1 AND at >= $2', [key, since]))[0]?.value,
  async put(key, value) {
    await rowsOf(
      pool,
      `WITH put AS (INSERT INTO conversations (key, value, at) VALUES ($1, $2, $3)
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, at = EXCLUDED.at, used = DEFAULT RETURNING used),
            pruned AS (DELETE FROM conversations WHERE used <= (SELECT used FROM put) - $4)
       SELECT 1`,
      [key, JSON.stringify(value ?? null), now(), limit],
    );
  },
  async clear(key) {
    await pool.query('DELETE FROM conversations WHERE key = $1', [key]);
  },
});
