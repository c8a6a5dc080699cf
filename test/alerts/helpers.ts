import { join } from 'node:path';
import { createLogger } from '../../src/logger';
import { openLowdbStore } from '../../src/store/lowdb';
import { createFilterMatcher } from '../../src/alerts/filters';
import { testCore } from '../helpers/core';

export const silentLogger = () => createLogger({ level: 'silent' });

/** The filter matcher as the app builds it: the question engine over each report selects a filter's targets. */
export const matcher = () => createFilterMatcher((report) => testCore().engineFor(report));

/** A real lowdb store in `dir`. */
export const openStores = async (dir: string) => {
  const dbPath = join(dir, 'db.json');
  const store = await openLowdbStore({ dbPath, purpose: 'test' });
  return { dbPath, store, outbox: store.outbox, subscriptions: store.subscriptions, reports: store.reports };
};
