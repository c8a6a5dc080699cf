import ExcelJS from 'exceljs';
import { TableError } from '../../src/table/errors';
import { parseTable } from '../../src/table/load-table';
import { TABLE_LIMITS } from '../../src/table/limits';
import { fakeZip } from '../helpers/fake-zip';
import { seedLine, seedTable } from '../helpers/seed';

const HEADER = '序号\t市政府领导\t责任目标内容\t完成时限\t完成情况\t是否按计划完成进度\t责任单位';

/** Parses and returns the TableError it must throw. */
const rejection = async (bytes: Buffer | string, file = 'bad.tsv'): Promise<TableError> => {
  try {
    await parseTable(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, file);
  } catch (error) {
    if (error instanceof TableError) return error;
    throw error;
  }
  throw new Error('expected the table to be rejected');
};

describe('parseTable rejects bad tables whole, naming row, column and value', () => {
  it('rejects an empty file', async () => {
    const error = await rejection('');
    expect(error.code).toBe('empty');
    expect(error.message).toBe('table bad.tsv: the file is empty');
  });

  it('rejects a binary file that is not a table', async () => {
    const error = await rejection(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), 'photo.tsv');
    expect(error.code).toBe('binary');
    expect(error.message).toMatch(/photo\.tsv.*binary file, not a table/);
  });

  it('rejects an old binary .xls workbook with advice', async () => {
    const error = await rejection(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls');
    expect(error.message).toMatch(/\.xlsx, CSV or tab-separated/);
  });

  it('rejects text that is neither UTF-8 nor GB18030', async () => {
    const error = await rejection(Buffer.from([0x41, 0x81, 0x20, 0x42, 0x0a]));
    expect(error.code).toBe('encoding');
  });

  it('rejects a table without a header row', async () => {
    const error = await rejection('菏泽市2022年第三季度\n\n1\t2\t3\n');
    expect(error.code).toBe('no-header');
    expect(error.message).toContain('序号, 市政府领导, 责任目标内容, 完成时限, 完成情况, 是否按计划完成进度, 责任单位');
  });

  it('names the missing column and the header row', async () => {
    const text = seedTable([seedLine('52')]).replace('\t是否按计划完成进度', '\t备注');
    const error = await rejection(text);
    expect(error.code).toBe('missing-column');
    expect(error.details).toMatchObject({ row: 5, column: '是否按计划完成进度' });
    // The message lists what the header has, and how to say which column is the status.
    expect(error.message).toBe(
      'table bad.tsv, row 5, column 是否按计划完成进度: the header lacks 是否按计划完成进度' +
        ' (found 序号, 市政府领导, 责任目标内容, 完成时限, 完成情况, 备注, 责任单位); name it with --column 备注=是否按计划完成进度',
    );
  });

  it('rejects a status other than 是 or 否 after trimming, naming row and value', async () => {
    const bad = seedLine('53').replace('\t是\t', '\t待定\t');
    const error = await rejection(seedTable([seedLine('52'), bad]));
    expect(error.code).toBe('bad-status');
    expect(error.details).toEqual({ file: 'bad.tsv', row: 7, column: '是否按计划完成进度', value: '待定', expects: 'yes-no' });
    expect(error.message).toBe('table bad.tsv, row 7, column 是否按计划完成进度: expected 是 or 否, got "待定"');
  });

  it('accepts a status with surrounding spaces', async () => {
    const padded = seedLine('53').replace('\t是\t', '\t 是 \t');
    await expect(parseTable(Buffer.from(seedTable([padded])), 'ok.tsv')).resolves.toMatchObject({ targets: [{ id: '53' }] });
  });

  it('rejects a duplicate 序号 with a different target text', async () => {
    const dup = seedLine('53').replace(/^53\t/, '52\t');
    const error = await rejection(seedTable([seedLine('52'), dup]));
    expect(error.code).toBe('duplicate-id');
    expect(error.details).toMatchObject({ row: 7, column: '序号', value: '52' });
    expect(error.message).toMatch(/序号 52 is already used on row 6 for a different target/);
  });

  it('rejects a continuation row with no target before it', async () => {
    const orphan = '99\t张鹏\t\t年底\t协调推进\t是\t市商务局';
    const error = await rejection(seedTable([orphan, seedLine('52')]));
    expect(error.code).toBe('orphan-continuation');
    expect(error.details).toMatchObject({ row: 6, column: '责任目标内容', value: '99' });
  });

  it('rejects a non-numeric 序号', async () => {
    const error = await rejection(seedTable([seedLine('52').replace(/^52/, '5<2>')]));
    expect(error.code).toBe('bad-id');
    expect(error.details).toMatchObject({ row: 6, column: '序号', value: '5<2>' });
  });

  it('rejects a header with no target rows', async () => {
    expect((await rejection(seedTable([]))).code).toBe('no-targets');
  });

  it(`rejects more than ${TABLE_LIMITS.maxRows} rows`, async () => {
    const rows = Array.from({ length: TABLE_LIMITS.maxRows + 1 }, (_, i) => `${i + 1}\t王\t目标${i + 1}\t年底\t进展\t是\t市科技局`);
    const error = await rejection(['菏泽市2022年第三季度', HEADER, ...rows].join('\n'));
    expect(error.code).toBe('too-many-rows');
    expect(error.message).toContain('100001 rows is over the limit of 100000');
  });

  it('rejects a file over 20 MB before decoding it', async () => {
    const error = await rejection(Buffer.alloc(TABLE_LIMITS.maxFileBytes + 1, 0x41));
    expect(error.code).toBe('too-large');
  });

  it('rejects an .xlsx that would unpack far beyond its size (zip bomb)', async () => {
    const error = await rejection(fakeZip(TABLE_LIMITS.maxXlsxUnpackedBytes + 1), 'bomb.xlsx');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/would unpack to \d+ bytes/);
  });

  it('rejects an .xlsx of more cells than its full reader may build, pointing to CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('宽表');
    const columns = 250;
    const rows = Math.ceil(TABLE_LIMITS.maxXlsxCells / columns) + 1;
    for (let r = 0; r < rows; r += 1) sheet.addRow(Array.from({ length: columns }, () => 'x'));
    const error = await rejection(Buffer.from(await workbook.xlsx.writeBuffer()), 'wide.xlsx');
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`more than ${TABLE_LIMITS.maxXlsxCells} cells`);
    expect(error.message).toContain('save a table this large as CSV');
  }, 60_000);

  it('rejects a damaged .xlsx', async () => {
    const error = await rejection(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), 'broken.xlsx');
    expect(error.code).toBe('xlsx');
  });
});
