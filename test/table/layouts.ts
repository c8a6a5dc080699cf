import ExcelJS from 'exceljs';
import type { StatusKind } from '../../src/model';
import { encodeGb18030 } from '../helpers/gb18030';
import { seedLine, seedLines } from '../helpers/seed';

/**
 * The same seven targets (seed 序号 40, 41, 42, 47, 57, 58, 59; 41 and 47 with
 * a second assignment) written the way other offices publish such tables:
 * other column names, a 配合单位 column, verdict words instead of 是/否,
 * merged cells, two-row headers, section rows, CSV quoting, GB18030.
 */
export interface Row {
  id: string;
  text: string;
  leader: string;
  units: string;
  deadline: string;
  progress: string;
  /** 是/否 as the seed says */
  yesNo: '是' | '否';
  /** the verdict the layouts with a verdict column write */
  verdict: string;
  /** what the verdict means */
  status: StatusKind;
  cooperating: string;
}

/** One seed row of a target (0: its first row, 1: the continuation row under it), as cells. */
const fromSeed = (id: string, index = 0): Omit<Row, 'verdict' | 'status' | 'cooperating'> => {
  const [, leader, text, deadline, progress, yesNo, units] = seedLineGroup(id)[index]!.split('\t');
  return { id, text: text!, leader: leader!, units: units!, deadline: deadline!, progress: progress!, yesNo: yesNo as '是' | '否' };
};

/** The seed lines of one target: its first row and the continuation rows under it. */
const seedLineGroup = (id: string): string[] => {
  const first = seedLine(id);
  const all = seedLines();
  const at = all.indexOf(first);
  const group = [first];
  for (let i = at + 1; i < all.length && all[i]!.startsWith(`${id}\t`) && all[i]!.split('\t')[2] === ''; i += 1) group.push(all[i]!);
  return group;
};

/** Every assignment row, in table order; continuation rows keep the 序号 and an empty text. */
export const ROWS: Row[] = [
  { ...fromSeed('40'), verdict: '已完成', status: 'done', cooperating: '' },
  { ...fromSeed('41'), verdict: '达进度（按序时）', status: 'on-plan', cooperating: '市财政局' },
  { ...fromSeed('41', 1), verdict: '超进度', status: 'ahead', cooperating: '' },
  { ...fromSeed('42'), verdict: '提前完成', status: 'done', cooperating: '' },
  { ...fromSeed('47'), verdict: '欠进度（慢序时）', status: 'behind', cooperating: '' },
  { ...fromSeed('47', 1), verdict: '达进度', status: 'on-plan', cooperating: '' },
  { ...fromSeed('57'), verdict: '欠进度', status: 'behind', cooperating: '市财政局、市统计局' },
  { ...fromSeed('58'), verdict: '超序时', status: 'ahead', cooperating: '' },
  { ...fromSeed('59'), verdict: '未开工', status: 'not-started', cooperating: '市农业农村局' },
];

export const IDS = ['40', '41', '42', '47', '57', '58', '59'];

/** What each layout's target statuses must read as, when it carries verdicts. */
export const VERDICT_STATUS: Record<string, StatusKind> = { '40': 'done', '41': 'on-plan', '42': 'done', '47': 'behind', '57': 'behind', '58': 'ahead', '59': 'not-started' };

const tsvCell = (s: string): string => s.replace(/[\t\r\n]+/g, ' ');
const csvCell = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A county office's TSV (like 曹县's 重点工作推进表): 牵头县领导, 重点任务,
 * 牵头单位 plus a 配合单位 column, 时间节点, 推进情况, 是否达到序时进度 (是/否).
 */
export const countyTsv = (): Buffer =>
  Buffer.from(
    [
      '曹县2022年重点工作任务第三季度推进情况',
      '',
      ['序号', '重点任务', '牵头县领导', '牵头单位', '配合单位', '时间节点', '推进情况', '是否达到序时进度'].join('\t'),
      '一、重点任务',
      ...ROWS.map((r) => [r.id, r.text, r.leader, r.units, r.cooperating, r.deadline, r.progress, r.yesNo].map(tsvCell).join('\t')),
      '注：是否达到序时进度填“是”或“否”。',
    ].join('\r\n'),
  );

/**
 * A city office's CSV export (UTF-8 with BOM, quoted cells): no city in the
 * title, 1—9月 as the period, 编号, 工作任务, 责任领导, 责任单位（牵头） and
 * 责任单位（配合） columns, and a 进度评价 verdict instead of 是/否.
 */
