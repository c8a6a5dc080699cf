import { TABLE_LIMITS } from '../../src/table/limits';
import { readTextRows } from '../../src/table/read-rows';
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
