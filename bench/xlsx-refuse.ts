/**
 * Peak memory while a small .xlsx of millions of near-empty rows is refused (RELIABILITY.md).
 *
 *   npx tsx bench/xlsx-refuse.ts            # 6,500,000 rows
 *   XLSX_ROWS=8000000 npx tsx bench/xlsx-refuse.ts
 *
 * The file is generated here, then read in a fresh child process (so the figure is the
 * reader's, not the generator's): parseTable as the importer calls it, timing the
 * refusal and reporting the child's peak RSS (getrusage maxrss). The seed table's import in
 * another child is the baseline. Exit code 1 if the table is not refused or the peak is
 * over BENCH_MAX_RSS_MB (default 300).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

void main();
