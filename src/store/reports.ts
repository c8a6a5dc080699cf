import type { Report } from '../model';
import { commit, type Db } from './db';
import type { StoredReport } from './schema';

export interface ReportStore {
  /** the newest report, or undefined before the first import */
  current(): StoredReport | undefined;
  /** the report before the current one, for change summaries */
  previous(): StoredReport | undefined;
  /** every report, oldest first */
  history(): readonly StoredReport[];
  /** the stored report with this file hash, if any */
  findBySha(sha256: string): StoredReport | undefined;
  /** stores a report as the new current one */
  add(report: Report, importedAt?: Date): Promise<StoredReport>;
}

export const createReportStore = (db: Db): ReportStore => ({
  current: () => db.data.reports.at(-1),
  previous: () => db.data.reports.at(-2),
  history: () => db.data.reports,
  findBySha: (sha256) => db.data.reports.find((r) => r.source.sha256 === sha256),
  add: (report, importedAt = new Date()) =>
    commit(db, (data) => {
      const stored: StoredReport = { ...report, importedAt: importedAt.toISOString() };
      data.reports.push(stored);
      return { result: stored, undo: () => void data.reports.pop() };
    }),
});
