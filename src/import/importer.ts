import { isLagging, type Report } from '../model';
import type { ReportStore } from '../store/ports';
import type { StoredReport } from '../store/types';
import { parseTable } from '../table/load-table';
import type { ParseOptions } from '../table/parse-report';
import type { StatusWords } from '../table/status-words';
import type { ColumnMemory } from '../store/columns';
import { diffReports, type ReportDiff } from './diff';

export interface ImportResult {
  report: Report;
  /** against the current report before this import */
  diff: ReportDiff;
  /** what was current before */
  previous?: StoredReport;
  /** true when the report was stored as the new current one */
  stored: boolean;
  /** the stored report's id, when it was stored */
  reportId?: number;
  /** true when this exact file is already the current report: nothing is stored or sent again */
  duplicate: boolean;
  counts: { targets: number; assignments: number; lagging: string[] };
}

export interface ImporterDeps {
  reports: Pick<ReportStore, 'current' | 'add'>;
  /** runs after a report is stored (alerts are enqueued here); not on dry runs or duplicates */
  onImported?: (result: ImportResult) => Promise<void>;
  now?: () => Date;
  /** status words of the tables: the built-in ones plus data/aliases.json's `verdicts` */
  statusWords?: StatusWords;
  /** column mappings that made earlier tables import; an explicit mapping that works is added */
  columnMemory?: ColumnMemory;
}

export type Importer = ReturnType<typeof createImporter>;

/**
 * Validates a table and stores it as the new current report. A table that
 * fails validation throws TableError before anything is stored, so the current
 * data stays exactly as it was.
 *
 * Imports run one at a time: an admin's upload and an `npm run import` through
 * the inbox may arrive together, and each must diff against the report the
 * other stored, or subscribers would hear about the same change twice.
 */
export const createImporter = ({ reports, onImported, now = () => new Date(), statusWords, columnMemory }: ImporterDeps) => {
  let queue: Promise<unknown> = Promise.resolve();

  const importNow = async (bytes: Buffer, fileName: string, options: ParseOptions & { dryRun?: boolean }): Promise<ImportResult> => {
    const remembered = (await columnMemory?.all()) ?? [];
    const report = await parseTable(bytes, fileName, { ...(statusWords ? { statusWords } : {}), ...options, remembered });
    const explicit = options.columns && Object.keys(options.columns).length > 0 ? options.columns : undefined;
    const previous = await reports.current();
    const duplicate = previous?.source.sha256 === report.source.sha256;
    const result: ImportResult = {
      report,
      diff: diffReports(previous, report),
      previous,
      stored: false,
      duplicate,
      counts: {
        targets: report.targets.length,
        assignments: report.targets.reduce((n, t) => n + t.assignments.length, 0),
        lagging: report.targets.filter(isLagging).map((t) => t.id),
      },
    };
    if (options.dryRun || duplicate) return result;
    result.reportId = (await reports.add(report, now())).id;
    result.stored = true;
    if (explicit) await columnMemory?.remember(explicit, report.city || report.title, now());
    await onImported?.(result);
    return result;
  };

  return {
    importTable(bytes: Buffer, fileName: string, options: ParseOptions & { dryRun?: boolean } = {}): Promise<ImportResult> {
      const run = queue.then(() => importNow(bytes, fileName, options));
      queue = run.catch(() => undefined);
      return run;
    },
  };
};
