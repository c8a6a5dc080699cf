import { readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { COLUMNS_SCOPE, columnsKey, type RememberedColumns } from '../columns';
import type { Report } from '../../model';
import { StoreError } from '../errors';
import type { Alert, FanOut } from '../types';
import { WEBLINKS_SCOPE, type WeblinkRecord } from '../weblinks';
import { storeFiles, writeReportFile } from './files';
import { emptyDb, emptyOutbox, SCHEMA_VERSION, type DbSchema, type OutboxSchema } from './schema';

export type Db = Low<DbSchema>;

/** A step may return what to do once its result is written (remove a file it folded in). */
type Migration = (data: Record<string, unknown>, path: string) => Promise<void | (() => Promise<void>)>;

/** Steps that bring an older file up to SCHEMA_VERSION; index = the version migrated from. */
const MIGRATIONS: Migration[] = [
  // 0 → 1: files written before the schema had a version
  async (data) => {
    for (const key of ['reports', 'subscriptions', 'chats', 'outbox', 'fanOuts']) data[key] ??= [];
  },
  // 1 → 2: reports move to their own files under ids (1 = the first import), the outbox to its own file
  async (data, path) => {
    const reports = data.reports as (Report & { importedAt: string })[];
    const entries = [];
    for (const [index, report] of reports.entries()) {
      const id = index + 1;
      await writeReportFile(path, { ...report, id });
      entries.push({ id, sha256: report.source.sha256, importedAt: report.importedAt });
    }
    const outbox = new Low<OutboxSchema>(new JSONFile(storeFiles(path).outbox), emptyOutbox());
    outbox.data = {
      outbox: (data.outbox as Alert[] | undefined) ?? [],
      // fan-outs were keyed by the report's position in the history
      fanOuts: ((data.fanOuts as FanOut[] | undefined) ?? []).map((f) => ({ ...f, report: f.report + 1 })),
    };
    await outbox.write();
    data.reports = entries;
    delete data.outbox;
    delete data.fanOuts;
    // the dashboard's links, a list in version 1 files, are settings keyed by token hash
    const weblinks = (data.weblinks as WeblinkRecord[] | undefined) ?? [];
    data.settings = weblinks.length > 0 ? { [WEBLINKS_SCOPE]: Object.fromEntries(weblinks.map((w) => [w.tokenHash, w])) } : {};
    delete data.weblinks;
  },
  // 2 → 3: column mappings move from columns.json beside the store into the settings, where `npm run import` and the bot both read them
  async (data, path) => {
    const file = join(dirname(path), 'columns.json');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const mappings = (JSON.parse(text) as { mappings?: RememberedColumns[] }).mappings;
    if (!Array.isArray(mappings)) throw new StoreError('corrupt', file, `${file}: expected { "mappings": [...] }; fix or remove it, then start again`);
    const settings = data.settings as DbSchema['settings'];
    settings[COLUMNS_SCOPE] = { ...Object.fromEntries(mappings.map((m) => [columnsKey(m.columns), m])), ...settings[COLUMNS_SCOPE] };
    return () => rename(file, `${file}.moved-into-store`);
  },
];

/**
 * Opens a JSON file through lowdb. Writes go through lowdb's JSONFile, which
 * writes a temp file and renames it, so a crash never leaves half a file.
 *
 * A file that does not parse is never overwritten: we refuse to start and name
 * it, because overwriting would destroy the only copy of the subscriptions.
 */
export const openJsonFile = async <T extends object>(path: string, defaults: T, recover: boolean): Promise<Low<T>> => {
  // Constructed explicitly: JSONFilePreset silently switches to memory when NODE_ENV=test.
  const db = new Low<T>(new JSONFile<T>(path), defaults);
  try {
    await db.read();
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    if (!recover) {
      throw new StoreError(
        'corrupt',
        path,
        `the store ${path} is not valid JSON (${error.message}); it was left untouched. Restore it from a backup, or start with --recover-db to move it aside and begin empty`,
        { cause: error },
      );
    }
    await rename(path, `${path}.corrupt-${Date.now()}`);
    db.data = defaults;
  }
  if (typeof db.data !== 'object' || db.data === null || Array.isArray(db.data)) {
    throw new StoreError('corrupt', path, `the store ${path} does not hold a JSON object; it was left untouched`);
  }
  return db;
};

export interface OpenDbOptions {
  /** move a corrupt file aside (path.corrupt-<time>) and start empty, instead of refusing to start */
  recover?: boolean;
  /** migrate in memory only, write nothing (a reader beside a running bot) */
  readOnly?: boolean;
}

/** Opens DB_PATH and brings it up to SCHEMA_VERSION (written at once, so that a migration runs once). */
export const openDb = async (path: string, options: OpenDbOptions = {}): Promise<Db> => {
  const db = await openJsonFile<DbSchema>(path, emptyDb(), options.recover ?? false);
  const data = db.data as unknown as Record<string, unknown>;
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0;
  if (version > SCHEMA_VERSION) {
    throw new StoreError('unsupported-version', path, `the store ${path} has schema version ${version}, newer than this program's ${SCHEMA_VERSION}; upgrade the bot`);
  }
  if (version === SCHEMA_VERSION) return db;
  if (options.readOnly) throw new StoreError('unsupported-version', path, `the store ${path} has schema version ${version}; start the bot once to upgrade it`);
  const afterWrite: (() => Promise<void>)[] = [];
  while (version < SCHEMA_VERSION) {
    const after = await MIGRATIONS[version]!(data, path);
    if (after) afterWrite.push(after);
    version += 1;
  }
  data.schemaVersion = SCHEMA_VERSION;
  await db.write();
  for (const after of afterWrite) await after();
  return db;
};

/**
 * Applies a change and writes it. `apply` mutates db.data and returns how to
 * undo it: when the write fails (read-only folder, full disk) the change is
 * undone in memory too, so memory never claims what the file does not hold.
 */
export const commit = async <S, T>(db: Low<S>, apply: (data: S) => { result: T; undo: () => void }): Promise<T> => {
  const { result, undo } = apply(db.data);
  try {
    await db.write();
  } catch (error) {
    undo();
    throw new StoreError('write-failed', describe(db), `could not write the store: ${(error as Error).message}`, { cause: error });
  }
  return result;
};

const describe = (db: { adapter: unknown }): string => {
  const filename = (db.adapter as unknown as { filename?: unknown }).filename;
  return typeof filename === 'string' ? filename : String(filename ?? 'store');
};