export const verdictCsv = (): Buffer =>
  Buffer.from(
    '\uFEFF' +
      [
        '全市2022年1—9月重点工作任务推进情况表',
        ['编号', '工作任务', '责任领导', '责任单位（牵头）', '责任单位（配合）', '完成时限', '进展情况', '进度评价'].join(','),
        ...ROWS.map((r) => [r.id, r.text, r.leader, r.units, r.cooperating, r.deadline, `${r.progress}\n（截至9月底）`, r.verdict].map(csvCell).join(',')),
      ].join('\n'),
  );

/**
 * An .xlsx as offices lay it out by hand: the title merged across the row, a
 * two-row header (责任单位 over 牵头单位 | 配合单位), a section row merged
 * across, and each target's 序号 and 主要任务 merged over its continuation rows.
 */
export const mergedXlsx = async (): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('三季度');
  sheet.addRow(['菏泽市2022年第三季度重点工作推进情况台账']);
  sheet.mergeCells('A1:H1');
  sheet.addRow(['序号', '主要任务', '分管市领导', '责任单位', '', '完成时间', '工作进展', '推进状态']);
  sheet.addRow(['', '', '', '牵头单位', '配合单位', '', '', '']);
  sheet.mergeCells('D2:E2');
  for (const col of ['A', 'B', 'C', 'F', 'G', 'H']) sheet.mergeCells(`${col}2:${col}3`);
  sheet.addRow(['一、优化营商环境']);
  sheet.mergeCells('A4:H4');
  let start = 0;
  for (const r of ROWS) {
    const row = sheet.addRow([Number(r.id), r.text, r.leader, r.units, r.cooperating, r.deadline, r.progress, r.verdict]);
    if (r.text !== '') start = row.number;
    else {
      sheet.mergeCells(`A${start}:A${row.number}`);
      sheet.mergeCells(`B${start}:B${row.number}`);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/**
 * A 督办 ledger whose names nothing recognises (督办件, 包联人, 承办方,
 * 办结标识): it imports once told `--column 督办件=责任目标内容` and so on.
 */
export const ledgerXlsx = async (title = '2022年三季度督办件办理台账'): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow([title]);
  sheet.addRow(['序号', '督办件', '包联人', '承办方', '办结期限', '办理情况', '办结标识']);
  for (const r of ROWS) sheet.addRow([r.id, r.text, r.leader, r.units, r.deadline, r.progress, r.yesNo === '是' ? '正常推进' : '进度滞后']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

export const LEDGER_COLUMNS = { 督办件: '责任目标内容', 包联人: '市政府领导', 承办方: '责任单位', 办结标识: '是否按计划完成进度' };

/**
 * A district's GB18030 text without a 序号 column, whose units cell says who
 * leads and who supports (市工业和信息化局牵头，市财政局配合), under
 * 目标任务 / 责任领导 / 时限要求 / 工作进度 / 是否按序时推进.
 */
export const districtGbTsv = (): Buffer => {
  const text = [
    '牡丹区2022年第三季度目标任务落实情况',
    ['目标任务', '责任领导', '责任单位', '时限要求', '工作进度', '是否按序时推进'].join('\t'),
    ...ROWS.map((r) => [r.text, r.leader, r.cooperating ? `${r.units.split(' ')[0]}牵头，${r.cooperating}配合` : r.units, r.deadline, r.progress, r.yesNo].map(tsvCell).join('\t')),
  ].join('\n');
  return encodeGb18030(text);
};

/**
 * A county office's .xlsx typed by hand: the title merged across, （1） as
 * 序号, real date cells in 完成时限, 年底前, a padded two-character name
 * (张　鹏), a title after a name (聂元科（副市长）), and the status under a
 * loose header, 进度, holding 是/否.
 */
export const handTypedXlsx = async (): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow(['东明县2022年第三季度重点工作任务落实情况']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['序号', '工作任务', '责任领导', '责任单位', '完成时限', '工作进展', '进度']);
  for (const r of ROWS) {
    const leader = r.leader === '张鹏' ? '张　鹏' : r.id === '47' && r.text !== '' ? `${r.leader}（副市长）` : r.leader;
    const deadline = r.id === '58' ? new Date(Date.UTC(2022, 11, 31)) : `${r.deadline}前`;
    sheet.addRow([`（${r.id}）`, r.text, leader, r.units, deadline, r.progress, r.yesNo]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
