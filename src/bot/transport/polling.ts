import type { Telegram } from 'telegraf';
import type { Logger } from '../../logger';
import type { UpdateDispatcher } from './dispatcher';
import { classifyError } from './errors';
import { readUpdateBatch } from './update-batch';

/**
 * Long polling that never waits for handlers: each batch of updates goes to the
 * dispatcher and the next getUpdates goes out at once (bounded by the dispatcher's
 * room), so a reply waiting out a 429 or a hung call holds only its own chat.
 *
 * At-least-once: the offset sent with each getUpdates confirms only handled updates —
 * it is 1 + the highest update_id such that it and every earlier one is handled. So
 * after a crash Telegram sends again every update that was fetched but not handled
 * (and some handled after the oldest unhandled one: the UpdateLog in the store keeps
 * those from being answered twice, see launch.ts). Telegram answers from the offset
 * on, so updates held here come again in later answers; they are recognised by id and
 * not pushed twice. Telegram answers at once while any update from the offset on is
 * waiting, so there is no long poll while a handler runs: when an answer brings
 * nothing new, the next getUpdates waits until the offset can move, or HELD_REFETCH_MS
 * (new updates then wait that long at most), instead of asking again at once. The
 * cost: while one handler is stuck (15 s at most, the Bot API call timeout), at most
 * 100 updates after it are fetched.
 * `stop()` waits (bounded) for running handlers, then confirms what was handled.
 *
 * Errors of getUpdates: 401 (wrong token) and 409 (another instance, or a webhook)
 * end polling through the returned promise, since retrying cannot help. Everything
 * else — network, 5xx, 429, a 400 or an `{"ok":false}` without a code — is retried
 * with capped exponential back-off (429: after retry_after). A successful answer whose
 * `result` is not a list is retried the same way; entries that are not updates are
 * skipped and logged (update-batch.ts says which, and which of them are confirmed).
 */
export interface PollerOptions {
  /** bot.telegram with the transport installed (its timeout covers the long poll) */
  telegram: Telegram;
  dispatcher: UpdateDispatcher;
  logger: Logger;
  /** long-poll seconds per getUpdates */
  timeoutSeconds?: number;
  /** first wait after a failed getUpdates, ms; doubles per failure */
  backoffBaseMs?: number;
  /** longest wait between failed getUpdates, ms */
  backoffCapMs?: number;
  allowedUpdates?: readonly string[];
}

export const POLLER_DEFAULTS = Object.freeze({ timeoutSeconds: 30, backoffBaseMs: 500, backoffCapMs: 30_000, limit: 100 });

export interface Poller {
  /** resolves when stopped; rejects with the TelegramError of a 401 or 409 */
  readonly done: Promise<void>;
  /** stops fetching, then waits up to `timeoutMs` for the handlers still running */
  stop(timeoutMs?: number): Promise<void>;
}

const FATAL_CODES = new Set([401, 409]);

/** While an update is being handled and the last answer brought nothing new: the longest wait before asking again, ms. */
const HELD_REFETCH_MS = 200;

/** A successful getUpdates whose `result` is not a list: retried like a failed one. */
class MalformedAnswer extends Error {
  override name = 'MalformedAnswer';
  constructor(result: unknown) {
    super(`getUpdates answered ok with a result that is not a list (${result === null ? 'null' : typeof result})`);
  }
}

export const startPolling = (options: PollerOptions): Poller => {
  const { telegram, dispatcher, logger } = options;
  const timeoutSeconds = options.timeoutSeconds ?? POLLER_DEFAULTS.timeoutSeconds;
  const baseMs = options.backoffBaseMs ?? POLLER_DEFAULTS.backoffBaseMs;
  const capMs = options.backoffCapMs ?? POLLER_DEFAULTS.backoffCapMs;
  const abort = new AbortController();
  /** updates fetched and not yet confirmed, by update_id, with whether each was handled */
  const held = new Map<number, boolean>();
  /** 1 + the highest update_id fetched: the offset once every update held is handled */
  let fetchedUpTo = 0;
  /** called when an update is handled, while the loop waits for the offset to move */
  let onHandled: (() => void) | undefined;

  /** The offset that confirms exactly the handled prefix: the oldest unhandled update, else all fetched. */
  const confirmable = (): number => {
    let lowest = fetchedUpTo;
    for (const [id, handled] of held) if (!handled && id < lowest) lowest = id;
    for (const id of held.keys()) if (id < lowest) held.delete(id);
    return lowest;
  };

  /**
   * Resolves once the offset can move past `offset`, or after `ms` (updates that came
   * meanwhile are fetched then, so a stuck handler does not hold everybody's), or when
   * polling stops.
   */
  const progressOrTimeout = (offset: number, ms: number): Promise<void> =>
    new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        onHandled = undefined;
        abort.signal.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      onHandled = () => {
        if (confirmable() !== offset) finish();
      };
      abort.signal.addEventListener('abort', finish);
      onHandled(); // handled while this answer was on its way
    });

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  const loop = async (): Promise<void> => {
    let failures = 0;
    while (!abort.signal.aborted) {
      await dispatcher.room();
      const offset = confirmable();
      let entries: unknown[];
      try {
        const result: unknown = await telegram.callApi(
          'getUpdates',
          { offset, limit: POLLER_DEFAULTS.limit, timeout: timeoutSeconds, ...(options.allowedUpdates ? { allowed_updates: options.allowedUpdates } : {}) } as never,
          // telegraf types the signal as the abort-controller shim's; node-fetch takes Node's own.
          { signal: abort.signal as never },
        );
        if (!Array.isArray(result)) throw new MalformedAnswer(result);
        entries = result;
      } catch (err) {
        if (abort.signal.aborted) break;
        const failure = classifyError(err);
        if (failure.code !== undefined && FATAL_CODES.has(failure.code)) throw err;
        failures += 1;
        const waitMs = failure.kind === 'rate-limited' ? (failure.retryAfter ?? 1) * 1000 : Math.min(capMs, baseMs * 2 ** (failures - 1));
        logger.warn({ code: failure.code, kind: failure.kind, description: failure.description, waitMs, failures }, 'getUpdates failed; polling again after a pause');
        await pause(waitMs);
        continue;
      }
      if (failures > 0) logger.info({ failures }, 'getUpdates works again');
      failures = 0;
      const batch = readUpdateBatch(entries);
      if (batch.skipped > 0) logger.warn({ skipped: batch.skipped, entries: entries.length, offset }, 'getUpdates answered entries that are not updates; skipped them');
      // Below `offset` is confirmed; what is held came in an earlier answer.
      const fresh = batch.updates.filter((update) => update.update_id >= offset && !held.has(update.update_id));
      fetchedUpTo = Math.max(fetchedUpTo, batch.nextOffset);
      for (const update of fresh) {
        held.set(update.update_id, false);
        void dispatcher.push(update).then(() => {
          held.set(update.update_id, true);
          onHandled?.();
        });
      }
      if (fresh.length === 0 && [...held.values()].includes(false)) await progressOrTimeout(offset, HELD_REFETCH_MS);
    }
  };

  const done = loop();
  // The caller learns of a fatal end through `done`; keep an unobserved rejection from crashing the process.
  done.catch(() => undefined);

  return {
    done,
    async stop(timeoutMs = 10_000) {
      abort.abort();
      await done.catch(() => undefined);
      await dispatcher.idle(timeoutMs);
      // Confirm what was handled, so a restart does not get it again (timeout 0: no long poll).
      const offset = confirmable();
      if (offset > 0) {
        await telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 } as never).catch(() => undefined);
      }
    },
  };
};
