import { join } from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb';
import type { Store } from '../../src/store/ports';

/**
 * Opens real lowdb stores (DB_PATH = `<dir>/db.json` unless named) and closes
 * them after each test, releasing their locks.
 */
export const useLowdbStores = (): ((dir: string, file?: string) => Promise<Store>) => {
  const open: Store[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });
  return async (dir, file = 'db.json') => {
    const store = await openLowdbStore({ dbPath: join(dir, file), purpose: 'test' });
    open.push(store);
    return store;
  };
};
