import type { Telegram } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Logger } from '../../logger';
import { classifyError, type Failure } from './errors';

/**
 * Sending through the Bot API with the policies Telegram asks of bots.
 * telegraf 4.16 retries nothing except getUpdates, so:
 * - 429 → wait `retry_after` seconds, then send the same call again (up to `maxAttempts`,
 *   and never wait longer than `maxWaitSeconds` at once);
 * - 403 → logged at warn and reported, not retried (the chat blocked or removed the bot);
 * - 400 → logged at error with the method, not retried.
 *
 * Two ways to use it:
 * - `installRetry(ctx.telegram)` (done by createBot for every update) makes ctx.reply and
 *   friends retry 429s; other errors still throw into the error boundary.
 * - `send(telegram, chatId, text, extra)` never throws: it returns a SendResult. The alert
 *   delivery worker uses it with `bot.telegram` and acts on `failure.kind`
 *   (mark a subscriber inactive on 'forbidden', back off on 'server'/'network').
 */
export interface TransportOptions {
  logger: Logger;
  /** attempts per call including the first; 429s beyond this give up */
  maxAttempts?: number;
  /** longest single wait for a 429, in seconds; longer retry_after values are capped */
  maxWaitSeconds?: number;
  /** injectable for tests and benchmarks */
  sleep?: (ms: number) => Promise<void>;
}

export const TRANSPORT_DEFAULTS = Object.freeze({ maxAttempts: 4, maxWaitSeconds: 60 });

export type SendResult<T = Message.TextMessage> = { ok: true; result: T } | { ok: false; failure: Failure };

export type SendExtra = Parameters<Telegram['sendMessage']>[2];

export interface Transport {
  /** runs one Bot API call, retrying on 429; throws the last error otherwise */
  callWithRetry<T>(method: string, call: () => Promise<T>): Promise<T>;
  /** wraps `telegram.callApi` of this instance (not the prototype) with callWithRetry */
  installRetry(telegram: Telegram): Telegram;
  /** sendMessage that never throws; 403/400 are logged and returned as failures */
  send(telegram: Telegram, chatId: number | string, text: string, extra?: SendExtra): Promise<SendResult>;
  /** any method, same policy as send */
  call<T>(method: string, call: () => Promise<T>): Promise<SendResult<T>>;
}

const RETRY_INSTALLED = Symbol('retryInstalled');

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const createTransport = (options: TransportOptions): Transport => {
  const { logger } = options;
  const maxAttempts = options.maxAttempts ?? TRANSPORT_DEFAULTS.maxAttempts;
  const maxWaitSeconds = options.maxWaitSeconds ?? TRANSPORT_DEFAULTS.maxWaitSeconds;
  const sleep = options.sleep ?? defaultSleep;

  const callWithRetry = async <T>(method: string, call: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        const failure = classifyError(err);
        if (failure.kind !== 'rate-limited' || attempt >= maxAttempts) throw err;
        const seconds = Math.min(Math.max(failure.retryAfter ?? 1, 0), maxWaitSeconds);
        logger.warn({ method, retryAfter: failure.retryAfter, attempt }, 'rate limited by Telegram, waiting before retry');
        await sleep(seconds * 1000);
      }
    }
  };

  const call = async <T>(method: string, run: () => Promise<T>): Promise<SendResult<T>> => {
    try {
      return { ok: true, result: await callWithRetry(method, run) };
    } catch (err) {
      const failure = { ...classifyError(err), method };
      logFailure(logger, failure);
      return { ok: false, failure };
    }
  };

  return {
    callWithRetry,
    installRetry(telegram) {
      const marked = telegram as Telegram & { [RETRY_INSTALLED]?: true };
      if (marked[RETRY_INSTALLED]) return telegram;
      const original = telegram.callApi.bind(telegram);
      // callApi is generic over every method; the wrapper passes arguments through unchanged.
      const wrapped = ((method: string, payload: unknown, extra?: unknown) =>
        callWithRetry(method, () => (original as (m: string, p: unknown, e?: unknown) => Promise<unknown>)(method, payload, extra))) as Telegram['callApi'];
      telegram.callApi = wrapped;
      marked[RETRY_INSTALLED] = true;
      return telegram;
    },
    send: (telegram, chatId, text, extra) => call('sendMessage', () => telegram.sendMessage(chatId, text, extra)),
    call,
  };
};

/** One log line per failed call, at a level matching how much a human should care. */
export const logFailure = (logger: Logger, failure: Failure, context: Record<string, unknown> = {}): void => {
  const fields = { ...context, method: failure.method, code: failure.code, description: failure.description };
  switch (failure.kind) {
    case 'forbidden':
      logger.warn(fields, 'Telegram refused (403): chat blocked or removed the bot; dropped');
      break;
    case 'not-modified':
    case 'stale':
      logger.debug(fields, 'stale or unchanged message; ignored');
      break;
    case 'bad-request':
      logger.error(fields, `Telegram rejected ${failure.method ?? 'a call'} (400)`);
      break;
    case 'rate-limited':
      logger.error(fields, 'still rate limited after retries; dropped');
      break;
    default:
      logger.error(fields, `${failure.method ?? 'call'} failed`);
  }
};
