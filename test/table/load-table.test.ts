import { MissingColumnError } from '../../src/table/header';
import ExcelJS from 'exceljs';
import { isLagging, leadersOf, unitsOf, type Report } from '../../src/model';
import { parseTable, readTableFile } from '../../src/table/load-table';
import { createNormalizer } from '../../src/text/normalize';
import { encodeGb18030 } from '../helpers/gb18030';
import { SEED_PATH, seedBytes, seedLine, seedLines, seedTable } from '../helpers/seed';

const byId = (report: Report, id: string) => {
  const t = report.targets.find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id}`);
  return t;
};

describe('readTableFile on the seed', () => {
  let report: Report;
  beforeAll(async () => {
    report = await readTableFile(SEED_PATH);
  });

  it('reads the title line into city, year, period and as-of date', () => {
    expect(report.title).toBe('菏泽市人民政府2022年经济社会发展责任目标第三季度工作推进情况一览表');
    expect([report.city, report.year, report.period, report.asOf]).toEqual(['菏泽市', 2022, '第三季度', '2022-09-30']);
    expect(report.source).toMatchObject({ file: 'heze-2022-q3.tsv', format: 'utf-8' });
    expect(report.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has 48 targets and 50 assignments, ordered as in the file', () => {
    expect(report.targets).toHaveLength(48);
    expect(report.targets.reduce((n, t) => n + t.assignments.length, 0)).toBe(50);
    expect(report.targets[0]!.id).toBe('39');
    expect(report.targets.at(-1)!.id).toBe('86');
  });

  it('adds continuation rows to the target above as a second assignment', () => {
    const multi = report.targets.filter((t) => t.assignments.length > 1).map((t) => t.id);
    expect(multi).toEqual(['41', '47']);
    const t47 = byId(report, '47');
    expect(t47.assignments.map((a) => [a.leader, a.units, a.onSchedule])).toEqual([
      ['聂元科', ['鲁西新区管委会'], false],
      ['张鹏', ['市商务局'], true],
    ]);
    // rows as seen in the file: two leading blank lines, the title, a blank line, the header
    expect(t47.assignments.map((a) => a.row)).toEqual([15, 16]);
    expect(leadersOf(byId(report, '41'))).toEqual(['聂元科', '王昌华']);
  });

  it('marks a target lagging when any assignment says 否', () => {
    expect(report.targets.filter(isLagging).map((t) => t.id)).toEqual(['47', '57']);
  });

  it('splits several units in one cell', () => {
    expect(unitsOf(byId(report, '72'))).toEqual(['市生态环境局', '市科技局', '市商务局']);
    expect(unitsOf(byId(report, '42'))).toEqual(['市委组织部', '市人力资源社会保障局']);
  });

  it('resolves deadlines against the report year and keeps the wording', () => {
    expect(byId(report, '39').deadline).toEqual({ kind: 'date', text: '年底', date: '2022-12-31' });
    expect(byId(report, '45').deadline).toEqual({ kind: 'date', text: '8月底', date: '2022-08-31' });
    expect(byId(report, '74').deadline).toEqual({ kind: 'date', text: '9月底', date: '2022-09-30' });
    expect(byId(report, '76').deadline).toEqual({ kind: 'date', text: '2023年6月底', date: '2023-06-30' });
    expect(byId(report, '43').deadline).toEqual({ kind: 'ongoing', text: '长期坚持' });
  });

  it('keeps traditional characters for display and normalises them for search', () => {
    const t86 = byId(report, '86');
    expect(t86.text).toContain('鄆城');
    expect(unitsOf(t86)).toContain('鄆城县人民政府');
    expect(createNormalizer()(t86.text)).toContain('郓城');
  });
});

describe('parseTable formats', () => {
  const lines = [seedLine('52'), seedLine('57'), seedLine('47'), seedLines().find((l) => l.startsWith('47\t张鹏'))!];

  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    const text = seedTable(lines).replace(/\n/g, '\r\n');
    const report = await parseTable(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'bom.tsv');
    expect(report.targets.map((t) => t.id)).toEqual(['52', '57', '47']);
    expect(report.year).toBe(2022);
  });

  it('detects and decodes GB18030/GBK text', async () => {
    const text = seedTable(lines);
    const gbk = Buffer.from(new Uint8Array([...encodeGb18030(text)]));
    const report = await parseTable(gbk, 'gbk.tsv');
    expect(report.source.format).toBe('gb18030');
    expect(report.targets.map((t) => t.text)).toEqual((await parseTable(Buffer.from(text), 'u.tsv')).targets.map((t) => t.text));
  });

  it('reads CSV with quoted fields, commas and line breaks inside cells, columns in another order', async () => {
    const csv = [
      '菏泽市人民政府2022年责任目标第三季度推进情况',
      '',
      '责任单位,序号,是否按计划完成进度,责任目标内容,完成时限,完成情况,市政府领导,备注',
      '"市科技局 市商务局",52,是,"强化院企合作,打造平台",年底,"第一段',
      '第二段，含""引号""",王昌华,',
      '市工业和信息化局,57,否,规模以上工业增加值增长8%左右,年底,增长6.8%,王昌华,附注',
    ].join('\n');
    const report = await parseTable(Buffer.from(csv), 'q3.csv');
    expect(report.targets.map((t) => [t.id, t.text])).toEqual([
      ['52', '强化院企合作,打造平台'],
      ['57', '规模以上工业增加值增长8%左右'],
    ]);
    expect(report.targets[0]!.assignments[0]!.progress).toBe('第一段\n第二段，含"引号"');
    expect(unitsOf(report.targets[0]!)).toEqual(['市科技局', '市商务局']);
    // the record after a two-line cell starts on file line 6
    expect(report.targets[1]!.assignments[0]!.row).toBe(6);
  });

  it('reads the first sheet of an .xlsx workbook with Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Q3');
    workbook.addWorksheet('other').addRow(['ignored']);
    sheet.addRow(['菏泽市人民政府2022年经济社会发展责任目标第三季度工作推进情况一览表']);
    sheet.addRow([]);
    sheet.addRow(['序号', '市政府领导', '责任目标内容', '完成时限', '完成情况', '是否按计划完成进度', '责任单位']);
    sheet.addRow([57, '王昌华', '规模以上工业增加值增长8%左右', '年底', '增长6.8%', '否', '市工业和信息化局']);
    sheet.addRow([57, '张鹏', '', '年底', '协调推进', '是', '市商务局']);
    sheet.addRow([58, '王昌华', '年内建成并开通5G基站2000个', '9月底', '新建5G基站1658个', '是', '市工业和信息化局 东明县人民政府']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await parseTable(bytes, 'upload.bin');
    expect(report.source.format).toBe('xlsx');
    expect(report.targets.map((t) => [t.id, t.assignments.length, isLagging(t)])).toEqual([
      ['57', 2, true],
      ['58', 1, false],
    ]);
    expect(report.targets[1]!.deadline).toEqual({ kind: 'date', text: '9月底', date: '2022-09-30' });
    expect(report.targets[0]!.assignments[1]!.row).toBe(5);
  });

  describe('a workbook of several sheets', () => {
    const HEADER = ['序号', '市政府领导', '责任目标内容', '完成时限', '完成情况', '是否按计划完成进度', '责任单位'];
    const workbookOf = async (sheets: [string, unknown[][]][]): Promise<Buffer> => {
      const workbook = new ExcelJS.Workbook();
      for (const [name, rows] of sheets) {
        const sheet = workbook.addWorksheet(name);
        for (const row of rows) sheet.addRow(row);
      }
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const table = [['菏泽市人民政府2022年第三季度推进情况'], HEADER, [57, '王昌华', '规模以上工业增加值增长8%左右', '年底', '增长6.8%', '否', '市工业和信息化局']];

    it('takes the first sheet that reads as a table: a cover sheet and an empty one before it are passed over', async () => {
      const bytes = await workbookOf([
        ['填报说明', [['填报说明'], ['1. 请于每季度末填报'], ['2. 是否按计划完成进度填“是”或“否”']]],
        ['空白', []],
        ['三季度', table],
      ]);
      const report = await parseTable(bytes, 'book.xlsx');
      expect(report.targets.map((t) => t.id)).toEqual(['57']);
      expect(report.source.file).toBe('book.xlsx');
      expect(report.year).toBe(2022);
    });

    it('names the sheet when the table sheet has a bad row, rather than trying the next sheet', async () => {
      const bad = [...table.slice(0, 2), [57, '王昌华', '规模以上工业增加值增长8%左右', '年底', '增长6.8%', '待定', '市工业和信息化局']];
      const bytes = await workbookOf([
        ['说明', [['说明']]],
        ['三季度', bad],
        ['四季度', table],
      ]);
      await expect(parseTable(bytes, 'book.xlsx')).rejects.toThrow('table book.xlsx (sheet 三季度), row 3, column 是否按计划完成进度');
    });

    it('when no sheet reads, gives the error of the sheet whose header came closest (so the chat can ask which column is which)', async () => {
      const ledger = [['台账'], ['序号', '督办件', '包联人', '承办方', '办结期限', '办理情况', '办结标识'], [1, '任务', '王昌华', '市科技局', '年底', '推进中', '正常推进']];
      const bytes = await workbookOf([
        ['说明', [['说明']]],
        ['台账', ledger],
      ]);
      const error = await parseTable(bytes, 'book.xlsx').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MissingColumnError);
      expect((error as MissingColumnError).message).toContain('sheet 台账');
    });
  });

  it('loads a table of another city and quarter, with new units, without code changes', async () => {
    const text = [
      '济宁市人民政府2023年重点工作第二季度推进情况',
      '序号\t市政府领导\t责任目标内容\t完成时限\t完成情况\t是否按计划完成进度\t责任单位',
      '1\t李四\t建设口袋公园20个\t2023年10月底\t已建成12个\t是\t市住房城乡建设局、市城管局',
    ].join('\n');
    const report = await parseTable(Buffer.from(text), 'jining.tsv');
    expect([report.city, report.year, report.period, report.asOf]).toEqual(['济宁市', 2023, '第二季度', '2023-06-30']);
    expect(unitsOf(report.targets[0]!)).toEqual(['市住房城乡建设局', '市城管局']);
    expect(report.targets[0]!.deadline).toEqual({ kind: 'date', text: '2023年10月底', date: '2023-10-31' });
  });

  it('reads the seed bytes the same way as the file', async () => {
    expect((await parseTable(seedBytes(), 'x.tsv')).targets).toHaveLength(48);
  });
});
