import { Cron } from 'croner';
import type { Logger } from '../logger';
import type { Report } from '../model';
import { composeScheduledDigest, type ComposeLimits, type DigestReply } from './compose';
import type { FilterMatcher } from './filters';
import type { OutboxStore, SubscriptionStore } from '../store/ports';
import type { NewAlert } from '../store/types';
import { localDate, localWeekday } from './quiet';
import { yellowUnder } from './yellow';
import { assessReport, type ReportAssessment } from '../progress/light';

export interface DigestSchedulerDeps {
  subscriptions: Pick<SubscriptionStore, 'chats' | 'list'>;
  outbox: Pick<OutboxStore, 'enqueue'>;
  /** the current report, read at run time (an import swaps it) */
  currentReport: () => Promise<Report | undefined>;
  matcher: FilterMatcher;
  limits: ComposeLimits;
  /** BOT_TIMEZONE: the digest time and "today" are local to it */
  timezone: string;
  /** REMIND_DAYS: lagging targets due within this many days are called out */
  remindDays: number;
  /** local 'HH:MM' */
  digestTime: string;
  /** 0 = Sunday … 6 = Saturday */
  weeklyDay: number;
  logger: Logger;
  /** the units' replies (反馈) made since `since`, oldest first: news in the digests of chats whose targets they are about */
  repliesSince?: (since: Date) => Promise<readonly DigestReply[]>;
  /** the clock runDue() reads when not given a time; injectable for tests */
  now?: () => Date;
}

/** croner's pattern for a local 'HH:MM' every day (seconds field first). */
export const digestPattern = (digestTime: string): string => {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(digestTime);
  if (!m) throw new Error(`digest time: expected HH:MM (e.g. 09:00), got "${digestTime}"`);
  return `0 ${Number(m[2])} ${Number(m[1])} * * *`;
};

/**
 * Sends `/digest daily|weekly` chats their lagging targets (and, with /yellow on,
 * their yellow ones) once a day (weekly ones on `weeklyDay`) at `digestTime` in BOT_TIMEZONE, through the outbox.
 * Alert ids carry the local date, so a second run on the same day (a restart,
 * a manual run) enqueues nothing new.
 */
export const createDigestScheduler = (deps: DigestSchedulerDeps) => {
  const now = deps.now ?? (() => new Date());
  const pattern = digestPattern(deps.digestTime);
  let job: Cron | undefined;

  const runDue = async (at: Date = now()): Promise<{ chats: number; alerts: number }> => {
    const report = await deps.currentReport();
    if (!report) return { chats: 0, alerts: 0 };
    const today = localDate(at, deps.timezone);
    const isWeeklyDay = localWeekday(at, deps.timezone) === deps.weeklyDay;
    const alerts: NewAlert[] = [];
    let chats = 0;
    // The lights once per run, and only when an opted-in chat needs them.
    let assessed: ReportAssessment | undefined;
    // Replies since each kind's last digest: a day for daily chats, a week for weekly ones.
    const recent = async (days: number): Promise<readonly DigestReply[]> => (deps.repliesSince ? deps.repliesSince(new Date(at.getTime() - days * 86_400_000)) : []);
    const replies = { daily: await recent(1), weekly: isWeeklyDay ? await recent(7) : [] };
    for (const chat of await deps.subscriptions.chats()) {
      if (!chat.active || chat.digest === 'off' || (chat.digest === 'weekly' && !isWeeklyDay)) continue;
      const filters = (await deps.subscriptions.list(chat.chatId)).filter((s) => s.active).map((s) => s.filter);
      const yellow = chat.yellow ? { yellow: yellowUnder((assessed ??= assessReport(report)), report, filters, deps.matcher) } : {};
      const parts = composeScheduledDigest({
        report,
        filters,
        matcher: deps.matcher,
        limits: deps.limits,
        today,
        remindDays: deps.remindDays,
        kind: chat.digest,
        ...yellow,
        replies: replies[chat.digest],
      });
      chats += 1;
      parts.forEach((text, i) => alerts.push({ id: `dig:${today}:${chat.chatId}:${i + 1}`, chatId: chat.chatId, text }));
    }
    const added = await deps.outbox.enqueue(alerts);
    deps.logger.info({ today, chats, alerts: added.length }, 'scheduled digests enqueued');
    return { chats, alerts: added.length };
  };

  return {
    pattern,
    runDue,
    /** the next time the digest runs after `from` (default now), or null */
    nextRun: (from: Date = now()): Date | null => new Cron(pattern, { timezone: deps.timezone, paused: true }).nextRun(from),
    start(): void {
      job ??= new Cron(pattern, { timezone: deps.timezone, protect: true, catch: (error) => deps.logger.error({ err: error }, 'digest run failed') }, async () => {
        await runDue();
      });
    },
    stop(): void {
      job?.stop();
      job = undefined;
    },
  };
};

export type DigestScheduler = ReturnType<typeof createDigestScheduler>;
