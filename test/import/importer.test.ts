import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createImporter, type ImportResult } from '../../src/import/importer';
import { diffReports } from '../../src/import/diff';
import { toImportSummary } from '../../src/import/summary';
import { useLowdbStores } from '../helpers/lowdb-store';
import { parseTable } from '../../src/table/load-table';
import { withStatusWords } from '../../src/table/status-words';
import { seedBytes, seedLine, seedLines, seedTable } from '../helpers/seed';
import { verdictCsv } from '../table/layouts';
import { useTempDir } from '../helpers/tmp';

/** The seed with 52 flipped to 否, 57 recovered, 39's progress rewritten, 86 removed and a new 87. */
const nextQuarter = (): string => {
  const lines = seedLines().filter((l) => /^\d+\t/.test(l) && !l.startsWith('86\t'));
  const edited = lines.map((l) => {
    if (l.startsWith('52\t')) return l.replace('\t是\t', '\t否\t');
    if (l.startsWith('57\t')) return l.replace('\t否\t', '\t是\t');
    if (l.startsWith('39\t')) return l.replace(/\t年底\t[^\t]*\t/, '\t年底\t第四季度新进展\t');
    return l;
  });
  edited.push('87\t王昌华\t新建口袋公园20个\t年底\t已建成5个\t否\t市住房城乡建设局');
  return seedTable(edited).replace('第三季度', '第四季度');
};

describe('createImporter', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();
  const open = async () => (await openStore(dir())).reports;

  it('stores the seed as the current report and counts targets, assignments and lagging', async () => {
    const reports = await open();
    const seen: ImportResult[] = [];
    const result = await createImporter({ reports, onImported: async (r) => void seen.push(r) }).importTable(seedBytes(), 'heze-2022-q3.tsv');
    expect(result.counts).toEqual({ targets: 48, assignments: 50, lagging: ['47', '57'] });
    expect(result.stored).toBe(true);
    expect((await reports.current())?.source.sha256).toBe(result.report.source.sha256);
    expect(seen).toEqual([result]);
  });

  it('validates a dry run without storing or notifying', async () => {
    const reports = await open();
    const onImported = jest.fn();
    const result = await createImporter({ reports, onImported }).importTable(seedBytes(), 'heze.tsv', { dryRun: true });
    expect(result.counts.targets).toBe(48);
    expect(result.stored).toBe(false);
    expect(await reports.current()).toBeUndefined();
    expect(onImported).not.toHaveBeenCalled();
    expect(toImportSummary(result, true)).toBe('菏泽市 2022年第三季度（截至 2022-09-30）\n目标 48 项，分工 50 条，滞后 2 项（47、57）\n（试运行：已校验，未保存）');
  });

  it('does not store or notify when the same file is imported twice', async () => {
    const reports = await open();
    const onImported = jest.fn();
    const importer = createImporter({ reports, onImported });
    await importer.importTable(seedBytes(), 'a.tsv');
    const again = await importer.importTable(seedBytes(), 'b.tsv');
    expect(again.duplicate).toBe(true);
    expect(await reports.history()).toHaveLength(1);
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(toImportSummary(again)).toContain('未重复导入');
  });

  it('keeps history and reports what changed against the previous quarter', async () => {
    const reports = await open();
    const importer = createImporter({ reports });
    await importer.importTable(seedBytes(), 'q3.tsv');
    const result = await importer.importTable(Buffer.from(nextQuarter()), 'q4.tsv');
    expect((await reports.history()).map((r) => r.period)).toEqual(['第三季度', '第四季度']);
    expect(result.diff.counts).toEqual({ 'became-lagging': 1, recovered: 1, 'still-lagging': 1, new: 1, removed: 1, 'progress-changed': 1 });
    const summary = toImportSummary(result);
    expect(summary).toContain('与上一期（2022年第三季度）相比：');
    expect(summary).toContain('· 新增滞后 1 项（52）');
    expect(summary).toContain('· 恢复正常 1 项（57）');
    expect(summary).toContain('· 新增目标 1 项（87）');
    expect(summary).toContain('· 移除目标 1 项（86）');
  });

  it('rejects a bad table and leaves the db file byte-identical', async () => {
    const path = join(dir(), 'db.json');
    const reports = await open();
    const importer = createImporter({ reports });
    await importer.importTable(seedBytes(), 'q3.tsv');
    const before = readFileSync(path);
    const bad = seedTable([seedLine('52'), seedLine('53').replace('\t是\t', '\t待定\t')]);
    await expect(importer.importTable(Buffer.from(bad), 'q4.tsv')).rejects.toThrow('table q4.tsv, row 7, column 是否按计划完成进度: expected 是 or 否, got "待定"');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(await reports.history()).toHaveLength(1);
  });
});

