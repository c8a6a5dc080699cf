import { isLagging, leadersOf, roleOf, targetStatus, unitsOf, type Report } from '../../src/model';
import { TableError } from '../../src/table/errors';
import { MissingColumnError } from '../../src/table/header';
import { parseTable } from '../../src/table/load-table';
import { seedLines, seedTable } from '../helpers/seed';
import { countyTsv, districtGbTsv, handTypedXlsx, IDS, ROWS, LEDGER_COLUMNS, ledgerXlsx, mergedXlsx, VERDICT_STATUS, verdictCsv } from './layouts';

/** The seed's own rows of the same targets (first rows and continuation rows). */
const SEED_SLICE = seedTable(seedLines().filter((l) => IDS.some((id) => l.startsWith(`${id}\t`))));

const shape = (r: Report) =>
  r.targets.map((t) => ({
    text: t.text,
    leaders: leadersOf(t),
    lead: t.assignments.map((a) => a.units),
    deadline: t.deadline,
    progress: t.assignments.map((a) => a.progress.replace(/\s*（截至9月底）$/, '')),
  }));

const layouts: [string, () => Promise<Report>][] = [
  ['a county TSV with 配合单位 and 是否达到序时进度', () => parseTable(countyTsv(), 'caoxian-q3.tsv')],
  ['a CSV with 责任单位（牵头/配合） and a verdict column, no city in the title', () => parseTable(verdictCsv(), 'quanshi.csv')],
  ['an .xlsx with merged cells and a two-row header', async () => parseTable(await mergedXlsx(), 'taizhang.xlsx')],
  ['an .xlsx mapped with --column', async () => parseTable(await ledgerXlsx(), 'duban.xlsx', { columns: LEDGER_COLUMNS })],
  ['a GB18030 TSV without 序号 whose units cell says who leads', () => parseTable(districtGbTsv(), 'mudan.tsv')],
];

