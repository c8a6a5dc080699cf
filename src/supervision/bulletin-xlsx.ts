import { BULLETIN_WORDS as W } from '../wording';
import type { Bulletin, BulletinGroup } from './bulletin';
import { addSheet, idCell, newWorkbook, workbookBytes } from './xlsx';

const C = W.columns;
const F = W.figures;

const groupRows = (groups: readonly BulletinGroup[]): (string | number)[][] => groups.map((g) => [g.name, g.total, g.lagging, g.rate]);

/**
 * The bulletin as a spreadsheet: the same content as the Word document, one sheet per section,
 * figures as numbers (an office sorts and sums them further) and rates as percentages.
 */
export const renderBulletinXlsx = async (b: Bulletin): Promise<Buffer> => {
  const workbook = newWorkbook(b.title);
  const overview = addSheet(workbook, {
    name: W.sheets.overview,
    header: [C.figure, C.value],
    rows: [
      [F.targets, b.totals.targets],
      [F.assignments, b.totals.assignments],
      [F.onPlan, b.totals.onPlan],
      [F.lagging, b.totals.lagging],
      [F.rate, b.totals.rate],
      ...(b.stages ?? []).map((s) => [s.label, s.count]),
      [F.reminded, b.reminded],
      [F.silent, b.silent.length],
    ],
    widths: [24, 16],
  });
  overview.getCell('B6').numFmt = '0.0%';
  // the title, the date and the source above nothing else: a sheet's first row stays the header
  overview.getCell('D1').value = b.title;
  overview.getCell('D2').value = b.asOf;
  overview.getCell('D3').value = b.source;
  overview.getCell('D4').value = b.generated;
  addSheet(workbook, { name: W.sheets.units, header: [C.unit, C.total, C.lagging, C.rate], rows: groupRows(b.byUnit), widths: [30, 10, 10, 12], percentColumns: [3] });
  addSheet(workbook, { name: W.sheets.leaders, header: [C.leader, C.total, C.lagging, C.rate], rows: groupRows(b.byLeader), widths: [16, 10, 10, 12], percentColumns: [3] });
  addSheet(workbook, {
    name: W.sheets.lagging,
    header: [C.id, C.text, C.leader, C.unit, C.deadline, C.progress, C.replies],
    rows: b.lagging.map((t) => [idCell(t.id), t.text, t.leaders.join('、'), t.units.join('、'), t.deadline, t.progress, t.replies.join('\n')]),
    widths: [6, 40, 12, 24, 12, 50, 50],
  });
  addSheet(workbook, {
    name: W.sheets.silent,
    header: [C.unit, C.times, C.lastReminded, C.missing],
    rows: b.silent.map((s) => [s.unit, s.times, s.lastReminded, s.missing.join('、')]),
    widths: [30, 10, 18, 30],
  });
  return workbookBytes(workbook);
};
