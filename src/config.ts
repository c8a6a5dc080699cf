import { z } from 'zod';
import { CONFIG_WORDS as W } from './wording/config';

/**
 * Start-up configuration, read once by the composition root (src/main.ts) from
 * the environment (after dotenv). Every variable is documented in .env.example.
 *
 * `createConfig(process.env)` returns a frozen object or throws a ConfigError
 * whose message names the variable at fault. The message never repeats a value
 * that could be secret (BOT_TOKEN, WEBHOOK_SECRET): a malformed token is
 * described, not echoed.
 *
 * @example
 *   const config = createConfig({ BOT_TOKEN: '123456:ABC…', ADMIN_IDS: '1,2' });
 *   config.adminIds; // [1, 2]
 */

/** Telegram bot tokens look like `123456789:AA…` (digits, a colon, 30+ of [A-Za-z0-9_-]). */
export const BOT_TOKEN_PATTERN = /^\d{3,}:[A-Za-z0-9_-]{30,}$/;

/** Telegram's rule for setWebhook's secret_token: 1–256 of A-Z a-z 0-9 _ -. */
const WEBHOOK_SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Empty strings count as unset: `.env.example` copied as-is leaves `BOT_TOKEN=`. */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const idList = (name: string) =>
  optionalText.transform((value, ctx): number[] => {
    if (value === undefined) return [];
    const ids: number[] = [];
    for (const part of value.split(',')) {
      const item = part.trim();
      if (item === '') continue;
      // Chat ids of groups are negative (-100…); user ids are positive. Both are integers.
      if (!/^-?\d{1,20}$/.test(item) || !Number.isSafeInteger(Number(item))) {
        ctx.addIssue({ code: 'custom', message: W.idList(name, item) });
        return z.NEVER;
      }
      ids.push(Number(item));
    }
    return ids;
  });

const intIn = (name: string, min: number, max: number, fallback: number) =>
  optionalText.transform((value, ctx): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: W.wholeNumber(name, min, max, value) });
      return z.NEVER;
    }
    return n;
  });

const schema = z
  .object({
    BOT_TOKEN: optionalText.refine((v) => v === undefined || BOT_TOKEN_PATTERN.test(v), {
      // Never include the value: a half-pasted token is still a secret.
      message: W.botToken,
    }),
    TELEGRAM_API_ROOT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s/]+/.test(v), {
      message: W.apiRoot,
    }),
    WEBHOOK_URL: optionalText.refine((v) => v === undefined || isHttpsUrl(v), {
      message: W.webhookUrl,
    }),
    PORT: intIn('PORT', 1, 65535, 8080),
    WEBHOOK_SECRET: optionalText.refine((v) => v === undefined || WEBHOOK_SECRET_PATTERN.test(v), {
      message: W.webhookSecret,
    }),
    ADMIN_IDS: idList('ADMIN_IDS'),
    ALLOWED_CHAT_IDS: idList('ALLOWED_CHAT_IDS'),
    DB_PATH: optionalText.transform((v) => v ?? 'data/db.json'),
    // Never echoed: the URL holds the database password.
    DATABASE_URL: optionalText.refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: W.databaseUrl,
    }),
    DATA_FILE: optionalText.transform((v) => v ?? 'data/heze-2022-q3.tsv'),
    LOG_LEVEL: optionalText.transform((v, ctx) => {
      const level = (v ?? 'info').toLowerCase();
      if (!(LOG_LEVELS as readonly string[]).includes(level)) {
        ctx.addIssue({ code: 'custom', message: W.logLevel(LOG_LEVELS, v) });
        return z.NEVER;
      }
      return level as (typeof LOG_LEVELS)[number];
    }),
    BOT_TIMEZONE: optionalText.transform((v, ctx) => {
      const zone = v ?? 'Asia/Shanghai';
      if (!isTimeZone(zone)) {
        ctx.addIssue({ code: 'custom', message: W.timeZone(zone) });
        return z.NEVER;
      }
      return zone;
    }),
    REMIND_DAYS: intIn('REMIND_DAYS', 0, 3650, 14),
    UNIT_REMIND_WEEKDAY: intIn('UNIT_REMIND_WEEKDAY', 0, 7, 0),
    UNIT_REMIND_BEFORE_DAYS: intIn('UNIT_REMIND_BEFORE_DAYS', 0, 365, 0),
    WEBAPP_URL: optionalText.refine((v) => v === undefined || (isHttpsUrl(v) && !new URL(v).search && !new URL(v).hash), {
      message: W.webappUrl,
    }),
    // no default here: unset means "share the webhook's server" in webhook mode, 8080 otherwise
    WEB_PORT: intIn('WEB_PORT', 1, 65535, 0),
    WEBLINK_DAYS: intIn('WEBLINK_DAYS', 1, 365, 7),
    CONVERSATION_MINUTES: intIn('CONVERSATION_MINUTES', 1, 1440, 30),
  })
  .superRefine((env, ctx) => {
    // A webhook without a secret would accept forged updates from anyone who guesses the path.
    if (env.WEBHOOK_URL !== undefined && env.WEBHOOK_SECRET === undefined) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: W.requiredWith('WEBHOOK_SECRET', 'WEBHOOK_URL') });
    }
    if (env.WEBHOOK_URL !== undefined && env.BOT_TOKEN === undefined) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: W.requiredWith('BOT_TOKEN', 'WEBHOOK_URL') });
    }
    // the page's API checks Telegram's signature with the bot token
    if (env.WEBAPP_URL !== undefined && env.BOT_TOKEN === undefined) {
      ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: W.requiredWith('BOT_TOKEN', 'WEBAPP_URL') });
    }
  });

