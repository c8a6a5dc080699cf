import { TABLE_LIMITS } from '../../src/table/limits';
import { TableError } from '../../src/table/errors';
import { readTextRows, readXlsxSheets } from '../../src/table/read-rows';
import { sparseXlsx } from '../helpers/sparse-xlsx';
import { parseTable } from '../../src/table/load-table';

describe('readTextRows', () => {
  it('does not count trailing newlines as rows', () => {
    expect(readTextRows('a\tb\nc\td\n', 't.tsv')).toHaveLength(2);
    expect(readTextRows('a\tb\r\nc\td\r\n\r\n', 't.tsv')).toHaveLength(2);
    expect(readTextRows('a,"b"\nc,d\n', 't.csv')).toHaveLength(2);
  });

  it('accepts a table of exactly the row limit ending with a newline', async () => {
    const header = '2022年第三季度\n序号\t市政府领导\t责任目标内容\t完成时限\t完成情况\t是否按计划完成进度\t责任单位';
    const rows = Array.from({ length: TABLE_LIMITS.maxRows }, (_, i) => `${i + 1}\t王\t目标${i + 1}\t年底\t进展\t是\t市科技局`);
    const report = await parseTable(Buffer.from(`${header}\n${rows.join('\n')}\n`), 'full.tsv');
    expect(report.targets).toHaveLength(TABLE_LIMITS.maxRows);
  }, 60_000);
});

describe('readXlsxSheets: the counting pass before the full reader', () => {
  const rowLimit = TABLE_LIMITS.maxRows + TABLE_LIMITS.headerSearchRows + 1;
  const refusal = async (bytes: Buffer): Promise<TableError> => {
    const error = await readXlsxSheets(bytes, 'x.xlsx').catch((e: unknown) => e);
    if (!(error instanceof TableError)) throw new Error(`expected a TableError, got ${String(error)}`);
    return error;
  };

  it('counts rows, not their numbers: every row numbered 1 is still a row', async () => {
    const error = await refusal(await sparseXlsx(rowLimit + 1));
    expect(error.code).toBe('too-many-rows');
    expect(error.message).toContain(`sheet 1 has more than ${rowLimit} rows`);
  });

  it('counts rows and cells written with a namespace prefix (<x:row>, <x:c>)', async () => {
    const error = await refusal(await sparseXlsx(rowLimit + 1, '<x:row r="1"><x:c r="A1"/></x:row>'));
    expect(error.code).toBe('too-many-rows');
  });

  it('measures a row by its last cell’s column, as the full reader builds cells up to it', async () => {
    const column = 'IW'; // 257
    const error = await refusal(await sparseXlsx(1, `<row r="1"><c r="${column}1"><v>1</v></c></row>`));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`row 1 of sheet 1 has 257 columns, over the limit of ${TABLE_LIMITS.maxXlsxColumns}`);
  });

  it('counts the cells of every row toward the workbook’s limit', async () => {
    const width = 200;
    const rows = Math.floor(TABLE_LIMITS.maxXlsxCells / width) + 1;
    const error = await refusal(await sparseXlsx(rows, `<row r="1"><c r="GR1"/></row>`));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`the workbook has more than ${TABLE_LIMITS.maxXlsxCells} cells`);
  });
});
