import type { Report } from '../model';
import { shorten } from '../text/telegram-text';
import type { ImportResult } from './importer';
import { WORDS } from '../wording/answers';
import { IMPORT_WORDS as W } from '../wording/import';

/** Widths of the report's own words where they are repeated (a title can be any cell's length). */
const NAME_WIDTH = Object.freeze({ title: 60, period: 24 });

/**
 * 菏泽市 2022年第三季度（截至 2022-09-30）: the report as the admin's summary and every
 * alert header name it. A title without a city is shortened like any other field.
 */
export const reportName = (report: Pick<Report, 'city' | 'title' | 'year' | 'period' | 'asOf'>): string =>
  W.reportName(shorten(report.city || report.title, NAME_WIDTH.title, { oneLine: true }), report.year, periodName(report), report.asOf);

export const periodName = (report: Pick<Report, 'period'>): string => shorten(report.period, NAME_WIDTH.period, { oneLine: true });

/** 序号 listed after a count; the rest are left out */
const IDS_SHOWN = 20;

const list = (ids: string[]): string => W.ids(ids.slice(0, IDS_SHOWN), ids.length > IDS_SHOWN);

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
  const lines = [reportName(report), W.counts(counts.targets, counts.assignments, counts.lagging.length, list(counts.lagging))];
  if (previous && !result.duplicate) {
    const listed = ['became-lagging', 'recovered', 'new', 'removed'] as const;
    lines.push(
      W.comparedWith(WORDS.periodLabel(previous.year, periodName(previous))),
      ...listed.map((kind) => W.changeLine(W.change[kind], diff.counts[kind], list(ids(kind)))),
      // progress updates are many and unremarkable: counted, not listed
      W.changeLine(W.change['progress-changed'], diff.counts['progress-changed'], ''),
    );
  }
  if (result.duplicate) lines.push(W.duplicate);
  else if (dryRun) lines.push(W.dryRun);
  else if (result.stored) lines.push(W.stored);
  return lines.join('\n');
};
