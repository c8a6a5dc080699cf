import { join } from 'node:path';
import { createLogger } from '../../src/logger';
import { openLowdbStore } from '../../src/store/lowdb';
import { createNormalizer } from '../../src/text/normalize';
import { createFilterMatcher } from '../../src/alerts/filters';
import { loadAliases } from '../../src/qa/aliases';
import { createEngine } from '../../src/qa/engine';

export const silentLogger = () => createLogger({ level: 'silent' });

/** One normaliser per test file: OpenCC's dictionaries take ~100 ms to load. */
let normalizer: ReturnType<typeof createNormalizer> | undefined;
/** The filter matcher as the app builds it: the question engine over each report selects a filter's targets. */
export const matcher = () => {
  const normalize = (normalizer ??= createNormalizer());
  const aliases = loadAliases(join(__dirname, '../../data/aliases.json'));
  return createFilterMatcher((report) => createEngine({ report, normalize, aliases }));
};

/** A real lowdb store in `dir`. */
export const openStores = async (dir: string) => {
  const dbPath = join(dir, 'db.json');
  const store = await openLowdbStore({ dbPath, purpose: 'test' });
  return { dbPath, store, outbox: store.outbox, subscriptions: store.subscriptions, reports: store.reports };
};
