import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createImporter } from '../../src/import/importer';
import { createInboxWatcher, inboxDir } from '../../src/import/inbox';
import { toImportSummary } from '../../src/import/summary';
import { readStore } from '../../src/store';
import { openLowdbStore } from '../../src/store/lowdb';
import { SEED_PATH, seedLine, seedTable } from '../helpers/seed';
import { ledgerXlsx } from '../table/layouts';
import { useTempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = join(ROOT, 'src', 'cli', 'import.ts');

const runCli = (args: string[], dbPath: string) => spawnSync(TSX, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DB_PATH: dbPath, BOT_TOKEN: '' } });

describe('npm run import', () => {
  const dir = useTempDir();

  it('reports 48 targets, 50 assignments and 2 lagging on a dry run, storing nothing', () => {
    const dbPath = join(dir(), 'db.json');
    const run = runCli([SEED_PATH, '--dry-run'], dbPath);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('目标 48 项，分工 50 条，滞后 2 项（47、57）');
    expect(run.stdout).toContain('试运行');
    expect(() => readFileSync(dbPath)).toThrow(/ENOENT/);
  });

  it('stores the table and refuses a bad one with row and column, keeping the db byte-identical', async () => {
    const dbPath = join(dir(), 'db.json');
    expect(runCli([SEED_PATH], dbPath).status).toBe(0);
    const before = readFileSync(dbPath);
    const bad = join(dir(), 'bad.tsv');
    writeFileSync(bad, seedTable([seedLine('52').replace('\t是\t', '\t待定\t')]));
    const run = runCli([bad], dbPath);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('导入失败：表格 bad.tsv 第 6 行“是否按计划完成进度”列：“待定”不是“是”或“否”。请改为“是”或“否”，改好后重新运行 npm run import。\n');
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    expect((await readStore({ dbPath })).history).toHaveLength(1);
  });

  it('imports a table whose headers it does not know once told with --column which is which', async () => {
    const dbPath = join(dir(), 'db.json');
    const file = join(dir(), 'duban.xlsx');
    writeFileSync(file, await ledgerXlsx());
    const refused = runCli([file, '--dry-run'], dbPath);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('表头里没有“责任目标内容”“是否按计划完成进度”“责任单位”列');
    expect(refused.stderr).toContain('请加上 --column 督办件=责任目标内容 重新运行');
    const mapped = runCli(
      [file, '--dry-run', '--column', '督办件=责任目标内容', '--column', '包联人=市政府领导', '--column', '承办方=责任单位', '--column', '办结标识=是否按计划完成进度', '--city', '菏泽市'],
      dbPath,
    );
    expect(mapped.stderr).toBe('');
    expect(mapped.stdout).toContain('菏泽市 2022年第三季度（截至 2022-09-30）');
    expect(mapped.stdout).toContain('目标 7 项，分工 9 条，滞后 2 项（47、57）');
  });

  it('remembers a --column mapping in the store: the next quarter imports without it, and ask --data reads it too', async () => {
    const dbPath = join(dir(), 'db.json');
    const q3 = join(dir(), 'duban-q3.xlsx');
    const q4 = join(dir(), 'duban-q4.xlsx');
    writeFileSync(q3, await ledgerXlsx());
    writeFileSync(q4, await ledgerXlsx('2022年四季度督办件办理台账'));
    const columns = ['--column', '督办件=责任目标内容', '--column', '承办方=责任单位', '--column', '办结标识=是否按计划完成进度'];
    expect(runCli([q3, ...columns], dbPath).status).toBe(0);

    const next = runCli([q4], dbPath);
    expect(next.stderr).toBe('');
    expect(next.stdout).toContain('2022年第四季度');
    const asked = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'ask.ts'), '--data', q3, '第57项'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DB_PATH: dbPath } });
    expect(asked.stderr).toBe('');
    expect(asked.stdout).toContain('57');
    expect((await readStore({ dbPath })).history.map((r) => r.period)).toEqual(['第三季度', '第四季度']);
  });

  it('hands the table to the running bot through the inbox instead of writing the store itself', async () => {
    const dbPath = join(dir(), 'db.json');
    // We hold the store, as the bot would.
    const store = await openLowdbStore({ dbPath, purpose: 'bot' });
    const importer = createImporter({ reports: store.reports });
    const watcher = createInboxWatcher({
      dir: inboxDir(dbPath),
      intervalMs: 50,
      handle: async (name, bytes, options) => ({ ok: true, message: toImportSummary(await importer.importTable(bytes, name, options)) }),
    });
    watcher.start();
    try {
      const child = spawn(TSX, [CLI, SEED_PATH], { cwd: ROOT, env: { ...process.env, DB_PATH: dbPath } });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(stdout).toContain(`机器人正在运行（进程 ${process.pid}）`);
      expect(stdout).toContain('目标 48 项，分工 50 条，滞后 2 项（47、57）');
      expect((await store.reports.current())?.targets).toHaveLength(48);
    } finally {
      await watcher.stop();
      await store.close();
    }
  });
});
