import { isLagging, leadersOf, type Target } from '../model';
import { BULLETIN_WORDS as W } from '../wording';
import { progressOf, unitLabels } from './bulletin';
import { addSheet, idCell, newWorkbook, workbookBytes } from './xlsx';

/**
 * The targets of a list answer as a spreadsheet (the 导出 button): one row per target in the
 * answer's order, with 序号, 领导, 内容, 时限, 完成情况, 是否按计划 and the units, labelled
 * 牵头/配合 as the answers label them when the table has cooperating units.
 */
export const renderTargetsXlsx = async (title: string, targets: readonly Target[]): Promise<Buffer> => {
  const workbook = newWorkbook(title);
  const X = W.exportColumns;
  addSheet(workbook, {
    name: W.sheets.targets,
    header: [X.id, X.leader, X.text, X.deadline, X.progress, X.onSchedule, X.units],
    rows: targets.map((t) => [idCell(t.id), leadersOf(t).join('、'), t.text, t.deadline.text, progressOf(t), isLagging(t) ? W.no : W.yes, unitLabels(t).join('、')]),
    widths: [6, 12, 50, 12, 60, 10, 30],
  });
  return workbookBytes(workbook);
};
