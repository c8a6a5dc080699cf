import type { Update } from 'telegraf/types';
import type { Logger } from '../../logger';

/**
 * Runs update handlers concurrently, up to `concurrency` at once, with one rule of
 * order: the updates of one chat (or, without a chat, of one user) are handled one
 * after another, in the order Telegram sent them, so a chat's answers stay in order.
 * One slow handler holds its own chat and one slot, never everybody.
 *
 * telegraf's own polling awaits a whole batch of updates before fetching the next,
 * which is what let one slow reply stall every user; the poller and the webhook
 * server feed this instead.
 */
export interface DispatcherOptions {
  handle: (update: Update) => Promise<void>;
  logger: Logger;
  /** handlers running at once */
  concurrency?: number;
  /** updates held (running or waiting) before the poller stops fetching more */
  maxPending?: number;
}

export const DISPATCHER_DEFAULTS = Object.freeze({ concurrency: 32, maxPending: 1000 });

export interface UpdateDispatcher {
  /** queues the update; resolves once its handler has finished (thrown or not) */
  push(update: Update): Promise<void>;
  /** resolves when there is room for another batch (fewer than maxPending held) */
  room(): Promise<void>;
  /** resolves when every update pushed so far has been handled, or after `timeoutMs` */
  idle(timeoutMs?: number): Promise<void>;
  /** updates running or waiting */
  pending(): number;
}

/** Whose turn an update waits for: its chat, else its sender, else nobody (handled at once). */
export const orderKeyOf = (update: Update): string => {
  for (const value of Object.values(update)) {
    if (typeof value !== 'object' || value === null) continue;
    const body = value as { chat?: { id?: unknown }; message?: { chat?: { id?: unknown } }; from?: { id?: unknown }; user?: { id?: unknown } };
    const chat = body.chat?.id ?? body.message?.chat?.id;
    if (typeof chat === 'number') return `c${chat}`;
    const user = body.from?.id ?? body.user?.id;
    if (typeof user === 'number') return `u${user}`;
  }
  return `#${update.update_id}`;
};

interface Job {
  update: Update;
  done: () => void;
}

export const createUpdateDispatcher = (options: DispatcherOptions): UpdateDispatcher => {
  const concurrency = options.concurrency ?? DISPATCHER_DEFAULTS.concurrency;
  const maxPending = options.maxPending ?? DISPATCHER_DEFAULTS.maxPending;
  /** per key, the updates not started yet; a key present here with an empty list is running */
  const byKey = new Map<string, Job[]>();
  /** keys with a waiting update and none running, in arrival order */
  const ready: string[] = [];
  let running = 0;
  let pending = 0;
  let roomWaiters: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];

  const wake = (): void => {
    if (pending < maxPending && roomWaiters.length > 0) {
      const waiters = roomWaiters;
      roomWaiters = [];
      for (const w of waiters) w();
    }
    if (pending === 0 && idleWaiters.length > 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  };

  const pump = (): void => {
    while (running < concurrency && ready.length > 0) {
      const key = ready.shift()!;
      const job = byKey.get(key)!.shift()!;
      running += 1;
      void run(key, job);
    }
  };

  const run = async (key: string, { update, done }: Job): Promise<void> => {
    try {
      await options.handle(update);
    } catch (err) {
      // createBot's boundary catches handler errors; this is the last line before an unhandled rejection.
      options.logger.error({ err, updateId: update.update_id }, 'update handling failed');
    }
    done();
    running -= 1;
    pending -= 1;
    const rest = byKey.get(key)!;
    if (rest.length > 0) ready.push(key);
    else byKey.delete(key);
    pump();
    wake();
  };

  return {
    push(update) {
      pending += 1;
      const key = orderKeyOf(update);
      let done!: () => void;
      const handled = new Promise<void>((resolve) => (done = resolve));
      const queue = byKey.get(key);
      if (queue)
        queue.push({ update, done }); // running or waiting: it runs after the ones before it
      else {
        byKey.set(key, [{ update, done }]);
        ready.push(key);
      }
      pump();
      return handled;
    },
    room: () => (pending < maxPending ? Promise.resolve() : new Promise((resolve) => roomWaiters.push(resolve))),
    idle(timeoutMs) {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = timeoutMs === undefined ? undefined : setTimeout(resolve, timeoutMs);
        timer?.unref();
        idleWaiters.push(() => {
          if (timer) clearTimeout(timer);
          resolve();
        });
      });
    },
    pending: () => pending,
  };
};
