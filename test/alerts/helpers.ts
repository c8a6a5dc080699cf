import { join } from 'node:path';
import { createLogger } from '../../src/logger';
import { openDb, type Db } from '../../src/store/db';
import { createReportStore } from '../../src/store/reports';
import { createNormalizer } from '../../src/text/normalize';
import { createFilterMatcher } from '../../src/alerts/filters';
import { openOutbox } from '../../src/alerts/outbox';
import { createSubscriptionStore } from '../../src/alerts/subscriptions';

export const silentLogger = () => createLogger({ level: 'silent' });

/** One normaliser per test file: OpenCC's dictionaries take ~100 ms to load. */
let normalizer: ReturnType<typeof createNormalizer> | undefined;
export const matcher = () => createFilterMatcher((normalizer ??= createNormalizer()));

/** A real lowdb file in `dir` with the alert stores over it. */
export const openStores = async (dir: string) => {
  const dbPath = join(dir, 'db.json');
  const db: Db = await openDb(dbPath);
  const outbox = await openOutbox(db, { journalPath: `${dbPath}.outbox` });
  return { dbPath, db, outbox, subscriptions: createSubscriptionStore(db), reports: createReportStore(db) };
};
