import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { StoreError } from '../errors';

const MIGRATIONS_DIR = join(__dirname, 'migrations');

/** Any fixed number: replicas starting together queue on it, so each migration runs once. */
const MIGRATION_LOCK = 7_261_904_512;

interface MigrationFile {
  version: number;
  name: string;
  sql: string;
}

/** The SQL files in migrations/, `NNN_name.sql`, in version order. */
export const migrationFiles = (dir = MIGRATIONS_DIR): MigrationFile[] =>
  readdirSync(dir)
    .flatMap((name) => {
      const m = /^(\d+)_[\w-]+\.sql$/.exec(name);
      return m ? [{ version: Number(m[1]), name, sql: readFileSync(join(dir, name), 'utf8') }] : [];
    })
    .sort((a, b) => a.version - b.version);

/**
 * Brings the database up to the newest migration file. Runs under a session
 * advisory lock, so that replicas starting together wait for the first one and
 * then find nothing left to do; each file is applied in its own transaction
 * together with its row in schema_migrations.
 */
export const migrate = async (pool: Pool, where: string): Promise<number[]> => {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const files = migrationFiles();
    const newest = Math.max(0, ...files.map((f) => f.version));
    const ahead = [...applied].filter((v) => v > newest);
    if (ahead.length > 0) {
      throw new StoreError('unsupported-version', where, `the database ${where} has schema migration ${Math.max(...ahead)}, newer than this program's ${newest}; upgrade the bot`);
    }
    const done: number[] = [];
    for (const file of files) {
      if (applied.has(file.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [file.version, file.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new StoreError('write-failed', where, `migration ${file.name} failed on ${where}: ${(error as Error).message}`, { cause: error });
      }
      done.push(file.version);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
};
