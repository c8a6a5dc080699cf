import { diffReports, type ReportDiff } from '../import/diff';
import type { ImportResult } from '../import/importer';
import type { Logger } from '../logger';
import type { Report } from '../model';
import type { OutboxStore, ReportStore, SubscriptionStore } from '../store/ports';
import { composeImportDigest, type ComposeLimits } from './compose';
import type { FilterMatcher } from './filters';
import { filterKey, type NewAlert } from '../store/types';
import { diffLights, type LightDiff } from './yellow';
import { assessReport } from '../progress/light';

export interface FanOutDeps {
  subscriptions: SubscriptionStore;
  outbox: OutboxStore;
  reports: ReportStore;
  matcher: FilterMatcher;
  limits: ComposeLimits;
  logger: Logger;
}

export interface FanOutResult {
  report: number;
  chats: number;
  alerts: number;
  /** true when this report's alerts had already been computed */
  skipped: boolean;
}

/**
 * Turns an import into one digest per subscribed chat, written to the outbox
 * in one store write. It only enqueues: the delivery worker sends, outside
 * update handlers.
 *
 * Keyed by the report's id, with deterministic alert ids:
 * running it twice for the same import (a restart, `recover`) adds nothing.
 * The very first import (an empty store being seeded) has nothing to compare
 * against and alerts nobody.
 */
export const createAlertFanOut = ({ subscriptions, outbox, reports, matcher, limits, logger }: FanOutDeps) => {
  const fanOut = async (id: number, report: Report, previous: Report | undefined, sha: string, known?: ReportDiff): Promise<FanOutResult> => {
    if (await outbox.hasFanOut(id)) return { report: id, chats: 0, alerts: 0, skipped: true };
    const alerts: NewAlert[] = [];
    let chats = 0;
    if (previous) {
      // the import diffed already; only `recover` (a report stored by another process) computes it here
      const diff = known ?? diffReports(previous, report);
      const yellowChats = new Set((await subscriptions.chats()).flatMap((c) => (c.yellow ? [c.chatId] : [])));
      // Both reports' lights once per import, and only when some chat asked for yellow alerts.
      let lights: LightDiff | undefined;
      const lightDiff = (): LightDiff => (lights ??= diffLights(assessReport(previous), assessReport(report)));
      // Chats with the same filters (and yellow choice) get the same text: compose once per set (10,000 subscribers, a handful of sets).
      const texts = new Map<string, string[]>();
      for (const [chatId, filters] of await subscriptions.subscribers()) {
        const yellow = yellowChats.has(chatId);
        const key = `${yellow ? 'yellow|' : ''}${filters.map(filterKey).join('|')}`;
        let parts = texts.get(key);
        if (!parts) {
          parts = composeImportDigest({ report, previous, diff, filters, matcher, limits, ...(yellow ? { lights: lightDiff() } : {}) });
          texts.set(key, parts);
        }
        if (parts.length === 0) continue;
        chats += 1;
        parts.forEach((text, i) => alerts.push({ id: `imp:${id}:${chatId}:${i + 1}`, chatId, text }));
      }
    }
    await outbox.enqueue(alerts, { report: id, reportSha: sha, alerts: alerts.length, chats });
    logger.info({ report: id, chats, alerts: alerts.length, seeded: !previous }, 'import alerts enqueued');
    return { report: id, chats, alerts: alerts.length, skipped: false };
  };

  return {
    /** the importer's onImported hook */
    async onImported(result: ImportResult): Promise<void> {
      if (result.reportId === undefined) return;
      await fanOut(result.reportId, result.report, result.previous, result.report.source.sha256, result.diff);
    },
    /**
     * At start-up: when the current report has no fan-out record (the process
     * died between storing it and enqueuing, or `npm run import` ran while the
     * bot was stopped), compute its alerts now. Only the newest report: older
     * differences are history, not news.
     */
    async recover(): Promise<FanOutResult | undefined> {
      const history = await reports.history();
      const current = history.at(-1);
      if (!current) return undefined;
      return fanOut(current.id, current, history.at(-2), current.source.sha256);
    },
  };
};

export type AlertFanOut = ReturnType<typeof createAlertFanOut>;
