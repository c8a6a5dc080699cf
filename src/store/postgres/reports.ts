import type { Pool } from 'pg';
import type { Report } from '../../model';
import type { ReportStore } from '../ports';
import type { StoredReport } from '../types';
import { rowsOf } from './db';

interface ReportRow {
  id: number;
  imported_at: Date;
  body: Report;
}

/**
 * Reports in the `reports` table. They never change once stored, so each
 * replica reads a report's body once and keeps it; asking for the current one
 * costs a look-up of the newest id.
 */
export const createPostgresReports = (pool: Pool): ReportStore => {
  const cache = new Map<number, StoredReport>();
  const toStored = (row: ReportRow): StoredReport => ({ ...row.body, id: row.id, importedAt: row.imported_at.toISOString() });

  const load = async (ids: number[]): Promise<StoredReport[]> => {
    const missing = ids.filter((id) => !cache.has(id));
    if (missing.length > 0) {
      for (const row of await rowsOf<ReportRow>(pool, 'SELECT id, imported_at, body FROM reports WHERE id = ANY($1)', [missing])) cache.set(row.id, toStored(row));
    }
    return ids.map((id) => cache.get(id)!);
  };
  const currentId = async (): Promise<number | undefined> => (await rowsOf<{ id: number }>(pool, 'SELECT max(id) AS id FROM reports'))[0]?.id ?? undefined;

  return {
    currentId,
    async current() {
      const id = await currentId();
      return id === undefined ? undefined : (await load([id]))[0];
    },
    async history() {
      return load((await rowsOf<{ id: number }>(pool, 'SELECT id FROM reports ORDER BY id')).map((r) => r.id));
    },
    async add(report, importedAt = new Date()) {
      const [row] = await rowsOf<{ id: number }>(pool, 'INSERT INTO reports (sha256, imported_at, body) VALUES ($1, $2, $3) RETURNING id', [report.source.sha256, importedAt, JSON.stringify(report)]);
      const stored: StoredReport = { ...report, id: row!.id, importedAt: importedAt.toISOString() };
      cache.set(stored.id, stored);
      return stored;
    },
    async restore(reports) {
      for (const { id, importedAt, ...report } of reports) {
        await pool.query('INSERT INTO reports (id, sha256, imported_at, body) VALUES ($1, $2, $3, $4)', [id, report.source.sha256, importedAt, JSON.stringify(report)]);
      }
      // later imports continue after the copied ids
      await pool.query("SELECT setval(pg_get_serial_sequence('reports', 'id'), GREATEST((SELECT max(id) FROM reports), 1))");
    },
  };
};
