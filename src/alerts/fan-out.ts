import { diffReports } from '../import/diff';
import type { ImportResult } from '../import/importer';
import type { Logger } from '../logger';
import type { Report } from '../model';
import type { ReportStore } from '../store/reports';
import { composeImportDigest, type ComposeLimits } from './compose';
import { filterKey, type FilterMatcher } from './filters';
import type { NewAlert, OutboxStore } from './outbox';
import type { SubscriptionStore } from './subscriptions';
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
 * Keyed by the report's place in the history, with deterministic alert ids:
 * running it twice for the same import (a restart, `recover`) adds nothing.
 * The very first import (an empty store being seeded) has nothing to compare
 * against and alerts nobody.
 */
export const createAlertFanOut = ({ subscriptions, outbox, reports, matcher, limits, logger }: FanOutDeps) => {
  const fanOut = async (index: number, report: Report, previous: Report | undefined, sha: string): Promise<FanOutResult> => {
    if (outbox.hasFanOut(index)) return { report: index, chats: 0, alerts: 0, skipped: true };
    const alerts: NewAlert[] = [];
    let chats = 0;
    if (previous) {
      const diff = diffReports(previous, report);
      const yellowChats = new Set(subscriptions.chats().flatMap((c) => (c.yellow ? [c.chatId] : [])));
      // Both reports' lights once per import, and only when some chat asked for yellow alerts.
      let lights: LightDiff | undefined;
      const lightDiff = (): LightDiff => (lights ??= diffLights(assessReport(previous), assessReport(report)));
      // Chats with the same filters (and yellow choice) get the same text: compose once per set (10,000 subscribers, a handful of sets).
      const texts = new Map<string, string[]>();
      for (const [chatId, filters] of subscriptions.subscribers()) {
        const yellow = yellowChats.has(chatId);
        const key = `${yellow ? 'yellow|' : ''}${filters.map(filterKey).join('|')}`;
        let parts = texts.get(key);
        if (!parts) {
          parts = composeImportDigest({ report, previous, diff, filters, matcher, limits, ...(yellow ? { lights: lightDiff() } : {}) });
          texts.set(key, parts);
        }
        if (parts.length === 0) continue;
        chats += 1;
        parts.forEach((text, i) => alerts.push({ id: `imp:${index}:${chatId}:${i + 1}`, chatId, text }));
      }
    }
    await outbox.enqueue(alerts, { report: index, reportSha: sha, alerts: alerts.length, chats });
    logger.info({ report: index, chats, alerts: alerts.length, seeded: !previous }, 'import alerts enqueued');
    return { report: index, chats, alerts: alerts.length, skipped: false };
  };

  return {
    /** the importer's onImported hook */
    async onImported(result: ImportResult): Promise<void> {
      if (!result.stored) return;
      // The stored report's own place in the history (the newest with this file hash), not simply the
      // last one: another import may have been stored while this one was being handled.
      const history = reports.history();
      let index = history.length - 1;
      while (index > 0 && history[index]!.source.sha256 !== result.report.source.sha256) index -= 1;
      await fanOut(index, result.report, result.previous, result.report.source.sha256);
    },
    /**
     * At start-up: when the current report has no fan-out record (the process
     * died between storing it and enqueuing, or `npm run import` ran while the
     * bot was stopped), compute its alerts now. Only the newest report: older
     * differences are history, not news.
     */
    async recover(): Promise<FanOutResult | undefined> {
      const history = reports.history();
      const index = history.length - 1;
      const current = history[index];
      if (!current) return undefined;
      return fanOut(index, current, history[index - 1], current.source.sha256);
    },
  };
};

export type AlertFanOut = ReturnType<typeof createAlertFanOut>;
