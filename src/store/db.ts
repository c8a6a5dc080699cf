import { rename } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { StoreError } from './errors';
import { emptyDb, SCHEMA_VERSION, type DbSchema } from './schema';

export type Db = Low<DbSchema>;

/** Steps that bring an older file up to SCHEMA_VERSION; index = the version migrated from. */
const MIGRATIONS: ((data: Record<string, unknown>) => void)[] = [
  // 0 → 1: files written before the schema had a version
  (data) => {
    for (const key of ['reports', 'subscriptions', 'chats', 'outbox', 'fanOuts']) data[key] ??= [];
  },
];

export interface OpenDbOptions {
  /** move a corrupt file aside (path.corrupt-<time>) and start empty, instead of refusing to start */
  recover?: boolean;
  /** for tests: any lowdb adapter; production uses the JSON file at `path` */
  adapter?: Adapter<DbSchema>;
}

/**
 * Opens the JSON store. Writes go through lowdb's JSONFile, which writes a
 * temp file and renames it, so a crash never leaves half a file behind.
 *
 * A file that does not parse is never overwritten: we refuse to start and name
 * it, because overwriting would destroy the only copy of the subscriptions.
 */
export const openDb = async (path: string, options: OpenDbOptions = {}): Promise<Db> => {
  // Constructed explicitly: JSONFilePreset silently switches to memory when NODE_ENV=test.
  const db = new Low<DbSchema>(options.adapter ?? new JSONFile<DbSchema>(path), emptyDb());
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    if (!options.recover) {
      throw new StoreError(
        'corrupt',
        path,
        `the store ${path} is not valid JSON (${error.message}); it was left untouched. Restore it from a backup, or start with --recover-db to move it aside and begin empty`,
        { cause: error },
      );
    }
    await rename(path, `${path}.corrupt-${Date.now()}`);
    db.data = emptyDb();
  }
  migrate(db.data as unknown as Record<string, unknown>, path);
  return db;
};

const migrate = (data: Record<string, unknown>, path: string): void => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new StoreError('corrupt', path, `the store ${path} does not hold a JSON object; it was left untouched`);
  }
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (version > SCHEMA_VERSION) {
    throw new StoreError('unsupported-version', path, `the store ${path} has schema version ${version}, newer than this program's ${SCHEMA_VERSION}; upgrade the bot`);
  }
  while (version < SCHEMA_VERSION) {
    MIGRATIONS[version]!(data);
    version += 1;
  }
  data.schemaVersion = SCHEMA_VERSION;
};

/**
 * Applies a change and writes it. `apply` mutates db.data and returns how to
 * undo it: when the write fails (read-only folder, full disk) the change is
 * undone in memory too, so memory never claims what the file does not hold.
 */
export const commit = async <T>(db: Db, apply: (data: DbSchema) => { result: T; undo: () => void }): Promise<T> => {
  const { result, undo } = apply(db.data);
  try {
    await db.write();
  } catch (error) {
    undo();
    throw new StoreError('write-failed', describe(db), `could not write the store: ${(error as Error).message}`, { cause: error });
  }
  return result;
};

const describe = (db: Db): string => {
  const filename = (db.adapter as unknown as { filename?: unknown }).filename;
  return typeof filename === 'string' ? filename : String(filename ?? 'store');
};
