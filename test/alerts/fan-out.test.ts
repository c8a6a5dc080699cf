import { createAlertFanOut } from '../../src/alerts/fan-out';
import { createImporter } from '../../src/import/importer';
import { parseTable } from '../../src/table/load-table';
import { seedBytes } from '../helpers/seed';
import { useTempDir } from '../helpers/tmp';
import { matcher, openStores, silentLogger } from './helpers';
import { editedSeed } from './tables';

const dir = useTempDir();
const LIMITS = { maxMessageUnits: 4000, targetsPerPart: 15 };

const setup = async () => {
  const stores = await openStores(dir());
  const fanOut = createAlertFanOut({ ...stores, matcher: matcher(), limits: LIMITS, logger: silentLogger() });
  const importer = createImporter({ reports: stores.reports, onImported: fanOut.onImported });
  return { ...stores, fanOut, importer };
};

describe('alert fan-out', () => {
  it('alerts nobody for the import that seeds an empty store, but records it', async () => {
    const { store, importer, subscriptions, outbox } = await setup();
    await subscriptions.add(1, { kind: 'all' });
    await importer.importTable(seedBytes(), 'seed.tsv');
    expect(await outbox.all()).toEqual([]);
    expect(await outbox.fanOuts()).toMatchObject([{ report: 1, alerts: 0, chats: 0 }]);
    await store.close();
  });

  it('enqueues one digest per chat whatever the number of its subscriptions, with ids that make it idempotent', async () => {
    const { store, importer, subscriptions, outbox } = await setup();
    await importer.importTable(seedBytes(), 'seed.tsv');
    await subscriptions.add(1, { kind: 'all' });
    await subscriptions.add(1, { kind: 'unit', unit: '市工业和信息化局' });
    await subscriptions.add(2, { kind: 'unit', unit: '市卫生健康委' });
    await importer.importTable(editedSeed({ lagging: ['58'] }), 'q4.tsv');
    expect((await outbox.all()).map((a) => a.id)).toEqual(['imp:2:1:1']);
    await store.close();
  });

  it('computes a stored report’s alerts at start-up when they were never enqueued, once', async () => {
    const { store, importer, subscriptions, outbox, reports, fanOut } = await setup();
    await importer.importTable(seedBytes(), 'seed.tsv');
    await subscriptions.add(1, { kind: 'all' });
    // as `npm run import` does while the bot is stopped: stored, no alerts
    await reports.add(await parseTable(editedSeed({ lagging: ['58'] }), 'q4.tsv'));
    expect(await fanOut.recover()).toMatchObject({ report: 2, chats: 1, alerts: 1, skipped: false });
    expect(await fanOut.recover()).toMatchObject({ report: 2, skipped: true });
    expect((await outbox.pending()).map((a) => a.id)).toEqual(['imp:2:1:1']);
    await store.close();
  });
});
