import type { Pool } from 'pg';
import type { ButtonStore } from '../ports';
import { rowsOf } from './db';

/**
 * Each add draws a new `used` number and, in the same statement, deletes what
 * was last used `limit` numbers ago or earlier; each read draws a new number for
 * the row it reads. So whatever was added or read within the last `limit` adds
 * and reads is kept, on every replica alike.
 */
export const createPostgresButtons = (pool: Pool, limit: number): ButtonStore => ({
  async add(id, value) {
    const [row] = await rowsOf<{ added: number }>(
      pool,
      `WITH added AS (INSERT INTO buttons (id, value) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING used),
            pruned AS (DELETE FROM buttons WHERE used <= (SELECT used FROM added) - $3)
       SELECT count(*)::int AS added FROM added`,
      [id, JSON.stringify(value ?? null), limit],
    );
    return row!.added === 1;
  },
  get: async <T>(id: string) => (await rowsOf<{ value: T }>(pool, 'UPDATE buttons SET used = DEFAULT WHERE id = $1 RETURNING value', [id]))[0]?.value,
});
