import { parseTable } from '../../src/table/load-table';
import type { Report } from '../../src/model';

/** One table row: 序号, 市政府领导, 责任目标内容, 完成时限, 完成情况, 是否按计划完成进度, 责任单位 */
export type Row = [id: string, leader: string, text: string, deadline: string, progress: string, onSchedule: '是' | '否', units: string];

/**
 * Builds a small progress table as the offices write it (title line, header,
 * rows; TSV, UTF-8) and reads it with the real parser, so tests see the same
 * Report shape (deadlines resolved, continuation rows merged) as the bot.
 */
export const buildReport = async (title: string, rows: Row[], fileName = 'built.tsv'): Promise<Report> => {
  const header = ['序号', '市政府领导', '责任目标内容', '完成时限', '完成情况', '是否按计划完成进度', '责任单位'];
  const text = [title, header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
  return parseTable(Buffer.from(text, 'utf8'), fileName);
};

export const Q3_2022 = '菏泽市人民政府2022年经济社会发展责任目标第三季度工作推进情况一览表';
export const Q2_2022 = '菏泽市人民政府2022年经济社会发展责任目标第二季度工作推进情况一览表';
