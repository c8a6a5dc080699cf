import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImportCli } from '../../src/cli/import';
import { createImporter } from '../../src/import/importer';
import { createUpload, type ImportPlace } from '../../src/import/upload';
import type { TableErrorCode } from '../../src/table/errors';
import { TABLE_LIMITS } from '../../src/table/limits';
import { IMPORT_WORDS } from '../../src/wording/import';
import { ledgerXlsx } from '../table/layouts';
import { fakeZip } from '../helpers/fake-zip';
import { seedLine, seedTable } from '../helpers/seed';
import { until } from '../helpers/wait';
import { ADMIN_ID, startDashboardApp, type DashboardApp } from '../web/dashboard-app';

/**
 * No English sentence reaches a person when a table is refused. Every kind of bad table the
 * importer refuses is sent the three ways a person sends one — to the bot in a private chat (real
 * telegraf against the fake Bot API), to the dashboard's upload API, and to `npm run import` — and
 * every reply is scanned for English: any Latin word but the names of formats and programs, once what a person types
 * (`npm run import`, `--column 表头=列名`), file names and paths are set aside.
 */
/** Latin words a Chinese reply may hold: formats, encodings, programs and units a person knows by these names. */
const NAMES = new Set(['TSV', 'CSV', 'XLSX', 'XLS', 'UTF', 'GBK', 'BOM', 'Excel', 'WPS', 'MB']);
const englishIn = (text: string): string | undefined =>
  text
    .replace(/npm run [\w:]+/g, '')
    .replace(/--[\w-]+(?:[ =][^\s，。）]+)?/g, '')
    .replace(/[\w.-]*\.(?:tsv|csv|txt|xlsx|xls)\b/gi, '')
    .replace(/[^\s，。：“”（）]*\/[^\s，。：“”（）]*/g, '')
    .match(/[A-Za-z]{2,}/g)
    ?.filter((word) => !NAMES.has(word.toUpperCase()) && !NAMES.has(word))
    .join(' ') || undefined;

const HEADER = '序号\t市政府领导\t责任目标内容\t完成时限\t完成情况\t是否按计划完成进度\t责任单位';

/** One bad table per refusal the importer knows, with the code it must be refused with. */
const BAD_TABLES: [TableErrorCode, string, () => Buffer | Promise<Buffer>][] = [
  ['empty', 'empty.tsv', () => Buffer.alloc(0)],
  ['no-text', 'blank.csv', () => Buffer.from(',,\n,,\n')],
  ['binary', 'photo.tsv', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])],
  ['old-xls', 'old.xlsx', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
  ['encoding', 'latin.tsv', () => Buffer.from([0x41, 0x81, 0x20, 0x42, 0x0a])],
  ['encoding', 'utf16.tsv', () => Buffer.from([0xff, 0xfe, 0x41])],
  ['unreadable', 'quotes.csv', () => Buffer.from('序号,"责任目标内容\n1,2\n')],
  ['xlsx', 'broken.xlsx', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)])],
  ['xlsx', 'damaged.xlsx', () => fakeZip(10, 12345)],
  ['too-large', 'bomb.xlsx', () => fakeZip(TABLE_LIMITS.maxXlsxUnpackedBytes + 1)],
  ['no-header', 'nohdr.tsv', () => Buffer.from('菏泽市2022年第三季度\n\n1\t2\t3\n')],
  ['missing-column', 'ledger.xlsx', () => ledgerXlsx()],
  ['bad-status', 'status.tsv', () => Buffer.from(seedTable([seedLine('52').replace('\t是\t', '\t待定\t')]))],
  ['bad-id', 'id.tsv', () => Buffer.from(seedTable([seedLine('52').replace(/^52/, '5<2>')]))],
  ['duplicate-id', 'dup.tsv', () => Buffer.from(seedTable([seedLine('52'), seedLine('53').replace(/^53\t/, '52\t')]))],
  ['orphan-continuation', 'orphan.tsv', () => Buffer.from(seedTable(['99\t张鹏\t\t年底\t协调推进\t是\t市商务局', seedLine('52')]))],
  ['no-targets', 'none.tsv', () => Buffer.from(seedTable([]))],
  ['no-year', 'noyear.tsv', () => Buffer.from(`${HEADER}\n1\t王\t目标一\t年底\t进展\t是\t市科技局\n`)],
];

