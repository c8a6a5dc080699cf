import { TelegramError } from 'telegraf';

/**
 * What went wrong with one Bot API call, in the terms a caller acts on:
 * - `rate-limited` (429): wait `retryAfter` seconds and send the same call again;
 * - `forbidden` (403, or 400 "chat not found"): the user blocked the bot, the bot was
 *   kicked, the user is deactivated, the chat is gone — stop sending to that chat, keep its data;
 * - `not-modified` (400 "message is not modified"): a double-tapped page button, harmless;
 * - `stale` (400 on an old callback query or a message that is gone): harmless;
 * - `bad-request` (other 400s): our bug (bad HTML, too long) — log with the method, never retry;
 * - `server` (5xx) and `network` (no HTTP answer): transient, retry with backoff (the alert worker does);
 * - `other`: anything else, including errors that are not from Telegram.
 */
export type FailureKind = 'rate-limited' | 'forbidden' | 'not-modified' | 'stale' | 'bad-request' | 'server' | 'network' | 'other';

export interface Failure {
  kind: FailureKind;
  /** the Bot API method, when known */
  method?: string;
  code?: number;
  description: string;
  /** seconds, for `rate-limited` */
  retryAfter?: number;
}

const STALE_400 = ['query is too old', 'query id is invalid', 'message to edit not found', "message can't be edited", 'message to delete not found'];

export const classifyError = (err: unknown): Failure => {
  if (err instanceof TelegramError) {
    const description = err.description ?? err.message;
    // telegraf puts `{ method, payload }` in `on` for API errors; it is typed as `{}`.
    const on = err.on as { method?: unknown } | undefined;
    const method = typeof on?.method === 'string' ? on.method : undefined;
    const base = { method, code: err.code, description };
    if (err.code === 429) return { ...base, kind: 'rate-limited', retryAfter: err.parameters?.retry_after ?? 1 };
    if (err.code === 403) return { ...base, kind: 'forbidden' };
    if (err.code === 400) {
      const lower = description.toLowerCase();
      if (lower.includes('message is not modified')) return { ...base, kind: 'not-modified' };
      if (lower.includes('chat not found')) return { ...base, kind: 'forbidden' };
      if (STALE_400.some((s) => lower.includes(s))) return { ...base, kind: 'stale' };
      return { ...base, kind: 'bad-request' };
    }
    if (err.code >= 500) return { ...base, kind: 'server' };
    return { ...base, kind: 'other' };
  }
  if (err instanceof Error) {
    // node-fetch's FetchError (ECONNREFUSED, reset…) and aborts: no HTTP answer at all.
    if (err.name === 'FetchError' || err.name === 'AbortError') return { kind: 'network', description: err.message };
    return { kind: 'other', description: err.message };
  }
  return { kind: 'other', description: String(err) };
};
