import type { Pool } from 'pg';
import type { UpdateLog } from '../ports';
import { rowsOf } from './db';

/**
 * Each add draws a new `seq` (an id added again too: it counts as new, as on
 * lowdb), then deletes whatever is older than the newest `limit` rows, so the
 * table keeps the newest `limit` ids on every replica alike.
 */
export const createPostgresUpdateLog = (pool: Pool, limit: number): UpdateLog => ({
  has: async (updateId) => (await rowsOf(pool, 'SELECT 1 FROM processed_updates WHERE update_id = $1', [updateId])).length > 0,
  async add(updateId) {
    await pool.query('INSERT INTO processed_updates (update_id) VALUES ($1) ON CONFLICT (update_id) DO UPDATE SET seq = excluded.seq', [updateId]);
    await pool.query('DELETE FROM processed_updates WHERE seq <= (SELECT seq FROM processed_updates ORDER BY seq DESC OFFSET $1 LIMIT 1)', [limit]);
  },
});
