import type { Telegram } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Logger } from '../../logger';
import { fitOutgoing, TELEGRAM_TEXT_LIMITS } from '../../text/telegram-text';
import { classifyError, type Failure } from './errors';
import { createReplyQueue } from './reply-queue';

/**
 * Every Bot API call goes through here, with the policies Telegram asks of bots
 * (telegraf 4.16 retries nothing except getUpdates):
 * - every text is checked last by `fitOutgoing` (src/text/telegram-text.ts): within
 *   Telegram's length after parsing, markup Telegram can parse, well-formed UTF-16;
 * - every call has a timeout (`callTimeoutMs`, plus the long-poll time for getUpdates):
 *   a hung connection fails as `network` instead of holding its caller forever;
 * - 429 → the same call again after `retry_after` (up to `maxAttempts`, each wait capped
 *   at `maxWaitSeconds`). Inside an update handler the wait is not slept there: a reply
 *   to a chat is queued (ReplyQueue) and the handler goes on; the chat's later replies
 *   queue behind it so they stay in order;
 * - 403 → logged at warn and reported, not retried (the chat blocked or removed the bot);
 * - 400 → logged at error with the method, not retried.
 *
 * Two ways to use it:
 * - `install(telegram, { deferReplies })` wraps one client's callApi: createBot does it for
 *   bot.telegram (text check and timeout only: the workers and the poller handle 429 their
 *   own way) and, with deferral, for every update's ctx.telegram (telegraf builds a new
 *   client per update).
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
  /** ms before a Bot API call is abandoned; getUpdates gets its long-poll timeout on top */
  callTimeoutMs?: number;
  /** injectable for tests and benchmarks */
  sleep?: (ms: number) => Promise<void>;
  /** a deferred reply ended in 403 (the chat blocked the bot): the alerts store marks it inactive */
  onChatBlocked?: (chatId: number) => void;
}

export const TRANSPORT_DEFAULTS = Object.freeze({ maxAttempts: 4, maxWaitSeconds: 60, callTimeoutMs: 15_000 });

export type SendResult<T = Message.TextMessage> = { ok: true; result: T } | { ok: false; failure: Failure };

export type SendExtra = Parameters<Telegram['sendMessage']>[2];

export interface Transport {
  /** runs one Bot API call, retrying on 429 (sleeping in the caller); throws the last error otherwise */
  callWithRetry<T>(method: string, call: () => Promise<T>): Promise<T>;
  /** wraps `telegram.callApi` of this instance (not the prototype) with the text check, the timeout and the 429 policy */
  install(telegram: Telegram, options?: { deferReplies?: boolean }): Telegram;
  /** sendMessage that never throws; 403/400 are logged and returned as failures */
  send(telegram: Telegram, chatId: number | string, text: string, extra?: SendExtra): Promise<SendResult>;
  /** any method, same policy as send */
  call<T>(method: string, call: () => Promise<T>): Promise<SendResult<T>>;
  /** replies waiting for a 429 to pass, over all chats */
  queuedReplies(): number;
  /** waits (bounded) for the queued replies to be sent: at shutdown, and in tests */
  drain(timeoutMs: number): Promise<void>;
}

const INSTALLED = Symbol('transportInstalled');

/** Methods whose text fields pass the last check, and the limit of each field. */
const TEXT_FIELDS: Readonly<Record<string, { field: string; limit: number; parseModeField?: string }>> = {
  sendMessage: { field: 'text', limit: TELEGRAM_TEXT_LIMITS.message },
  editMessageText: { field: 'text', limit: TELEGRAM_TEXT_LIMITS.message },
  sendDocument: { field: 'caption', limit: TELEGRAM_TEXT_LIMITS.caption },
  sendPhoto: { field: 'caption', limit: TELEGRAM_TEXT_LIMITS.caption },
  editMessageCaption: { field: 'caption', limit: TELEGRAM_TEXT_LIMITS.caption },
  answerCallbackQuery: { field: 'text', limit: TELEGRAM_TEXT_LIMITS.callbackAnswer },
};

/** Replies that can wait for a 429 to pass: the ones addressed to a chat. Answers to queries expire in seconds, so they are not deferred. */
const DEFERRABLE = new Set(['sendMessage', 'editMessageText', 'editMessageReplyMarkup', 'sendDocument', 'sendPhoto', 'deleteMessage', 'sendChatAction']);

