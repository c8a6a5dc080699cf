import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS_SCOPE, createColumnMemory } from '../../src/store/columns';
import { createImporter } from '../../src/import/importer';
import { useLowdbStores } from '../helpers/lowdb-store';
import { MissingColumnError } from '../../src/table/header';
import { useTempDir } from '../helpers/tmp';
import { LEDGER_COLUMNS, ledgerXlsx } from '../table/layouts';

describe('remembered column mappings', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();
  const setUp = async () => {
    const store = await openStore(dir());
    const memory = createColumnMemory(store.settings);
    const importer = createImporter({ reports: store.reports, columnMemory: memory });
    return { memory, importer, store };
  };

  it("imports the same office's next table without flags once a mapping has worked", async () => {
    const { importer, store } = await setUp();
    const bytes = await ledgerXlsx();
    await expect(importer.importTable(bytes, 'q3.xlsx')).rejects.toBeInstanceOf(MissingColumnError);
    await importer.importTable(bytes, 'q3.xlsx', { columns: LEDGER_COLUMNS });
    const saved = (await store.settings.list<{ columns: unknown; source: string }>(COLUMNS_SCOPE)).map((e) => e.value);
    expect(saved).toEqual([expect.objectContaining({ columns: LEDGER_COLUMNS, source: '2022年三季度督办件办理台账' })]);

    const next = await importer.importTable(await ledgerXlsx('2022年四季度督办件办理台账'), 'q4.xlsx');
    expect(next.stored).toBe(true);
    expect(next.report.period).toBe('第四季度');
    expect(next.counts).toMatchObject({ targets: 7, lagging: ['47', '57'] });
  });

  it('remembers nothing from a dry run or a failed import', async () => {
    const { importer, memory } = await setUp();
    await importer.importTable(await ledgerXlsx(), 'q3.xlsx', { columns: LEDGER_COLUMNS, dryRun: true });
    await expect(importer.importTable(await ledgerXlsx(), 'q3.xlsx', { columns: { 督办件: '责任目标内容' } })).rejects.toThrow(/the header lacks/);
    expect(await memory.all()).toEqual([]);
  });

  it('keeps one mapping per set of header names, the newest', async () => {
    const { memory } = await setUp();
    // times a millisecond apart at least, as saves by people are
    await memory.remember({ 督办件: '责任目标内容' }, 'A', new Date('2022-10-01T00:00:00Z'));
    await memory.remember({ 事项: '责任目标内容' }, 'B', new Date('2022-10-02T00:00:00Z'));
    await memory.remember({ 督办件: 'text' }, 'A', new Date('2022-10-03T00:00:00Z'));
    expect(await memory.all()).toEqual([{ 督办件: 'text' }, { 事项: '责任目标内容' }]);
  });

  it('moves the columns.json an older store kept beside it into the settings, once', async () => {
    const dbPath = join(dir(), 'db.json');
    // a store as the previous schema wrote it, with its mappings in a file beside it
    writeFileSync(dbPath, JSON.stringify({ schemaVersion: 2, reports: [], subscriptions: [], chats: [], settings: {} }));
    const older = { columns: { 督办件: '责任目标内容' }, source: 'A', savedAt: '2022-10-01T00:00:00.000Z' };
    const newer = { columns: { 事项: '责任目标内容' }, source: 'B', savedAt: '2023-01-01T00:00:00.000Z' };
    writeFileSync(join(dir(), 'columns.json'), JSON.stringify({ mappings: [older, newer] }));

    const store = await openStore(dir());
    expect(await createColumnMemory(store.settings).all()).toEqual([newer.columns, older.columns]);
    expect(existsSync(join(dir(), 'columns.json'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir(), 'columns.json.moved-into-store'), 'utf8'))).toEqual({ mappings: [older, newer] });
  });

  it('refuses to start on a columns.json that is not a list of mappings, naming the file, and leaves the store as it was', async () => {
    const dbPath = join(dir(), 'db.json');
    const before = JSON.stringify({ schemaVersion: 2, reports: [], subscriptions: [], chats: [], settings: {} });
    writeFileSync(dbPath, before);
    writeFileSync(join(dir(), 'columns.json'), '{"columns":[]}');
    await expect(openStore(dir())).rejects.toThrow(/columns\.json: expected \{ "mappings"/);
    expect(readFileSync(dbPath, 'utf8')).toBe(before);
  });
});
