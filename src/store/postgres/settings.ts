import type { Pool } from 'pg';
import type { SettingsStore } from '../ports';
import { rowsOf } from './db';

export const createPostgresSettings = (pool: Pool): SettingsStore => ({
  get: async <T>(scope: string, key: string) => (await rowsOf<{ value: T }>(pool, 'SELECT value FROM settings WHERE scope = $1 AND key = $2', [scope, key]))[0]?.value,
  async put(scope, key, value) {
    await pool.query('INSERT INTO settings (scope, key, value) VALUES ($1, $2, $3) ON CONFLICT (scope, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()', [scope, key, JSON.stringify(value)]);
  },
  delete: async (scope, key) => ((await pool.query('DELETE FROM settings WHERE scope = $1 AND key = $2', [scope, key])).rowCount ?? 0) > 0,
  scopes: async () => (await rowsOf<{ scope: string }>(pool, 'SELECT scope FROM settings GROUP BY scope ORDER BY scope COLLATE "C"')).map((r) => r.scope),
  list: async <T>(scope: string) => rowsOf<{ key: string; value: T }>(pool, 'SELECT key, value FROM settings WHERE scope = $1 ORDER BY key COLLATE "C"', [scope]),
});
