import { ConfigError } from '../config';
import { CONFIG_WORDS as W } from '../wording/config';

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
  /** longest /subscribe argument (a keyword, a unit or a leader), characters */
  maxKeywordChars: number;
  /** subscriptions one chat may hold */
  maxSubscriptionsPerChat: number;
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
  maxKeywordChars: 50,
  maxSubscriptionsPerChat: 50,
});

export const alertSettings = (overrides: Partial<AlertSettings> = {}): Readonly<AlertSettings> => Object.freeze({ ...ALERT_DEFAULTS, ...overrides });

/** Environment variables that override the delivery limits and the digest time (all optional). */
export const ALERT_ENV = Object.freeze({
  ALERT_RATE_PER_SECOND: 'globalPerSecond',
  ALERT_CHAT_INTERVAL_MS: 'perChatIntervalMs',
  ALERT_GROUP_PER_MINUTE: 'perGroupPerMinute',
  DIGEST_TIME: 'digestTime',
  SUBSCRIBE_KEYWORD_MAX_CHARS: 'maxKeywordChars',
  SUBSCRIPTIONS_PER_CHAT: 'maxSubscriptionsPerChat',
} as const);

const RANGES: Record<Exclude<(typeof ALERT_ENV)[keyof typeof ALERT_ENV], 'digestTime'>, [number, number]> = {
  // above Telegram's ~30/s the bot gets 429s instead of speed
  globalPerSecond: [1, 30],
  perChatIntervalMs: [0, 60_000],
  perGroupPerMinute: [1, 20],
  // every alert header names the chat's filters; both stay small so a header stays a header
  maxKeywordChars: [1, 100],
  maxSubscriptionsPerChat: [1, 200],
};

/**
 * Reads ALERT_RATE_PER_SECOND, ALERT_CHAT_INTERVAL_MS, ALERT_GROUP_PER_MINUTE,
 * DIGEST_TIME (HH:MM, BOT_TIMEZONE), SUBSCRIBE_KEYWORD_MAX_CHARS and SUBSCRIPTIONS_PER_CHAT over the defaults; throws a ConfigError naming
 * every bad variable and its allowed range.
 */
export const alertSettingsFromEnv = (env: Record<string, string | undefined>): Readonly<AlertSettings> => {
  const overrides: Partial<Record<keyof AlertSettings, number | string>> = {};
  const problems: string[] = [];
  for (const [name, key] of Object.entries(ALERT_ENV)) {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (key === 'digestTime') {
      if (/^([01]?\d|2[0-3]):[0-5]\d$/.test(raw)) overrides.digestTime = raw;
      else problems.push(W.localTime(name, raw));
      continue;
    }
    const [min, max] = RANGES[key];
    const n = Number(raw);
    if (/^\d+$/.test(raw) && n >= min && n <= max) overrides[key] = n;
    else problems.push(W.wholeNumber(name, min, max, raw));
  }
  if (problems.length > 0) throw new ConfigError(W.invalid(problems));
  return alertSettings(overrides as Partial<AlertSettings>);
};
