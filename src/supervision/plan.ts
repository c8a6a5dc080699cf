import { isLagging, unitsOf, type Target } from '../model';
import type { Answer } from '../qa/answer';
import type { AlertButton, Binding, NewAlert, Reminder } from '../store/types';

/**
 * Who gets which reminder (催办): each target's responsible units (牵头 and 配合: a target with two
 * units reaches both), narrowed to the units a question named; each unit's approved chats get one
 * message listing the unit's own targets, each with a 反馈 button.
 */
export interface UnitReminder {
  unit: string;
  targets: Target[];
  chatIds: number[];
}

export interface ReminderPlan {
  /** every target selected, in the answer's order */
  targets: Target[];
  /** units with at least one approved chat, in order of their first target */
  units: UnitReminder[];
  /** responsible units without an approved chat: they cannot be reminded */
  unbound: string[];
}

export const SUPERVISION_DEFAULTS = Object.freeze({
  /** targets per reminder message: ten 反馈 buttons and lines stay far inside 4096 characters and Telegram's button limit */
  targetsPerMessage: 10,
  /** the longest reply a unit may send, characters */
  maxReplyChars: 1000,
  /** the largest file a reply may carry, bytes (what getFile could later fetch) */
  maxReplyFileBytes: 20 * 1024 * 1024,
  /** a reminded unit that has not replied to everything after this many days is overdue */
  dueDays: 3,
  /** how long a tapped 反馈 waits for the reply, ms */
  awaitMs: 24 * 3600_000,
});

/**
 * The targets of an answer a reminder is about: those needing attention (red or yellow), unless
 * the question itself chose a status or a light (/remind 已完成的 is taken at its word).
 */
export const targetsToRemind = (answer: Answer): Target[] => {
  if (answer.kind !== 'list' && answer.kind !== 'search' && answer.kind !== 'item') return [];
  const q = answer.query;
  const chosen = q.status !== undefined || q.stage !== undefined || q.light !== undefined || q.risk === true;
  return answer.hits.filter((h) => chosen || (h.assessment ? h.assessment.light !== 'green' : isLagging(h.target))).map((h) => h.target);
};

/**
 * `currentName` maps a binding's unit to the name the current table uses (an old name of a renamed
 * unit resolves as in questions), so a binding made last quarter still counts.
 */
export const planReminders = (input: {
  targets: readonly Target[];
  /** the units a question named (/remind 工信局): only they are reminded */
  onlyUnits?: readonly string[] | undefined;
  bindings: readonly Binding[];
  currentName: (unit: string) => string;
}): ReminderPlan => {
  const chatsOf = new Map<string, number[]>();
  for (const b of input.bindings) {
    if (b.state !== 'approved') continue;
    const unit = input.currentName(b.unit);
    const list = chatsOf.get(unit) ?? [];
    if (!list.includes(b.chatId)) list.push(b.chatId);
    chatsOf.set(unit, list);
  }
  const only = input.onlyUnits?.length ? new Set(input.onlyUnits) : undefined;
  const byUnit = new Map<string, Target[]>();
  for (const target of input.targets) {
    for (const unit of unitsOf(target)) {
      if (only && !only.has(unit)) continue;
      const list = byUnit.get(unit) ?? [];
      list.push(target);
      byUnit.set(unit, list);
    }
  }
  const units: UnitReminder[] = [];
  const unbound: string[] = [];
  for (const [unit, targets] of byUnit) {
    const chatIds = chatsOf.get(unit);
    if (chatIds?.length) units.push({ unit, targets, chatIds });
    else unbound.push(unit);
  }
  return { targets: [...input.targets], units, unbound };
};

export interface ReminderWords {
  header(unit: string, count: number, part: number, parts: number): string;
  line(target: Target): string;
  button(target: Target): AlertButton;
}

/**
 * The outbox messages and the records of one confirmed batch. Ids are deterministic
 * (`rem:<batch>:<chat>:<unit#>:<part>`), so enqueuing the same batch twice adds nothing.
 */
export const composeReminders = (
  plan: ReminderPlan,
  options: { batch: string; reportId: number; by: number; at: string; words: ReminderWords; targetsPerMessage?: number },
): { alerts: NewAlert[]; reminders: Reminder[] } => {
  const size = options.targetsPerMessage ?? SUPERVISION_DEFAULTS.targetsPerMessage;
  const alerts: NewAlert[] = [];
  const reminders: Reminder[] = [];
  plan.units.forEach((u, unitNo) => {
    const parts: Target[][] = [];
    for (let i = 0; i < u.targets.length; i += size) parts.push(u.targets.slice(i, i + size));
    for (const chatId of u.chatIds) {
      parts.forEach((part, i) => {
        alerts.push({
          id: `rem:${options.batch}:${chatId}:${unitNo}:${i + 1}`,
          chatId,
          text: [options.words.header(u.unit, u.targets.length, i + 1, parts.length), ...part.map(options.words.line)].join('\n'),
          buttons: part.map((t) => [options.words.button(t)]),
        });
      });
    }
    reminders.push({ id: `${options.batch}:${unitNo}`, reportId: options.reportId, unit: u.unit, targets: u.targets.map((t) => t.id), chatIds: u.chatIds, by: options.by, at: options.at });
  });
  return { alerts, reminders };
};
