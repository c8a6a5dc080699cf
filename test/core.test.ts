import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCore } from '../src/core';
import { idsOf } from '../src/qa/answer';
import { StoreError } from '../src/store/errors';
import { SEED_PATH } from './helpers/seed';
import { useTempDir } from './helpers/tmp';
import { LEDGER_COLUMNS, ledgerXlsx } from './table/layouts';

describe('buildCore: the parts every entry point shares', () => {
  const dir = useTempDir();

  it('imports into its store and answers from what it stored, as the bot would', async () => {
    const core = buildCore({ dbPath: join(dir(), 'db.json'), databaseUrl: undefined });
    const store = await core.openStore({ purpose: 'test' });
    try {
      const imported = await core.importer(store).importTable(readFileSync(SEED_PATH), 'heze.tsv');
      const engine = core.engineFor(imported.report, await store.reports.history());
      expect(idsOf(engine.ask('工信局未按计划'))).toEqual(['57']);
    } finally {
      await store.close();
    }
  });

  it('reads a table with the column mappings its store remembers, through a snapshot that cannot write', async () => {
    const core = buildCore({ dbPath: join(dir(), 'db.json'), databaseUrl: undefined });
    const file = join(dir(), 'duban.xlsx');
    writeFileSync(file, await ledgerXlsx());
    await expect(core.readTable(file)).rejects.toThrow(/the header lacks/);

    const store = await core.openStore({ purpose: 'test' });
    await core.importer(store).importTable(await ledgerXlsx(), 'duban.xlsx', { columns: LEDGER_COLUMNS });
    await store.close();

    const snapshot = await core.readStore();
    expect((await core.readTable(file, snapshot.settings)).targets).toHaveLength(7);
    expect(snapshot.history).toHaveLength(1);
    await expect(snapshot.settings.put('columns', 'x', {})).rejects.toBeInstanceOf(StoreError);
    await snapshot.close();
  });
});
