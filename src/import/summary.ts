import type { Report } from '../model';
import { shorten } from '../text/telegram-text';
import type { ImportResult } from './importer';

/** Widths of the report's own words where they are repeated (a title can be any cell's length). */
const NAME_WIDTH = Object.freeze({ title: 60, period: 24 });

/**
 * 菏泽市 2022年第三季度（截至 2022-09-30）: the report as the admin's summary and every
 * alert header name it. A title without a city is shortened like any other field.
 */
export const reportName = (report: Pick<Report, 'city' | 'title' | 'year' | 'period' | 'asOf'>): string =>
  `${shorten(report.city || report.title, NAME_WIDTH.title, { oneLine: true })} ${report.year}年${periodName(report)}（截至 ${report.asOf}）`;

export const periodName = (report: Pick<Report, 'period'>): string => shorten(report.period, NAME_WIDTH.period, { oneLine: true });

const list = (ids: string[]): string => (ids.length === 0 ? '' : `（${ids.slice(0, 20).join('、')}${ids.length > 20 ? ' …' : ''}）`);

/**
 * The import summary an admin reads in the terminal or in the chat, plain text.
 *
 * @example
 * 菏泽市 2022年第三季度（截至 2022-09-30）
 * 目标 48 项，分工 50 条，滞后 2 项（47、57）
 */
export const toImportSummary = (result: ImportResult, dryRun = false): string => {
  const { report, diff, counts, previous } = result;
  const ids = (kind: keyof typeof diff.counts): string[] => diff.changes.filter((c) => c.kind === kind).map((c) => c.id);
  const lines = [
    reportName(report),
    `目标 ${counts.targets} 项，分工 ${counts.assignments} 条，滞后 ${counts.lagging.length} 项${list(counts.lagging)}`,
  ];
  if (previous && !result.duplicate) {
    lines.push(
      `与上一期（${previous.year}年${periodName(previous)}）相比：`,
      `· 新增滞后 ${diff.counts['became-lagging']} 项${list(ids('became-lagging'))}`,
      `· 恢复正常 ${diff.counts.recovered} 项${list(ids('recovered'))}`,
      `· 新增目标 ${diff.counts.new} 项${list(ids('new'))}`,
      `· 移除目标 ${diff.counts.removed} 项${list(ids('removed'))}`,
      `· 进展更新 ${diff.counts['progress-changed']} 项`,
    );
  }
  if (result.duplicate) lines.push('这份表格与当前数据完全相同，未重复导入。');
  else if (dryRun) lines.push('（试运行：已校验，未保存）');
  else if (result.stored) lines.push('已保存为当前数据。');
  return lines.join('\n');
};
