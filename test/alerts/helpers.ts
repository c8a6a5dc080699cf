import { join } from 'node:path';
import { createLogger } from '../../src/logger';
import { openLowdbStore } from '../../src/store/lowdb';
import { createNormalizer } from '../../src/text/normalize';
import { createFilterMatcher } from '../../src/alerts/filters';

export const silentLogger = () => createLogger({ level: 'silent' });

/** One normaliser per test file: OpenCC's dictionaries take ~100 ms to load. */
let normalizer: ReturnType<typeof createNormalizer> | undefined;
export const matcher = () => createFilterMatcher((normalizer ??= createNormalizer()));

/** A real lowdb store in `dir`. */
export const openStores = async (dir: string) => {
  const dbPath = join(dir, 'db.json');
  const store = await openLowdbStore({ dbPath, purpose: 'test' });
  return { dbPath, store, outbox: store.outbox, subscriptions: store.subscriptions, reports: store.reports };
};
