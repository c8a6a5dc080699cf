import { StoreError } from './errors';
import { openLowdbStore, readLowdbStore } from './lowdb';
import type { SettingsStore, Store } from './ports';
import { openPostgresStore } from './postgres';
import type { StoredReport } from './types';
import type { DamagedLine } from './lowdb/journal';

export type { Store } from './ports';

export interface OpenStoreOptions {
  /** DB_PATH: the lowdb store, used when there is no databaseUrl */
  dbPath: string;
  /** DATABASE_URL: PostgreSQL instead of lowdb */
  databaseUrl?: string | undefined;
  /** what this process is, for the lowdb lock's message to another one */
  purpose: string;
  /** `--recover-db` (lowdb): move a file that does not parse aside and start empty */
  recover?: boolean;
  /** delivered and failed alerts older than this are pruned */
  keepDays?: number;
  /** page buttons kept working (BUTTON_LIMIT) */
  buttonLimit?: number;
  /** conversations kept (CONVERSATION_LIMIT) */
  conversationLimit?: number;
  now?: () => Date;
  /** lowdb: a damaged journal line skipped at open (see `recover`); start-up logs it */
  onJournalDamage?: (damage: DamagedLine) => void;
}

/** Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else the lowdb files at DB_PATH. */
export const openStore = (options: OpenStoreOptions): Promise<Store> =>
  options.databaseUrl
    ? openPostgresStore({
        url: options.databaseUrl,
        ...(options.keepDays !== undefined ? { keepDays: options.keepDays } : {}),
        ...(options.buttonLimit !== undefined ? { buttonLimit: options.buttonLimit } : {}),
        ...(options.conversationLimit !== undefined ? { conversationLimit: options.conversationLimit } : {}),
        ...(options.now ? { now: options.now } : {}),
      })
    : openLowdbStore(options);

/** The store as a reader that must not take the lowdb lock sees it (`npm run ask`, a dry run): it may read, never write. */
export interface StoreSnapshot {
  /** the stored reports, oldest first */
  history: StoredReport[];
  /** the settings; put, delete and update reject */
  settings: SettingsStore;
  close(): Promise<void>;
}

export const readStore = async (options: Pick<OpenStoreOptions, 'dbPath' | 'databaseUrl'>): Promise<StoreSnapshot> => {
  const readOnly = (settings: SettingsStore, where: string): SettingsStore => {
    const refuse = (): Promise<never> => Promise.reject(new StoreError('read-only', where, `${where} is open for reading only`));
    return { ...settings, put: refuse, delete: refuse, update: refuse };
  };
  if (!options.databaseUrl) {
    const { history, settings } = await readLowdbStore(options.dbPath);
    return { history, settings: readOnly(settings, options.dbPath), close: async () => undefined };
  }
  const store = await openPostgresStore({ url: options.databaseUrl });
  try {
    return { history: [...(await store.reports.history())], settings: readOnly(store.settings, store.where), close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
};