describe('refused tables are explained in Chinese everywhere', () => {
  it('finds the English of the old refusals, so the scan reads what it should', () => {
    expect(englishIn('导入失败：table q4.tsv, row 7, column 是否按计划完成进度: expected 是 or 否, got "待定"')).toBe('table row column expected or got');
    expect(englishIn('导入失败：表格 q4.tsv 第 7 行：请另存为 UTF-8 编码的 CSV，或在 Excel 中另存为 .xlsx，再运行 npm run import -- --column 备注=是否按计划完成进度')).toBeUndefined();
  });

  it.each(['chat', 'dashboard', 'terminal'] as const)('words every refusal for the %s with no English', async (place: ImportPlace) => {
    const upload = createUpload(createImporter({ reports: { current: async () => undefined, add: () => Promise.reject(new Error('not here')) } }));
    const codes = new Set<string>();
    for (const [code, name, bytes] of BAD_TABLES) {
      const outcome = await upload(await bytes(), name, place);
      expect({ name, kind: outcome.kind }).toEqual({ name, kind: code === 'missing-column' && place !== 'terminal' ? 'needs-columns' : 'rejected' });
      if (outcome.kind === 'rejected') codes.add(outcome.problem.code);
      expect({ name, english: englishIn(outcome.message) }).toEqual({ name, english: undefined });
      expect(outcome.message.startsWith(IMPORT_WORDS.failed(`表格 ${name}`))).toBe(true);
    }
    // the table says what kind of problem it is, not only that there is one
    expect([...codes].sort()).toEqual([...new Set(BAD_TABLES.map(([code]) => code).filter((c) => place === 'terminal' || c !== 'missing-column'))].sort());
  });

  describe('through the running bot and its dashboard', () => {
    let app: DashboardApp;
    beforeAll(async () => {
      app = await startDashboardApp();
    });
    afterAll(() => app.stop());

    it('answers every bad upload in the chat without English', async () => {
      for (const [, name, bytes] of BAD_TABLES) {
        const from = app.api.calls.length;
        app.api.document({ userId: ADMIN_ID, fileName: name, bytes: await bytes() });
        let reply: string | undefined;
        await until(
          () => {
            const call = app.api.calls.slice(from).find((c) => c.method === 'sendMessage' && c.status === 200 && Number(c.payload.chat_id) === ADMIN_ID);
            reply = call ? String(call.payload.text) : undefined;
            return reply !== undefined;
          },
          `the reply to ${name}`,
          15_000,
        );
        expect({ name, english: englishIn(reply!) }).toEqual({ name, english: undefined });
        expect({ name, chinese: /[\u4e00-\u9fff]/.test(reply!) }).toEqual({ name, chinese: true });
      }
    }, 120_000);

    it('answers every bad upload on the dashboard without English', async () => {
      for (const [, name, bytes] of BAD_TABLES) {
        const response = await fetch(`${app.base}api/upload`, {
          method: 'POST',
          body: new Uint8Array(await bytes()),
          headers: { Authorization: `tma ${app.initData({ id: ADMIN_ID })}`, 'X-File-Name': encodeURIComponent(name) },
        });
        expect({ name, status: response.status }).toEqual({ name, status: 422 });
        const { error } = (await response.json()) as { error: string };
        expect({ name, english: englishIn(error) }).toEqual({ name, english: undefined });
      }
    }, 120_000);
  });

  it('prints every refusal of `npm run import`, and its own complaints, without English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpb-refusals-'));
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    const error = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
    try {
      const env = { DB_PATH: join(dir, 'db.json') };
      const runs: string[][] = [];
      for (const [, name, bytes] of BAD_TABLES) {
        writeFileSync(join(dir, name), await bytes());
        runs.push([join(dir, name)], [join(dir, name), '--dry-run']);
      }
      runs.push(
        [],
        [join(dir, 'absent.tsv')],
        [join(dir, 'status.tsv'), '--verbose'],
        [join(dir, 'status.tsv'), '--year'],
        ['a.tsv', 'b.tsv'],
        ['a.tsv', '--year', 'next'],
        ['a.tsv', '--column', 'x'],
      );
      for (const argv of runs) {
        printed.length = 0;
        expect({ argv, code: await runImportCli(argv, env) }).toEqual({ argv, code: 1 });
        const text = printed.join('\n');
        expect({ argv, english: englishIn(text) }).toEqual({ argv, english: undefined });
        expect({ argv, chinese: /[\u4e00-\u9fff]/.test(text) }).toEqual({ argv, chinese: true });
      }
    } finally {
      log.mockRestore();
      error.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
