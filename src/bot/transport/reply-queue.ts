import type { Logger } from '../../logger';
import { classifyError, type Failure } from './errors';

/**
 * Replies Telegram asked us to hold back (429 with retry_after), sent later and
 * outside the update handler: the handler that got the 429 returns at once, so
 * neither its chat's next update nor anybody else's waits for retry_after.
 *
 * Per chat, in order: once a chat has a reply waiting, its later replies queue
 * behind it (a chat's answers never overtake each other). A chat's queue is sent
 * when its pause ends; another 429 pauses it again, up to `maxAttempts` per reply.
 */
export interface ReplyQueueOptions {
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  /** attempts per reply, the first (refused) one included */
  maxAttempts: number;
  /** longest pause accepted from one retry_after, seconds */
  maxWaitSeconds: number;
  /** a reply that still fails: logged by the caller's policy (403 → the chat is gone) */
  onFailure: (failure: Failure, chatKey: string) => void;
}

interface Job {
  method: string;
  run: () => Promise<unknown>;
  attempts: number;
}

export interface ReplyQueue {
  /** true while the chat has replies waiting: a new reply to it must queue behind them */
  holds(chatKey: string): boolean;
  /** queues a reply after a 429 (`retryAfter` seconds) or behind the chat's waiting replies */
  defer(chatKey: string, method: string, run: () => Promise<unknown>, retryAfter?: number, attempts?: number): void;
  /** replies waiting, over all chats */
  size(): number;
  /** resolves when nothing waits, or after `timeoutMs` */
  drain(timeoutMs: number): Promise<void>;
}

export const createReplyQueue = (options: ReplyQueueOptions): ReplyQueue => {
  const { logger, sleep } = options;
  const chats = new Map<string, { jobs: Job[]; waitSeconds: number }>();
  let waiters: (() => void)[] = [];

  const size = (): number => [...chats.values()].reduce((n, c) => n + c.jobs.length, 0);

  const settle = (): void => {
    if (chats.size > 0) return;
    const done = waiters;
    waiters = [];
    for (const w of done) w();
  };

  const capped = (seconds: number): number => Math.min(Math.max(seconds, 0), options.maxWaitSeconds);

  /** Sends one chat's queue in order, pausing for each retry_after; runs detached from any handler. */
  const flush = async (chatKey: string): Promise<void> => {
    const chat = chats.get(chatKey)!;
    while (chat.jobs.length > 0) {
      if (chat.waitSeconds > 0) await sleep(capped(chat.waitSeconds) * 1000);
      chat.waitSeconds = 0;
      const job = chat.jobs[0]!;
      job.attempts += 1;
      try {
        await job.run();
        chat.jobs.shift();
      } catch (err) {
        const failure = { ...classifyError(err), method: job.method };
        if (failure.kind === 'rate-limited' && job.attempts < options.maxAttempts) {
          chat.waitSeconds = failure.retryAfter ?? 1;
          logger.warn({ method: job.method, retryAfter: failure.retryAfter, attempt: job.attempts }, 'reply still rate limited; waiting again');
          continue;
        }
        chat.jobs.shift();
        options.onFailure(failure, chatKey);
      }
    }
    chats.delete(chatKey);
    settle();
  };

  return {
    holds: (chatKey) => chats.has(chatKey),
    defer(chatKey, method, run, retryAfter, attempts = 1) {
      const existing = chats.get(chatKey);
      if (existing) {
        existing.jobs.push({ method, run, attempts: 0 });
        if (retryAfter !== undefined) existing.waitSeconds = Math.max(existing.waitSeconds, retryAfter);
        return;
      }
      chats.set(chatKey, { jobs: [{ method, run, attempts }], waitSeconds: retryAfter ?? 0 });
      logger.warn({ method, retryAfter }, 'rate limited by Telegram; reply queued and sent after retry_after');
      void flush(chatKey);
    },
    size,
    drain(timeoutMs) {
      if (chats.size === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        timer.unref();
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
};