describe("parseTable on other offices' layouts", () => {
  let seed: Report;
  beforeAll(async () => {
    seed = await parseTable(Buffer.from(SEED_SLICE), 'heze.tsv');
  });

  it.each(layouts)('imports the same targets from %s', async (_name, load) => {
    const report = await load();
    expect(report.year).toBe(2022);
    expect(shape(report)).toEqual(shape(seed));
    expect(report.targets.map(isLagging)).toEqual(seed.targets.map(isLagging).map((lag, i) => lag || report.targets[i]!.assignments.some((a) => a.status === 'not-started')));
  });

  it("keeps the seed's 序号 where the layout has them, and numbers the rows where it has none", async () => {
    expect((await parseTable(countyTsv(), 'c.tsv')).targets.map((t) => t.id)).toEqual(IDS);
    expect((await parseTable(await mergedXlsx(), 'm.xlsx')).targets.map((t) => t.id)).toEqual(IDS);
    expect((await parseTable(districtGbTsv(), 'd.tsv')).targets.map((t) => t.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('reads city, year and period from each title, or leaves the city out', async () => {
    const county = await parseTable(countyTsv(), 'c.tsv');
    expect([county.city, county.period, county.asOf]).toEqual(['曹县', '第三季度', '2022-09-30']);
    const csv = await parseTable(verdictCsv(), 'q.csv');
    expect([csv.city, csv.period, csv.asOf]).toEqual(['', '1-9月', '2022-09-30']);
    expect((await parseTable(verdictCsv(), 'q.csv', { city: '某市' })).city).toBe('某市');
    expect((await parseTable(districtGbTsv(), 'd.tsv')).city).toBe('牡丹区');
  });

  it('reads a 配合单位 column, 责任单位（配合） and 牵头/配合 inside a units cell as cooperating units', async () => {
    for (const report of [await parseTable(countyTsv(), 'c.tsv'), await parseTable(verdictCsv(), 'q.csv'), await parseTable(await mergedXlsx(), 'm.xlsx')]) {
      const t57 = report.targets.find((t) => t.id === '57')!;
      expect(unitsOf(t57)).toEqual(['市工业和信息化局', '市财政局', '市统计局']);
      expect([roleOf(t57, '市工业和信息化局'), roleOf(t57, '市财政局'), roleOf(t57, '市科技局')]).toEqual(['lead', 'cooperating', undefined]);
    }
    const district = await parseTable(districtGbTsv(), 'd.tsv');
    expect(district.targets[4]!.assignments[0]).toMatchObject({ units: ['市工业和信息化局'], cooperating: ['市财政局', '市统计局'] });
  });

  it('reads verdict words as statuses: done, ahead, on plan, behind, not started', async () => {
    for (const report of [await parseTable(verdictCsv(), 'q.csv'), await parseTable(await mergedXlsx(), 'm.xlsx')]) {
      expect(Object.fromEntries(report.targets.map((t) => [t.id, targetStatus(t)]))).toEqual(VERDICT_STATUS);
    }
  });

  it("reads the 是/否 of 是否达到序时进度 and a ledger's 正常推进/进度滞后 as on plan and behind", async () => {
    for (const report of [await parseTable(countyTsv(), 'c.tsv'), await parseTable(await ledgerXlsx(), 'l.xlsx', { columns: LEDGER_COLUMNS })]) {
      expect(report.targets.filter((t) => targetStatus(t) === 'behind').map((t) => t.id)).toEqual(['47', '57']);
    }
  });

  it('refuses the unmapped ledger, listing the headers it found and the columns missing', async () => {
    const error = await parseTable(await ledgerXlsx(), 'l.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingColumnError);
    const { header, message } = error as MissingColumnError;
    expect(header.missing).toEqual(['text', 'onSchedule', 'units']);
    expect(message).toContain('the header lacks 责任目标内容, 是否按计划完成进度, 责任单位 (found 序号, 督办件, 包联人, 承办方, 办结期限, 办理情况, 办结标识)');
    expect(message).toContain('--column 督办件=责任目标内容');
  });

  it('refuses an unknown verdict naming the row and the column as the table writes it', async () => {
    const csv = verdictCsv().toString('utf8').replace('超序时', '待定');
    const error = (await parseTable(Buffer.from(csv), 'q.csv').catch((e: unknown) => e)) as TableError;
    expect(error).toBeInstanceOf(TableError);
    expect(error.code).toBe('bad-status');
    expect(error.details).toMatchObject({ column: '进度评价', value: '待定' });
    expect(error.message).toMatch(/expected a status such as 已完成, 超进度, 达进度, 欠进度, 未开工 \(or 是\/否\), got "待定"/);
  });

  it('refuses a --column naming no column', async () => {
    await expect(parseTable(await ledgerXlsx(), 'l.xlsx', { columns: { 督办件: '备注' } })).rejects.toThrow(/--column 督办件=备注: 备注 is not a column/);
  });

  it('reads a hand-typed workbook: merged title, （1） ids, date cells, 年底前, padded names, a loose status header', async () => {
    const report = await parseTable(await handTypedXlsx(), 'dongming.xlsx');
    expect(report.title).toBe('东明县2022年第三季度重点工作任务落实情况');
    expect([report.city, report.period]).toEqual(['东明县', '第三季度']);
    expect(report.targets.map((t) => t.id)).toEqual(IDS);
    expect(report.targets.map((t) => (t.deadline.kind === 'date' ? t.deadline.date : t.deadline.kind))).toEqual(seed.targets.map(() => '2022-12-31'));
    expect(report.targets.find((t) => t.id === '58')!.deadline.text).toBe('2022年12月31日');
    expect(leadersOf(report.targets.find((t) => t.id === '47')!)).toEqual(['聂元科', '张鹏']);
    expect(report.targets.filter(isLagging).map((t) => t.id)).toEqual(['47', '57']);
  });

  it('is not misled by look-alike columns: 类别, 任务来源 before 重点任务, a 序时进度 of percentages', async () => {
    const text = [
      '单县2022年第三季度重点工作推进情况',
      ['类别', '序号', '任务来源', '重点任务', '责任领导', '责任单位', '时间节点', '推进情况', '序时进度', '是否达到序时进度'].join('\t'),
      ...ROWS.map((r) => ['经济发展', r.id, '政府工作报告', r.text, r.leader, r.units, r.deadline, r.progress.replace(/\s+/g, ' '), '75%', r.yesNo].join('\t')),
    ].join('\n');
    const report = await parseTable(Buffer.from(text), 'shanxian.tsv');
    expect(shape(report)).toEqual(shape(seed));
    expect(report.targets.filter(isLagging).map((t) => t.id)).toEqual(['47', '57']);
  });

  it('reads a first section row that sounds like a column (项目建设) as a section, not as a second header row', async () => {
    const text = [
      '奎文区2024年重点任务推进情况表',
      ['序号', '重点任务', '责任区领导', '牵头单位', '配合单位', '完成时限', '推进情况', '进展状态'].join('\t'),
      ['一、聚力项目建设，增强发展动能', '', '', '', '', '', '', ''].join('\t'),
      ['1', '实施区级重点项目60个', '刘晓东（常务副区长）', '区发展改革局', '区财政局', '12月底前', '已开工52个', '正常推进'].join('\t'),
      ['二、壮大实体经济，培育新兴产业', '', '', '', '', '', '', ''].join('\t'),
      ['2', '新增规模以上工业企业10家', '杨帆（副区长）', '区工业和信息化局', '区统计局', '12月底前', '新增6家', '滞后'].join('\t'),
    ].join('\n');
    const report = await parseTable(Buffer.from(text), 'kuiwen.tsv');
    expect(report.targets.map((t) => [t.id, t.section])).toEqual([
      ['1', '聚力项目建设，增强发展动能'],
      ['2', '壮大实体经济，培育新兴产业'],
    ]);
  });
});