export interface Config {
  /** undefined → no Telegram: src/app.ts opens the local console instead */
  botToken: string | undefined;
  /** another Bot API server (self-hosted, or the fake one in tests); undefined → api.telegram.org */
  telegramApiRoot: string | undefined;
  /** set → webhook mode on `port`, checking `webhookSecret`; unset → long polling */
  webhook: { url: string; port: number; secret: string } | undefined;
  adminIds: readonly number[];
  /** empty → every chat may use the bot */
  allowedChatIds: readonly number[];
  dbPath: string;
  /** set → PostgreSQL instead of the lowdb files at dbPath (several replicas may share it) */
  databaseUrl: string | undefined;
  dataFile: string;
  logLevel: (typeof LOG_LEVELS)[number];
  timezone: string;
  remindDays: number;
  /**
   * Scheduled reminders (催办) to the units' bound chats, at DIGEST_TIME: `weekday` 1–7 (Monday–Sunday)
   * sends every lagging target's units a reminder that day each week, 0 never; `beforeDays` N > 0
   * reminds units of their unfinished targets due in exactly N days, 0 never.
   */
  unitReminders: { weekday: number; beforeDays: number };
  /** a conversation quiet this long is forgotten: the next message starts afresh (follow-ups read nothing older) */
  conversationMinutes: number;
  /** set (WEBAPP_URL) → the dashboard page and its API are served, and the bot offers them */
  webapp: WebAppConfig | undefined;
}

export interface WebAppConfig {
  /** the public address of the page, ending in "/" (what web_app buttons open) */
  url: string;
  /** its path, ending in "/": the page and the API are served under it */
  basePath: string;
  /** WEB_PORT; undefined in webhook mode when WEB_PORT is unset or equal to PORT: the webhook's server serves the page too */
  port: number | undefined;
  /** how long a /weblink sign-in link works */
  weblinkDays: number;
}

/** Validates `env` and returns a frozen Config; throws ConfigError naming every bad variable. */
export const createConfig = (env: Record<string, string | undefined>): Readonly<Config> => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    // Our messages start with the variable name; zod's own (e.g. "expected string", English) are replaced.
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      return issue.message.startsWith(`${name}：`) ? issue.message : W.unreadable(name);
    });
    throw new ConfigError(W.invalid([...new Set(lines)]));
  }
  const e = parsed.data;
  return Object.freeze({
    botToken: e.BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT === undefined ? undefined : withTrailingSlash(e.TELEGRAM_API_ROOT),
    webhook: e.WEBHOOK_URL !== undefined && e.WEBHOOK_SECRET !== undefined ? Object.freeze({ url: e.WEBHOOK_URL, port: e.PORT, secret: e.WEBHOOK_SECRET }) : undefined,
    adminIds: Object.freeze([...e.ADMIN_IDS]),
    allowedChatIds: Object.freeze([...e.ALLOWED_CHAT_IDS]),
    dbPath: e.DB_PATH,
    databaseUrl: e.DATABASE_URL,
    dataFile: e.DATA_FILE,
    logLevel: e.LOG_LEVEL,
    timezone: e.BOT_TIMEZONE,
    remindDays: e.REMIND_DAYS,
    unitReminders: Object.freeze({ weekday: e.UNIT_REMIND_WEEKDAY, beforeDays: e.UNIT_REMIND_BEFORE_DAYS }),
    conversationMinutes: e.CONVERSATION_MINUTES,
    webapp: e.WEBAPP_URL === undefined ? undefined : webAppConfig(e.WEBAPP_URL, e.WEB_PORT, e.WEBHOOK_URL === undefined ? undefined : e.PORT, e.WEBLINK_DAYS),
  });
};

/** The default WEB_PORT when the page has a server of its own. */
const DEFAULT_WEB_PORT = 8080;

function webAppConfig(rawUrl: string, webPort: number, webhookPort: number | undefined, weblinkDays: number): Readonly<WebAppConfig> {
  const url = new URL(rawUrl);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const shares = webhookPort !== undefined && (webPort === 0 || webPort === webhookPort);
  return Object.freeze({ url: url.href, basePath: url.pathname, port: shares ? undefined : webPort || DEFAULT_WEB_PORT, weblinkDays });
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * telegraf resolves `./bot<token>/<method>` against the API root as a URL, so a root with a
 * path (a proxy at https://host/telegram) must end in "/" or the path is dropped.
 */
function withTrailingSlash(root: string): string {
  return root.endsWith('/') ? root : `${root}/`;
}
