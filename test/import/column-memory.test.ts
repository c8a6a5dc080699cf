import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createColumnMemory } from '../../src/import/column-memory';
import { createImporter } from '../../src/import/importer';
import { useLowdbStores } from '../helpers/lowdb-store';
import { MissingColumnError } from '../../src/table/header';
import { useTempDir } from '../helpers/tmp';
import { LEDGER_COLUMNS, ledgerXlsx } from '../table/layouts';

describe('remembered column mappings', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();
  const setUp = async () => {
    const memory = createColumnMemory(join(dir(), 'columns.json'));
    const importer = createImporter({ reports: (await openStore(dir())).reports, columnMemory: memory });
    return { memory, importer };
  };

  it('imports the same office\'s next table without flags once a mapping has worked', async () => {
    const { importer } = await setUp();
    const bytes = await ledgerXlsx();
    await expect(importer.importTable(bytes, 'q3.xlsx')).rejects.toBeInstanceOf(MissingColumnError);
    await importer.importTable(bytes, 'q3.xlsx', { columns: LEDGER_COLUMNS });
    const saved = JSON.parse(readFileSync(join(dir(), 'columns.json'), 'utf8')) as { mappings: { columns: unknown; source: string }[] };
    expect(saved.mappings).toEqual([expect.objectContaining({ columns: LEDGER_COLUMNS, source: '2022年三季度督办件办理台账' })]);

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
    await memory.remember({ 督办件: '责任目标内容' }, 'A');
    await memory.remember({ 事项: '责任目标内容' }, 'B');
    await memory.remember({ 督办件: 'text' }, 'A');
    expect(await memory.all()).toEqual([{ 督办件: 'text' }, { 事项: '责任目标内容' }]);
  });
});
