/**
 * Peak memory while a small .xlsx of millions of near-empty rows is refused, and while the
 * largest table within the limits (100,000 targets of real-looking cells) is read whole by
 * exceljs's full reader, which merged cells need (RELIABILITY.md).
 *
 *   npx tsx bench/xlsx-refuse.ts            # 6,500,000 near-empty rows; 100,000 full rows
 *   XLSX_ROWS=8000000 XLSX_FULL_ROWS=50000 npx tsx bench/xlsx-refuse.ts
 *
 * The file is generated here, then read in a fresh child process (so the figure is the
 * reader's, not the generator's): parseTable as the importer calls it, timing the
 * refusal and reporting the child's peak RSS (getrusage maxrss). The seed table's import in
 * another child is the baseline. Exit code 1 if the table is not refused or the peak is
 * over BENCH_MAX_RSS_MB (default 300).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { TABLE_LIMITS } from '../src/table/limits';
import { sparseXlsx } from '../test/helpers/sparse-xlsx';

const ROOT = resolve(__dirname, '..');

const child = `
const { readFile } = require('node:fs/promises');
const { parseTable } = require(${JSON.stringify(join(ROOT, 'src/table/load-table'))});
(async () => {
  const bytes = await readFile(process.argv[1]);
  const started = performance.now();
  let outcome;
  try { await parseTable(bytes, process.argv[1]); outcome = 'imported'; }
  catch (err) { outcome = 'refused: ' + err.message; }
  const ms = Math.round(performance.now() - started);
  console.log(JSON.stringify({ outcome, ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
})();
`;

const measure = (file: string): { outcome: string; ms: number; peakRssMb: number } =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', child, file], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').pop()!);

/** The largest table within the limits, written row by row (exceljs's streaming writer), as an office's export would be. */
const writeFullXlsx = async (file: string, rows: number): Promise<void> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('三季度');
  sheet.addRow(['某市2022年重点工作第三季度推进情况']).commit();
  sheet.addRow(['序号', '市政府领导', '责任目标内容', '完成时限', '完成情况', '是否按计划完成进度', '责任单位']).commit();
  for (let i = 1; i <= rows; i += 1) {
    const late = i % 17 === 0;
    sheet
      .addRow([
        i,
        `领导${i % 12}`,
        `第${i}项重点任务：推进重点项目建设，完成年度投资计划`,
        `${(i % 12) + 1}月底`,
        `已完成投资${i % 100}亿元，占年度计划的${i % 100}%，正在推进后续工程`,
        late ? '否' : '是',
        `市第${i % 40}局 县${i % 9}人民政府`,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
};

const main = async (): Promise<void> => {
  const rows = Number(process.env.XLSX_ROWS ?? 6_500_000);
  const limitMb = Number(process.env.BENCH_MAX_RSS_MB ?? 300);
  const dir = mkdtempSync(join(tmpdir(), 'tpb-xlsx-'));
  try {
    const file = join(dir, 'sparse.xlsx');
    const bytes = await sparseXlsx(rows);
    writeFileSync(file, bytes);
    const baseline = measure(join(ROOT, 'data/heze-2022-q3.tsv'));
    const result = measure(file);
    console.log(`xlsx of ${rows.toLocaleString('en')} near-empty rows, ${Math.round(bytes.length / 1024)} KB: ${result.outcome}`);
    console.log(`  refused in ${result.ms} ms, peak RSS ${result.peakRssMb} MB (limit ${limitMb} MB)`);
    console.log(`  baseline, the seed table imported in a child the same way: ${baseline.ms} ms, peak RSS ${baseline.peakRssMb} MB`);
    if (!result.outcome.startsWith('refused') || result.peakRssMb > limitMb) process.exitCode = 1;

    const fullRows = Number(process.env.XLSX_FULL_ROWS ?? TABLE_LIMITS.maxRows);
    const full = join(dir, 'full.xlsx');
    await writeFullXlsx(full, fullRows);
    const read = measure(full);
    console.log(`xlsx of ${fullRows.toLocaleString('en')} targets × 7 filled cells, ${Math.round(statSync(full).size / 1024)} KB: ${read.outcome}`);
    console.log(`  read whole in ${read.ms} ms, peak RSS ${read.peakRssMb} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
