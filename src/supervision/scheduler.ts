import { Cron } from 'croner';
import { digestPattern } from '../alerts/digest-scheduler';
import { localDate, localWeekday } from '../alerts/quiet';
import type { Logger } from '../logger';
import { isLagging, targetStatus, type Report, type Target } from '../model';
import { assessReport, type Light } from '../progress/light';
import type { OutboxStore, SupervisionStore } from '../store/ports';
import type { Binding, StoredReport } from '../store/types';
import { effectiveSchedule, type ChatRemindSchedule } from './chat-schedule';
import { composeReminders, planReminders, type ReminderWords } from './plan';

export interface ReminderSchedulerDeps {
  store: Pick<SupervisionStore, 'bindings' | 'recordReminders'>;
  outbox: Pick<OutboxStore, 'enqueue'>;
  /** the current report, read at run time (an import swaps it) */
  current: () => Promise<StoredReport | undefined>;
  /** a binding's unit as the current table names it (renamed units resolve as in questions) */
  currentName: (unit: string) => string;
  /** the reminder's words and 反馈 buttons (the bot's callback data), as /remind writes them */
  words: (report: Report, reportId: number, lights: ReadonlyMap<string, Light>) => ReminderWords;
  /** BOT_TIMEZONE */
  timezone: string;
  /** DIGEST_TIME, local HH:MM: reminders go out with the digests */
  digestTime: string;
  /** 1–7 (Monday–Sunday): the day lagging targets' units are reminded each week; 0 never */
  weekday: number;
  /** N > 0: units are reminded of their unfinished targets due in exactly N days; 0 never */
  beforeDays: number;
  /** the chats' own schedules (/remindset), which replace weekday and beforeDays for that chat */
  chatSchedules: () => Promise<ReadonlyMap<number, ChatRemindSchedule>>;
  targetsPerMessage: number;
  logger: Logger;
  now?: () => Date;
}

/** YYYY-MM-DD plus `days`. */
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Scheduled reminders (催办) to the units' bound chats: weekly for the lagging targets, and N days
 * before a deadline for the targets not done, at DIGEST_TIME, through the outbox like /remind's.
 * The batch ids carry the local date (`wk2022-10-10`, `due2022-10-10`), so a second run that day (a
 * restart, another replica taking over) enqueues and records nothing new. A chat's own schedule
 * (/remindset) replaces the global days for that chat: each chat is in the batches its days ask for.
 */
export const createReminderScheduler = (deps: ReminderSchedulerDeps) => {
  const now = deps.now ?? (() => new Date());
  let job: Cron | undefined;

  const runDue = async (at: Date = now()): Promise<{ batches: number; alerts: number }> => {
    const report = await deps.current();
    if (!report) return { batches: 0, alerts: 0 };
    const today = localDate(at, deps.timezone);
    // localWeekday: 0 = Sunday; the setting: 7 = Sunday
    const weekday = localWeekday(at, deps.timezone) || 7;
    const bindings = await deps.store.bindings();
    const own = await deps.chatSchedules();
    const global = { weekday: deps.weekday, beforeDays: deps.beforeDays };
    const scheduleOf = (chatId: number) => effectiveSchedule(global, own.get(chatId));
    const due: { batch: string; targets: Target[]; bindings: Binding[] }[] = [];
    const weekly = bindings.filter((b) => scheduleOf(b.chatId).weekday === weekday);
    if (weekly.length > 0) due.push({ batch: `wk${today}`, targets: report.targets.filter(isLagging), bindings: weekly });
    for (const days of new Set(bindings.map((b) => scheduleOf(b.chatId).beforeDays).filter((d) => d > 0))) {
      const date = addDays(today, days);
      // the days in the batch id: chats with different days are different batches, each once a day
      due.push({
        batch: `due${today}+${days}`,
        targets: report.targets.filter((t) => t.deadline.kind === 'date' && t.deadline.date === date && targetStatus(t) !== 'done'),
        bindings: bindings.filter((b) => scheduleOf(b.chatId).beforeDays === days),
      });
    }
    if (due.every((d) => d.targets.length === 0)) return { batches: 0, alerts: 0 };
    const lights = new Map(assessReport(report).items.map((i) => [i.target.id, i.assessment.light]));
    let alerts = 0;
    let batches = 0;
    for (const { batch, targets, bindings } of due) {
      if (targets.length === 0) continue;
      const plan = planReminders({ targets, bindings, currentName: deps.currentName });
      if (plan.units.length === 0) continue;
      const composed = composeReminders(plan, { batch, reportId: report.id, by: 0, at: at.toISOString(), words: deps.words(report, report.id, lights), targetsPerMessage: deps.targetsPerMessage });
      alerts += (await deps.outbox.enqueue(composed.alerts)).length;
      await deps.store.recordReminders(composed.reminders);
      batches += 1;
    }
    deps.logger.info({ today, batches, alerts }, 'scheduled reminders enqueued');
    return { batches, alerts };
  };

  return {
    runDue,
    start(): void {
      // always: a chat may have its own schedule (/remindset) while the global one is off
      job ??= new Cron(digestPattern(deps.digestTime), { timezone: deps.timezone, protect: true, catch: (error) => deps.logger.error({ err: error }, 'scheduled reminders failed') }, async () => {
        await runDue();
      });
    },
    stop(): void {
      job?.stop();
      job = undefined;
    },
  };
};

export type ReminderScheduler = ReturnType<typeof createReminderScheduler>;
