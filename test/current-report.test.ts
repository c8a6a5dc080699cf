import { idsOf } from '../src/qa/answer';
import { createCurrentReport } from '../src/current-report';
import { createImporter } from '../src/import/importer';
import { createLogger } from '../src/logger';
import { editedSeed, seedBytes } from './alerts/tables';
import { testCore } from './helpers/core';
import { useLowdbStores } from './helpers/lowdb-store';
import { useTempDir } from './helpers/tmp';

/** The report the program answers from, over a real lowdb store: what an import here and one stored elsewhere change. */
describe('current report', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();
  const logger = createLogger({ level: 'silent' });
  const NEXT = editedSeed({ lagging: ['58'] });

  /** a store holding the seed, and the current report answering from it */
  const seededStore = async () => {
    const store = await openStore(dir());
    const importer = createImporter({ reports: store.reports });
    const seeded = await importer.importTable(seedBytes(), 'heze-2022-q3.tsv');
    const current = await createCurrentReport({ reports: store.reports, engineFor: testCore().engineFor, logger });
    current.use(seeded.report);
    return { importer, seeded, current };
  };

  it('answers from the report it is given, then from each report imported here, keeping the one it replaced', async () => {
    const { importer, seeded, current } = await seededStore();
    const first = current.engine();
    expect(idsOf(first.ask('滞后'))).toEqual(['47', '57']);
    expect(current.history()).toHaveLength(1);

    const next = await importer.importTable(NEXT, 'heze-2022-q4.tsv');
    await current.adopt(next.report);
    expect(idsOf(current.engine().ask('滞后'))).toEqual(['47', '57', '58']);
    expect(current.history()).toHaveLength(2);
    // the fan-out's engines: the current one and the one it replaced, never rebuilt; any other report gets a new one
    expect(current.engineOf(next.report)).toBe(current.engine());
    expect(current.engineOf(seeded.report)).toBe(first);
    // nothing newer in the store: refresh changes nothing
    expect(await current.refresh()).toBe(false);
    expect(current.engineOf(next.report)).toBe(current.engine());
  });

  it('picks up a report another process stored, on refresh', async () => {
    const { importer, current } = await seededStore();
    // stored without telling `current`, as another replica's import would be
    await importer.importTable(NEXT, 'heze-2022-q4.tsv');
    expect(idsOf(current.engine().ask('滞后'))).toEqual(['47', '57']);
    expect(await current.refresh()).toBe(true);
    expect(idsOf(current.engine().ask('滞后'))).toEqual(['47', '57', '58']);
    expect(current.history().map((r) => r.source.file)).toEqual(['heze-2022-q3.tsv', 'heze-2022-q4.tsv']);
  });
});
