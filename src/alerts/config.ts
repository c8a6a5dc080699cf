/**
 * Alert delivery defaults in one frozen object, merged once by each factory.
 * Telegram's documented limits are ~30 messages/s overall, ~1/s per chat and
 * 20/min per group; we stay below them so that bursts from other features
 * (replies to users) still fit.
 */
export interface AlertLimits {
  /** messages per second across all chats */
  globalPerSecond: number;
  /** minimum gap between two messages to one chat, ms */
  perChatIntervalMs: number;
  /** messages per minute to one group or supergroup */
  perGroupPerMinute: number;
  /** sends in flight at once (one per chat at most) */
  concurrency: number;
}

export interface RetryPolicy {
  /** first wait after a 5xx or network error, ms; doubles each attempt */
  backoffBaseMs: number;
  /** longest wait between attempts, ms */
  backoffCapMs: number;
  /** attempts (5xx, network, leftover 429) before an alert is given up as failed */
  maxAttempts: number;
  /** longest pause we accept from a 429's retry_after, seconds */
  maxRetryAfterSeconds: number;
}

export interface AlertSettings extends AlertLimits, RetryPolicy {
  /** UTF-16 units per message; Telegram allows 4096, we keep room for the part header */
  maxMessageUnits: number;
  /** targets per digest message before it is split into parts */
  targetsPerPart: number;
  /** sent and failed alerts are kept this long as a delivery record, then pruned */
  keepDays: number;
  /** local time of the scheduled digest, 'HH:MM' */
  digestTime: string;
  /** weekday of the weekly digest, 1 = Monday (croner's day-of-week) */
  weeklyDay: number;
  /** how often the journal is folded into the lowdb file, ms */
  compactEveryMs: number;
}

export const ALERT_DEFAULTS: Readonly<AlertSettings> = Object.freeze({
  globalPerSecond: 25,
  perChatIntervalMs: 1000,
  perGroupPerMinute: 20,
  concurrency: 25,
  backoffBaseMs: 1000,
  backoffCapMs: 5 * 60_000,
  maxAttempts: 20,
  maxRetryAfterSeconds: 300,
  maxMessageUnits: 4000,
  targetsPerPart: 15,
  keepDays: 30,
  digestTime: '09:00',
  weeklyDay: 1,
  compactEveryMs: 2000,
});

export const alertSettings = (overrides: Partial<AlertSettings> = {}): Readonly<AlertSettings> =>
  Object.freeze({ ...ALERT_DEFAULTS, ...overrides });
