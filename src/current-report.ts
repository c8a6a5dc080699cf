import type { Logger } from './logger';
import type { Report } from './model';
import type { Engine } from './qa/engine';
import type { ReportStore } from './store/ports';
import type { StoredReport } from './store/types';

export interface CurrentReportDeps {
  reports: Pick<ReportStore, 'history' | 'currentId'>;
  /** builds the question engine over a report, with the history it compares against (core.engineFor) */
  engineFor: (report: Report, history: readonly StoredReport[]) => Engine;
  logger: Logger;
}

export type CurrentReport = Awaited<ReturnType<typeof createCurrentReport>>;

/**
 * The report the running program answers from, and everything that follows from it: the stored
 * history, the engine over the current report, and the engine it replaced (an import's alerts
 * compare against that one). Reports never change once stored, so the history is read at start
 * and again whenever a newer report appears — imported here (`adopt`) or by another process
 * sharing the store (`refresh`).
 */
export const createCurrentReport = async ({ reports, engineFor, logger }: CurrentReportDeps) => {
  let history: readonly StoredReport[] = await reports.history();
  let engine: Engine | undefined;
  /** the engine that was current before the last new report */
  let before: Engine | undefined;
  const build = (report: Report): Engine => engineFor(report, history);

  const replace = async (report: Report | undefined): Promise<void> => {
    history = await reports.history();
    before = engine;
    engine = build(report ?? history.at(-1)!);
  };

  return {
    /** every stored report, oldest first */
    history: (): readonly StoredReport[] => history,
    /** the engine over the current report; only after `use` or `adopt` */
    engine: (): Engine => engine!,
    /** an engine over any report (the dashboard's older quarters), built the way the current one is */
    build,
    /** the engine for a report: the current one, the one it replaced, or a new one (subscriptions select what questions would) */
    engineOf: (report: Report): Engine => [engine, before].find((e) => e?.report.source.sha256 === report.source.sha256) ?? build(report),
    /** at start: answer from this report, unless an import (the seed) made one current already */
    use(report: Report): void {
      engine ??= build(report);
    },
    /** a report imported here: later questions see it */
    adopt: (report: Report): Promise<void> => replace(report),
    /** a report another process stored: true when there was one, and it is now current */
    async refresh(): Promise<boolean> {
      const id = await reports.currentId();
      if (id === undefined || id === history.at(-1)?.id) return false;
      await replace(undefined);
      logger.info({ report: id }, 'answering from a report another replica imported');
      return true;
    },
  };
};
