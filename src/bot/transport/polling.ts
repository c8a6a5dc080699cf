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
 * The offset confirms a batch as soon as it is handed over. An update whose handler
 * is still running when the process is killed is therefore not delivered again;
 * `stop()` waits (bounded) for running handlers, so a normal shutdown loses nothing.
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
  let offset = 0;

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
      offset = Math.max(offset, batch.nextOffset);
      for (const update of batch.updates) dispatcher.push(update);
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
      // Confirm what was handed over, so a restart does not get it again (timeout 0: no long poll).
      if (offset > 0) {
        await telegram.callApi('getUpdates', { offset, limit: 1, timeout: 0 } as never).catch(() => undefined);
      }
    },
  };
};
