import type { ReportStore } from '../ports';
import type { StoredReport } from '../types';
import { commit, type Db } from './db';
import { readReportFile, writeReportFile } from './files';
import type { ReportEntry } from './schema';

const entryOf = (report: StoredReport): ReportEntry => ({ id: report.id, sha256: report.source.sha256, importedAt: report.importedAt });

/** Reads every report listed in DB_PATH from its file, oldest first. */
export const readLowdbReports = async (db: Db, dbPath: string): Promise<StoredReport[]> => Promise.all(db.data.reports.map((entry) => readReportFile(dbPath, entry.id)));

/**
 * Reports as files beside DB_PATH, listed (id, hash, time) in it. Reports are
 * immutable, so they are read once at start and kept in memory; an import
 * writes the new report's file first and then lists it, so a crash in between
 * leaves an unlisted file that the next import overwrites.
 */
export const openLowdbReports = async (db: Db, dbPath: string): Promise<ReportStore> => {
  const reports = await readLowdbReports(db, dbPath);
  const list = (stored: readonly StoredReport[]) =>
    commit(db, (data) => {
      data.reports.push(...stored.map(entryOf));
      return { result: undefined, undo: () => void data.reports.splice(data.reports.length - stored.length) };
    });
  return {
    current: async () => reports.at(-1),
    currentId: async () => reports.at(-1)?.id,
    history: async () => [...reports],
    async add(report, importedAt = new Date()) {
      const stored: StoredReport = { ...report, id: (reports.at(-1)?.id ?? 0) + 1, importedAt: importedAt.toISOString() };
      await writeReportFile(dbPath, stored);
      await list([stored]);
      reports.push(stored);
      return stored;
    },
    async restore(restored) {
      for (const report of restored) await writeReportFile(dbPath, report);
      await list(restored);
      reports.push(...restored);
    },
  };
};
