import { openLowdbStore, readLowdbStoreReports } from './lowdb';
import type { Store } from './ports';
import { openPostgresStore } from './postgres';
import type { StoredReport } from './types';

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
  now?: () => Date;
}

/** Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else the lowdb files at DB_PATH. */
export const openStore = (options: OpenStoreOptions): Promise<Store> =>
  options.databaseUrl
    ? openPostgresStore({ url: options.databaseUrl, ...(options.keepDays !== undefined ? { keepDays: options.keepDays } : {}), ...(options.now ? { now: options.now } : {}) })
    : openLowdbStore(options);

/** The stored reports, oldest first, for a reader that must not take the lowdb lock (`npm run ask`, a dry run). */
export const readStoredReports = async (options: Pick<OpenStoreOptions, 'dbPath' | 'databaseUrl'>): Promise<StoredReport[]> => {
  if (!options.databaseUrl) return readLowdbStoreReports(options.dbPath);
  const store = await openPostgresStore({ url: options.databaseUrl });
  try {
    return [...(await store.reports.history())];
  } finally {
    await store.close();
  }
};
