import type { SupervisionStore } from '../store/ports';
import type { FeedbackReply, Reminder } from '../store/types';

/** Where one unit stands in one period: reminded when and how often, which of its reminded targets it answered. */
export interface UnitStatus {
  unit: string;
  /** the latest reminder's time */
  reminded: string;
  times: number;
  /** every target it was reminded of, in first-reminded order */
  targets: string[];
  replied: string[];
  missing: string[];
  /** the latest reminder is older than `dueDays` and something is still missing */
  overdue: boolean;
}

/**
 * The overview of one period (/feedback, 哪些单位还没反馈): per reminded unit, from the period's
 * reminders and replies. A reply counts for the unit that sent it and the target it names.
 */
export const unitStatuses = (reminders: readonly Pick<Reminder, 'unit' | 'targets' | 'at'>[], replies: readonly Pick<FeedbackReply, 'unit' | 'target'>[], now: Date, dueDays: number): UnitStatus[] => {
  const byUnit = new Map<string, { reminded: string; times: number; targets: string[] }>();
  for (const r of reminders) {
    const s = byUnit.get(r.unit) ?? { reminded: r.at, times: 0, targets: [] };
    s.times += 1;
    if (r.at > s.reminded) s.reminded = r.at;
    for (const t of r.targets) if (!s.targets.includes(t)) s.targets.push(t);
    byUnit.set(r.unit, s);
  }
  return [...byUnit].map(([unit, s]) => {
    const answered = new Set(replies.filter((r) => r.unit === unit).map((r) => r.target));
    const replied = s.targets.filter((t) => answered.has(t));
    const missing = s.targets.filter((t) => !answered.has(t));
    const overdue = missing.length > 0 && now.getTime() - Date.parse(s.reminded) > dueDays * 86_400_000;
    return { unit, reminded: s.reminded, times: s.times, targets: s.targets, replied, missing, overdue };
  });
};

/** The newest reply about a target (any unit), or undefined. */
export const latestReply = (replies: readonly FeedbackReply[], target: string): FeedbackReply | undefined =>
  replies.filter((r) => r.target === target).reduce<FeedbackReply | undefined>((best, r) => (!best || r.at >= best.at ? r : best), undefined);

/** One period's records and where each reminded unit stands; empty before the first report. */
export const periodStatus = async (
  store: Pick<SupervisionStore, 'reminders' | 'replies'>,
  reportId: number | undefined,
  now: Date,
  dueDays: number,
): Promise<{ reminders: Reminder[]; replies: FeedbackReply[]; statuses: UnitStatus[] }> => {
  if (reportId === undefined) return { reminders: [], replies: [], statuses: [] };
  const [reminders, replies] = await Promise.all([store.reminders(reportId), store.replies(reportId)]);
  return { reminders, replies, statuses: unitStatuses(reminders, replies, now, dueDays) };
};