describe('diffReports', () => {
  it('classifies every kind of change per target, in the new report order', async () => {
    const q3 = await parseTable(seedBytes(), 'q3.tsv');
    const q4 = await parseTable(Buffer.from(nextQuarter()), 'q4.tsv');
    const kinds = diffReports(q3, q4).changes.map((c) => `${c.id}:${c.kind}`);
    expect(kinds).toEqual(['39:progress-changed', '47:still-lagging', '52:became-lagging', '57:recovered', '87:new', '86:removed']);
  });

  it('treats every target as new when there is no previous report', async () => {
    const q3 = await parseTable(seedBytes(), 'q3.tsv');
    expect(diffReports(undefined, q3).counts.new).toBe(48);
  });
});

describe('createImporter concurrency', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();

  it('runs simultaneous imports one after the other, each diffing against the one before', async () => {
    const { reports } = await openStore(dir());
    const importer = createImporter({ reports });
    await importer.importTable(seedBytes(), 'q3.tsv');
    const q4 = seedTable([seedLine('52').replace('\t是\t', '\t否\t')]).replace('第三季度', '第四季度');
    const [a, b] = await Promise.all([importer.importTable(Buffer.from(q4), 'upload.tsv'), importer.importTable(Buffer.from(q4), 'inbox.tsv')]);
    expect(a.stored).toBe(true);
    expect(a.diff.counts['became-lagging']).toBe(1);
    // the second sees the first as current: same bytes, so nothing is stored or announced twice
    expect(b.duplicate).toBe(true);
    expect(await reports.history()).toHaveLength(2);
  });

  it('keeps serving imports after one is rejected', async () => {
    const { reports } = await openStore(dir());
    const importer = createImporter({ reports });
    const bad = importer.importTable(Buffer.from(''), 'empty.tsv');
    const good = importer.importTable(seedBytes(), 'q3.tsv');
    await expect(bad).rejects.toThrow('table empty.tsv: the file is empty');
    await expect(good).resolves.toMatchObject({ stored: true });
  });
});

describe('createImporter on tables with verdicts', () => {
  const dir = useTempDir();
  const openStore = useLowdbStores();
  const open = async () => (await openStore(dir())).reports;

  it('calls a change from behind (欠进度) to done (已完成) recovered, and from done to not started lagging', async () => {
    const before = await parseTable(verdictCsv(), 'q3.csv');
    const after = await parseTable(Buffer.from(verdictCsv().toString('utf8').replace('欠进度\n', '已完成\n').replace('已完成\n', '未开工\n')), 'q4.csv');
    const kinds = Object.fromEntries(diffReports(before, after).changes.map((c) => [c.id, c.kind]));
    expect(kinds).toMatchObject({ '57': 'recovered', '40': 'became-lagging' });
  });

  it('reads the status words data/aliases.json adds under verdicts', async () => {
    const csv = Buffer.from(verdictCsv().toString('utf8').replace('超序时', '已验收'));
    const plain = createImporter({ reports: await open() });
    await expect(plain.importTable(csv, 'q.csv', { dryRun: true })).rejects.toThrow(/got "已验收"/);
    const extended = createImporter({ reports: await open(), statusWords: withStatusWords({ done: ['已验收'] }) });
    const { report } = await extended.importTable(csv, 'q.csv', { dryRun: true });
    expect(report.targets.find((t) => t.id === '58')!.assignments[0]!.status).toBe('done');
  });
});
