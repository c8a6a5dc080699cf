import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Telegram Mini App launch data (`tgWebAppData`, the query string Telegram puts in the
 * page's URL fragment), checked exactly as Telegram documents it:
 *
 *   data_check_string = every field but `hash`, as `key=value`, sorted by key, joined by "\n"
 *   secret_key        = HMAC-SHA-256(key = "WebAppData", message = bot token)
 *   hash              = hex(HMAC-SHA-256(key = secret_key, message = data_check_string))
 *
 * Values are compared URL-decoded (URLSearchParams does that). `auth_date` bounds how old
 * a launch may be: init data leaks into browser history and screenshots, so an old one
 * must not open the data for ever.
 */
export interface WebAppUser {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type InitDataCheck = { ok: true; user: WebAppUser; authDate: number } | { ok: false; reason: 'missing' | 'malformed' | 'bad-hash' | 'expired' | 'no-user' };

export interface InitDataOptions {
  /** seconds; Telegram suggests checking it, we refuse launches older than a day by default */
  maxAgeSeconds: number;
  /** unix seconds, for tests */
  now?: number;
}

/** Clocks drift: an `auth_date` a little in the future is tolerated, more is a forgery. */
const FUTURE_SKEW_SECONDS = 300;

const secretKeyOf = (botToken: string): Buffer => createHmac('sha256', 'WebAppData').update(botToken).digest();

const dataCheckString = (params: URLSearchParams): string =>
  [...params.entries()]
    .filter(([key]) => key !== 'hash')
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n');

const hashOf = (params: URLSearchParams, botToken: string): string => createHmac('sha256', secretKeyOf(botToken)).update(dataCheckString(params)).digest('hex');

/**
 * Checks a launch's init data against the bot token; returns the user it was signed for.
 *
 * @example verifyInitData(initData, config.botToken, { maxAgeSeconds: 86_400 }) → { ok: true, user: { id: 1001, … }, authDate }
 */
export const verifyInitData = (initData: string | undefined, botToken: string, options: InitDataOptions): InitDataCheck => {
  if (!initData) return { ok: false, reason: 'missing' };
  const params = new URLSearchParams(initData);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash) || params.getAll('hash').length !== 1) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(hashOf(params, botToken), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) return { ok: false, reason: 'bad-hash' };
  const authDate = Number(params.get('auth_date'));
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(authDate) || authDate > now + FUTURE_SKEW_SECONDS || now - authDate > options.maxAgeSeconds) return { ok: false, reason: 'expired' };
  let user: unknown;
  try {
    user = JSON.parse(params.get('user') ?? 'null');
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof user !== 'object' || user === null || !Number.isSafeInteger((user as WebAppUser).id)) return { ok: false, reason: 'no-user' };
  return { ok: true, user: user as WebAppUser, authDate };
};

/**
 * Signs launch data as Telegram would: for the browser tests and the benchmark, which open
 * the page the way Telegram's client does. Never used to authenticate anyone.
 */
export const signInitData = (fields: { user: WebAppUser; authDate: number; queryId?: string }, botToken: string): string => {
  const params = new URLSearchParams();
  if (fields.queryId) params.set('query_id', fields.queryId);
  params.set('user', JSON.stringify(fields.user));
  params.set('auth_date', String(fields.authDate));
  params.set('hash', hashOf(params, botToken));
  return params.toString();
};
