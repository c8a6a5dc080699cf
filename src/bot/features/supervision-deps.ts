import type { Context } from 'telegraf';
import type { Query } from '../../qa/answer';
import type { OutboxStore, SettingsStore, SupervisionStore } from '../../store/ports';
import type { SUPERVISION_DEFAULTS } from '../../supervision/plan';

/**
 * What the supervision features (/bind, /remind, 反馈, /feedback) need beyond BotDeps,
 * passed in by the composition root.
 */
export interface SupervisionDeps {
  store: SupervisionStore;
  /** reminders go through the alerts' outbox: the same worker, rate limits, retries and crash safety */
  outbox: Pick<OutboxStore, 'enqueue'>;
  /** the store's id of the current report: the period replies and reminders belong to */
  currentReportId(): Promise<number | undefined>;
  /** reminder previews waiting for their confirm button, on whatever replica it lands */
  state: SettingsStore;
  /** the question engine's parser over the current report (engine.understand) */
  understand(text: string): Query;
  /** BOT_TIMEZONE */
  timezone: string;
  settings: Readonly<typeof SUPERVISION_DEFAULTS>;
  /** UNIT_REMIND_WEEKDAY and UNIT_REMIND_BEFORE_DAYS: what a chat without its own /remindset follows */
  remindDefaults: Readonly<{ weekday: number; beforeDays: number }>;
  now?: () => Date;
}

/** A person as replies and the admin's messages name them. */
export const personOf = (ctx: Context): string => {
  const from = ctx.from;
  if (!from) return '';
  return [from.first_name, from.last_name].filter(Boolean).join(' ') || (from.username ? `@${from.username}` : String(from.id));
};

/** A chat as the admin's buttons name it: a group's title, or the person in a private chat. */
export const chatTitleOf = (ctx: Context): string => {
  const chat = ctx.chat;
  return chat && 'title' in chat && chat.title ? chat.title : personOf(ctx);
};

/**
 * The unit a name stands for in the current table: a unit renamed since a binding was made
 * resolves through its old name as in questions; a name the table no longer knows stays as it is.
 */
export const currentUnitName =
  (understand: (text: string) => Query) =>
  (unit: string): string => {
    const units = understand(unit).units ?? [];
    return units.length === 1 ? units[0]! : unit;
  };
