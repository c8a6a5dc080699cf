import type { Report } from '../model';
import type { StoredReport } from '../store/types';
import type { Engine } from '../qa/engine';
import type { ReportInfo } from './board';

/**
 * The imported reports the page can show, and a question engine for each. The newest is
 * the chat's own engine (src/app.ts swaps it after every import); an older quarter gets an
 * engine built on first use and kept in a small cache, since a 10,000-target engine takes
 * a moment to build and a supervisor flips between two or three quarters.
 */
export interface ReportCatalog {
  /** newest first */
  list(): ReportInfo[];
  /** the report by its key (the newest when `key` is empty), or undefined when there is none */
  open(key: string | undefined): OpenedReport | undefined;
}

export interface OpenedReport {
  info: ReportInfo;
  engine: Engine;
}

export interface ReportCatalogDeps {
  /** every stored report, oldest first; the last is current */
  history: () => readonly StoredReport[];
  current: () => Engine;
  build: (report: Report) => Engine;
  /** engines of older reports kept at once */
  cacheSize?: number;
}

/** Keys are the store's report ids: assigned at import and never reused, so a key keeps naming the same report. */
const infoOf = (r: StoredReport, current: boolean): ReportInfo => ({
  key: String(r.id),
  title: r.title,
  city: r.city,
  year: r.year,
  period: r.period,
  asOf: r.asOf,
  current,
});

export const createReportCatalog = (deps: ReportCatalogDeps): ReportCatalog => {
  const cacheSize = deps.cacheSize ?? 3;
  const engines = new Map<Report, Engine>();
  const engineOf = (report: Report): Engine => {
    let engine = engines.get(report);
    if (engine) engines.delete(report);
    else engine = deps.build(report);
    engines.set(report, engine);
    while (engines.size > cacheSize) engines.delete(engines.keys().next().value as Report);
    return engine;
  };
  return {
    list: () => {
      const all = deps.history();
      return all.map((r, i) => infoOf(r, i === all.length - 1)).reverse();
    },
    open: (key) => {
      const all = deps.history();
      if (all.length === 0) return undefined;
      const report = key ? all.find((r) => String(r.id) === key) : all.at(-1);
      if (!report) return undefined;
      const current = report === all.at(-1);
      return { info: infoOf(report, current), engine: current ? deps.current() : engineOf(report) };
    },
  };
};
