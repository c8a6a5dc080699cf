import type { Pool } from 'pg';
import type { SettingsStore } from '../ports';
import { rowsOf } from './db';

export const createPostgresSettings = (pool: Pool): SettingsStore => ({
  get: async <T>(scope: string, key: string) => (await rowsOf<{ value: T }>(pool, 'SELECT value FROM settings WHERE scope = $1 AND key = $2', [scope, key]))[0]?.value,
  async put(scope, key, value) {
    await pool.query('INSERT INTO settings (scope, key, value) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()', [
      scope,
      key,
      JSON.stringify(value),
    ]);
  },
  delete: async (scope, key) => ((await pool.query('DELETE FROM settings WHERE scope = $1 AND key = $2', [scope, key])).rowCount ?? 0) > 0,
  async update(scope, changes) {
    // the last value of a key put twice wins, as two puts would
    const put = [...new Map((changes.put ?? []).map((p) => [p.key, p.value]))].map(([key, value]) => ({ key, value }));
    const remove = changes.remove ?? [];
    const putting = new Set(put.map((p) => p.key));
    const removing = [...new Set(remove)].filter((key) => !putting.has(key));
    if (put.length === 0 && removing.length === 0) return 0;
    // one statement: atomic without a transaction, and one round trip whatever the count
    const rows = await rowsOf<{ removed: string }>(
      pool,
      `WITH gone AS (DELETE FROM settings WHERE scope = $1 AND key = ANY($2::text[]) RETURNING 1),
        kept AS (INSERT INTO settings (scope, key, value) SELECT $1, k, v FROM unnest($3::text[], $4::jsonb[]) AS t(k, v)
          ON CONFLICT (scope, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now() RETURNING 1)
      SELECT (SELECT count(*) FROM gone) AS removed, (SELECT count(*) FROM kept) AS kept`,
      [scope, removing, put.map((p) => p.key), put.map((p) => JSON.stringify(p.value))],
    );
    return Number(rows[0]?.removed ?? 0);
  },
  scopes: async () => (await rowsOf<{ scope: string }>(pool, 'SELECT scope FROM settings GROUP BY scope ORDER BY scope COLLATE "C"')).map((r) => r.scope),
  list: async <T>(scope: string) => rowsOf<{ key: string; value: T }>(pool, 'SELECT key, value FROM settings WHERE scope = $1 ORDER BY key COLLATE "C"', [scope]),
});