type Payload = Record<string, unknown>;
type CallApi = (method: string, payload: unknown, extra?: { signal?: AbortSignal }) => Promise<unknown>;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const createTransport = (options: TransportOptions): Transport => {
  const { logger } = options;
  const maxAttempts = options.maxAttempts ?? TRANSPORT_DEFAULTS.maxAttempts;
  const maxWaitSeconds = options.maxWaitSeconds ?? TRANSPORT_DEFAULTS.maxWaitSeconds;
  const callTimeoutMs = options.callTimeoutMs ?? TRANSPORT_DEFAULTS.callTimeoutMs;
  const sleep = options.sleep ?? defaultSleep;
  const replies = createReplyQueue({
    logger,
    sleep,
    maxAttempts,
    maxWaitSeconds,
    onFailure: (failure, chatKey) => {
      logFailure(logger, failure, { chatId: chatKey, deferred: true });
      if (failure.kind === 'forbidden') options.onChatBlocked?.(Number(chatKey));
    },
  });

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

  /** The text check and the timeout around one raw call. */
  const guarded =
    (original: CallApi): CallApi =>
    (method, payload, extra) => {
      const body = checkText(method, payload as Payload);
      const longPoll = method === 'getUpdates' ? Number((body as Payload).timeout ?? 0) * 1000 : 0;
      const timeout = AbortSignal.timeout(callTimeoutMs + longPoll);
      const signal = extra?.signal ? AbortSignal.any([extra.signal, timeout]) : timeout;
      return original(method, body, { ...extra, signal });
    };

  const checkText = (method: string, payload: Payload): Payload => {
    const rule = TEXT_FIELDS[method];
    const value = rule && payload?.[rule.field];
    if (!rule || typeof value !== 'string') return payload;
    const fitted = fitOutgoing(value, typeof payload.parse_mode === 'string' ? payload.parse_mode : undefined, rule.limit);
    if (!fitted.changed) return payload;
    logger.warn({ method, field: rule.field, change: fitted.changed, units: value.length }, 'outgoing text adjusted to fit Telegram');
    const { parse_mode: _dropped, ...rest } = payload;
    return { ...rest, [rule.field]: fitted.text, ...(fitted.parseMode ? { parse_mode: fitted.parseMode } : {}) };
  };

  return {
    callWithRetry,
    install(telegram, installOptions = {}) {
      const marked = telegram as Telegram & { [INSTALLED]?: true };
      if (marked[INSTALLED]) return telegram;
      const raw = guarded(telegram.callApi.bind(telegram) as unknown as CallApi);
      const wrapped: CallApi = installOptions.deferReplies
        ? async (method, payload, extra) => {
            const chatId = (payload as Payload | undefined)?.chat_id;
            const key = DEFERRABLE.has(method) && (typeof chatId === 'number' || typeof chatId === 'string') ? String(chatId) : undefined;
            const run = (): Promise<unknown> => raw(method, payload, extra);
            if (key === undefined) return callWithRetryIfQuick(method, run);
            // Behind a reply already waiting for this chat: keep the chat's order.
            if (replies.holds(key)) return deferred(key, method, run);
            try {
              return await run();
            } catch (err) {
              const failure = classifyError(err);
              if (failure.kind !== 'rate-limited') throw err;
              return deferred(key, method, run, failure.retryAfter ?? 1);
            }
          }
        : raw;
      telegram.callApi = wrapped as unknown as Telegram['callApi'];
      marked[INSTALLED] = true;
      return telegram;
    },
    send: (telegram, chatId, text, extra) => call('sendMessage', () => telegram.sendMessage(chatId, text, extra)),
    call,
    queuedReplies: () => replies.size(),
    drain: (timeoutMs) => replies.drain(timeoutMs),
  };

  /**
   * A reply queued for later: the handler gets a stand-in result at once. No feature reads
   * what a send returns beyond "it did not throw", and a deferred reply has not failed.
   */
  function deferred(key: string, method: string, run: () => Promise<unknown>, retryAfter?: number): Promise<unknown> {
    replies.defer(key, method, run, retryAfter);
    return Promise.resolve(DEFERRED_RESULT);
  }

  /**
   * Calls not addressed to a chat (answers to callback and inline queries, getFile,
   * getChatMember): their result is needed now or never, so a 429 is retried only when
   * Telegram asks for a pause short enough to be worth it; otherwise it throws.
   */
  function callWithRetryIfQuick(method: string, run: () => Promise<unknown>): Promise<unknown> {
    return run().catch(async (err: unknown) => {
      const failure = classifyError(err);
      if (failure.kind !== 'rate-limited' || (failure.retryAfter ?? 1) > QUICK_RETRY_SECONDS) throw err;
      await sleep((failure.retryAfter ?? 1) * 1000);
      return run();
    });
  }
};

/** The longest 429 pause worth sleeping through inside a handler, seconds. */
const QUICK_RETRY_SECONDS = 1;

/** What a deferred call resolves with in the handler. */
const DEFERRED_RESULT = Object.freeze({ deferred: true, message_id: 0 });

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
