import type { Logger } from '../logger';
import { guarded } from '../guard';
import { alertSettings, type AlertSettings } from './config';
import { minimalAlert } from './compose';
import { createMinHeap } from './heap';
import { createRateLimiter } from './limiter';
import type { OutboxStore, SubscriptionStore } from '../store/ports';
import { isQuiet } from './quiet';
import type { Alert, AlertButton } from '../store/types';

/** Why a send failed, as the worker acts on it (a 429 waits, a 403 stops the chat, a 400 is final). */
export interface SendFailure {
  kind: 'rate-limited' | 'forbidden' | 'not-modified' | 'stale' | 'bad-request' | 'server' | 'network' | 'other';
  code?: number;
  description: string;
  /** seconds, for `rate-limited` */
  retryAfter?: number;
}

export type SendOutcome = { ok: true; messageId: number } | { ok: false; failure: SendFailure };

/**
 * The worker's one port to the messenger: send an HTML alert without a link preview, quietly
 * when `silent`, and never throw. The bot's transport provides it (src/bot/transport/alert-sender.ts).
 */
export type SendMessage = (chatId: number, text: string, options: { silent: boolean; buttons?: AlertButton[][] }) => Promise<SendOutcome>;

export interface DeliveryWorkerDeps {
  outbox: OutboxStore;
  subscriptions: Pick<SubscriptionStore, 'settings' | 'markInactive'>;
  send: SendMessage;
  timezone: string;
  logger: Logger;
  settings?: Partial<AlertSettings>;
  /** epoch ms; injectable for tests */
  clock?: () => number;
  /** 0 ≤ x < 1, for backoff jitter */
  random?: () => number;
  /** the bot's @username, for the deep links of an alert's minimal form */
  botUsername?: string;
  /**
   * Asked right before each send: does this process still hold the role of sending
   * (RoleHold.holds)? False stops the worker at once, the alert unsent; the role's
   * `lost` handler stops it for good. Absent: always.
   */
  mayStillSend?: () => Promise<boolean>;
}

/** A record after a send that the store refused is tried again after this, doubling up to the cap, ms. */
const RECORD_RETRY_BASE_MS = 200;
const RECORD_RETRY_CAP_MS = 2000;
/** …and given up this long after the worker was asked to stop (shutdown, or the role lost with the database away). */
const RECORD_GIVE_UP_MS = 30_000;

export interface DeliveryStats {
  sent: number;
  failed: number;
  retried: number;
  rateLimited: number;
  forbidden: number;
  /** alerts Telegram refused (400) that went out in their minimal form */
  minimal: number;
}

/**
 * Sends the outbox, outside update handlers, within Telegram's limits:
 * one chat at a time in enqueue order (part 1 before part 2), every send
 * journaled as "sending" before the call and "sent" after Telegram accepts it.
 *
 * Failures, by what Telegram said (classified by the bot transport):
 * - 429 → the chat waits `retry_after` (capped), the alert is retried;
 * - 5xx, network, unknown → capped exponential backoff with jitter, up to `maxAttempts`;
 * - 403 → the chat is marked inactive (its subscriptions are kept; /start re-activates)
 *   and its pending alerts are dropped as failed;
 * - other 400 (our bug: bad HTML, too long) → the alert is sent again at once in its minimal
 *   form (the 序号 with links to the item view); only if that is refused too is it recorded
 *   as failed. An alert is never dropped silently for its content: only a chat that is gone
 *   (403, chat not found) ends delivery.
 */
export const createDeliveryWorker = (deps: DeliveryWorkerDeps) => {
  const settings = alertSettings(deps.settings);
  const clock = deps.clock ?? Date.now;
  const random = deps.random ?? Math.random;
  const { outbox, logger } = deps;
  const limiter = createRateLimiter(settings);
  const queues = new Map<number, Alert[]>();
  const ready = createMinHeap<{ at: number; chatId: number }>();
  const inFlight = new Set<number>();
  const running = new Set<Promise<void>>();
  const stats: DeliveryStats = { sent: 0, failed: 0, retried: 0, rateLimited: 0, forbidden: 0, minimal: 0 };
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let started = false;
  let stopping = false;
  /** when stop() was called: records still failing are given up RECORD_GIVE_UP_MS later */
  let stoppedAt: number | undefined;
  let unsubscribe: (() => void) | undefined;
  let idleWaiters: (() => void)[] = [];
  let pruneAt = 0;

  const headReadyAt = (chatId: number): number => {
    const head = queues.get(chatId)?.[0];
    return head ? Math.max(head.notBefore, limiter.chatReadyAt(chatId)) : Number.POSITIVE_INFINITY;
  };

  const schedule = (chatId: number): void => {
    if (inFlight.has(chatId) || !queues.get(chatId)?.length) return;
    ready.push({ at: headReadyAt(chatId), chatId });
  };

  const add = (alerts: readonly Alert[]): void => {
    const touched = new Set<number>();
    for (const alert of alerts) {
      if (alert.state !== 'pending') continue;
      let queue = queues.get(alert.chatId);
      if (!queue) {
        queue = [];
        queues.set(alert.chatId, queue);
      }
      // An enqueue while start() reads the pending alerts reaches us twice.
      if (queue.some((queued) => queued.id === alert.id)) continue;
      // The store hands them over in enqueue order; keep a chat's queue sorted if batches interleave.
      if (queue.length > 0 && queue[queue.length - 1]!.seq > alert.seq) {
        queue.push(alert);
        queue.sort((a, b) => a.seq - b.seq);
      } else queue.push(alert);
      touched.add(alert.chatId);
    }
    for (const chatId of touched) schedule(chatId);
    pump();
  };

  const wakeAt = (at: number): void => {
    if (stopping || at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      guarded(
        (err) => logger.error({ err }, 'alert worker: wake-up failed'),
        () => {
          timer = undefined;
          timerAt = Number.POSITIVE_INFINITY;
          pump();
        },
      ),
      Math.max(0, at - clock()),
    );
  };

  const isIdle = (): boolean => running.size === 0 && [...queues.values()].every((q) => q.length === 0);

  const checkIdle = (): void => {
    if (!isIdle()) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const w of waiters) w();
    // A quiet moment: fold the journal into the store so that a restart replays little.
    void outbox.compact().catch((error: unknown) => logger.error({ err: error }, 'outbox compaction failed'));
  };

  const pump = (): void => {
    if (!started || stopping) return;
    const now = clock();
    if (now >= pruneAt) {
      limiter.prune(now);
      pruneAt = now + 60_000;
    }
    while (running.size < settings.concurrency) {
      const top = ready.peek();
      if (!top) break;
      if (top.at > now) {
        wakeAt(top.at);
        break;
      }
      const globalAt = limiter.globalReadyAt(now);
      if (globalAt > now) {
        wakeAt(globalAt);
        break;
      }
      ready.pop();
      const { chatId } = top;
      if (inFlight.has(chatId) || !queues.get(chatId)?.length) continue; // a stale entry
      const at = headReadyAt(chatId);
      if (at > now) {
        ready.push({ at, chatId });
        continue;
      }
      dispatch(chatId, now);
    }
    checkIdle();
  };

  const dispatch = (chatId: number, now: number): void => {
    const alert = queues.get(chatId)![0]!;
    inFlight.add(chatId);
    limiter.record(chatId, now);
    const task = deliver(alert, now)
      .catch((error: unknown) => {
        // Only the journal can throw here (disk full): keep the alert pending and try later.
        logger.error({ err: error, alert: alert.id }, 'could not record delivery state; will retry');
        alert.notBefore = clock() + settings.backoffCapMs;
      })
      .finally(() => {
        inFlight.delete(chatId);
        running.delete(task);
        schedule(chatId);
        pump();
      });
    running.add(task);
  };

  const done = (alert: Alert): void => {
    const queue = queues.get(alert.chatId);
    if (queue?.[0] === alert) queue.shift();
    if (queue && queue.length === 0) queues.delete(alert.chatId);
  };

  const deliver = async (alert: Alert, now: number): Promise<void> => {
    const chat = await deps.subscriptions.settings(alert.chatId);
    if (!chat.active) {
      await outbox.markFailed(alert, 'chat inactive (blocked the bot or removed it)');
      stats.failed += 1;
      done(alert);
      return;
    }
    const silent = alert.silent === true || isQuiet(chat.quiet, new Date(now), deps.timezone);
    // Journaled before the call: after a crash, an alert with this line and no "sent" after it
    // may or may not have reached the chat (see OutboxStore).
    await outbox.markSending(alert);
    const buttons = alert.buttons ? { buttons: alert.buttons } : {};
    let result = await sendIfHeld(alert, alert.text, { silent, ...buttons });
    if (result && !result.ok && result.failure.kind === 'bad-request') {
      logger.error({ alert: alert.id, chatId: alert.chatId, description: result.failure.description }, 'Telegram refused an alert (400); sending its minimal form');
      limiter.record(alert.chatId, clock());
      result = await sendIfHeld(alert, minimalAlert(alert.text, deps.botUsername), { silent, ...buttons });
      if (result?.ok) stats.minimal += 1;
    }
    if (!result) return; // the role is gone: left pending, "sending" in the store, for the next holder
    if (result.ok) {
      const { messageId } = result;
      await persist(alert, () => outbox.markSent(alert, messageId));
      stats.sent += 1;
      done(alert);
      return;
    }
    const { failure } = result;
    const retry = async (waitMs: number): Promise<void> => {
      await persist(alert, () => outbox.markRetry(alert, clock() + waitMs, `${failure.kind}: ${failure.description}`));
      stats.retried += 1;
    };
    switch (failure.kind) {
      case 'rate-limited': {
        stats.rateLimited += 1;
        const waitMs = Math.min(failure.retryAfter ?? 1, settings.maxRetryAfterSeconds) * 1000;
        limiter.pause(alert.chatId, clock() + waitMs);
        if (alert.attempts >= settings.maxAttempts) return giveUp(alert, failure.description);
        return retry(waitMs);
      }
      case 'forbidden': {
        stats.forbidden += 1;
        await deps.subscriptions.markInactive(alert.chatId).catch((error: unknown) => logger.error({ err: error, chatId: alert.chatId }, 'could not mark chat inactive'));
        // Everything else queued for the chat would only get 403 again.
        for (const other of queues.get(alert.chatId) ?? []) {
          await persist(other, () => outbox.markFailed(other, other === alert ? `forbidden: ${failure.description}` : 'chat inactive (blocked the bot or removed it)'));
          stats.failed += 1;
        }
        queues.delete(alert.chatId);
        logger.warn({ chatId: alert.chatId }, 'chat blocked the bot; marked inactive, its pending alerts dropped');
        return;
      }
      case 'bad-request':
      case 'not-modified':
      case 'stale':
        return giveUp(alert, `${failure.code ?? 400}: ${failure.description}`);
      default: {
        if (alert.attempts >= settings.maxAttempts) return giveUp(alert, `${failure.kind}: ${failure.description}`);
        const exp = Math.min(settings.backoffCapMs, settings.backoffBaseMs * 2 ** Math.max(0, alert.attempts - 1));
        // Full jitter in [exp/2, exp): a Telegram outage ends for every chat at once; don't all come back together.
        return retry(Math.round(exp / 2 + (random() * exp) / 2));
      }
    }
  };

  const giveUp = async (alert: Alert, error: string): Promise<void> => {
    await persist(alert, () => outbox.markFailed(alert, error));
    stats.failed += 1;
    done(alert);
    logger.error({ alert: alert.id, chatId: alert.chatId, error }, 'alert given up');
  };

  /**
   * Sends unless the role is gone: then the worker halts at once (no further dispatch)
   * and `undefined` says nothing was sent.
   */
  const sendIfHeld = async (alert: Alert, text: string, options: Parameters<SendMessage>[2]): Promise<SendOutcome | undefined> => {
    if (stopping || (deps.mayStillSend && !(await deps.mayStillSend()))) {
      if (!stopping) logger.warn({ alert: alert.id }, 'no longer holds the role of sending alerts; stopped before sending');
      stopping = true;
      return undefined;
    }
    return deps.send(alert.chatId, text, options);
  };

  /**
   * Records what Telegram did with a send (sent, retry later, failed). A store that
   * refuses the record (a database blip) gets it again, in memory, with back-off,
   * until it takes it: the send itself is never repeated for it. (A failed "sent"
   * record used to leave the alert pending, and it went out again 5 minutes later.)
   * The chat stays in flight meanwhile, so its later alerts wait. Given up only once
   * the worker has been stopping for RECORD_GIVE_UP_MS: the store then still says
   * "sending", and the next start sends it again (at-least-once).
   */
  const persist = async (alert: Alert, write: () => Promise<void>): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await write();
        if (attempt > 1) logger.info({ alert: alert.id, attempts: attempt }, 'delivery recorded after the store came back');
        return;
      } catch (error) {
        if (stoppedAt !== undefined && clock() - stoppedAt > RECORD_GIVE_UP_MS) throw error;
        if (attempt === 1) logger.warn({ err: error, alert: alert.id }, 'could not record what Telegram did with an alert; retrying the record, not the send');
        await new Promise((resolve) => setTimeout(resolve, Math.min(RECORD_RETRY_CAP_MS, RECORD_RETRY_BASE_MS * 2 ** (attempt - 1))));
      }
    }
  };

  /**
   * The sleep for the worker's transport: the transport retries a 429 itself after
   * `retry_after`, and that retry is one more message to Telegram. Waiting here
   * for a global slot and recording it keeps retries inside the rate limit.
   */
  const paceRetry = async (ms: number): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    for (;;) {
      const now = clock();
      const at = limiter.globalReadyAt(now);
      if (at <= now) {
        limiter.recordGlobal(now);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, at - now));
    }
  };

  return {
    stats,
    paceRetry,
    /** loads the pending outbox and starts sending; new alerts are picked up as they are enqueued */
    async start(): Promise<void> {
      if (started) return;
      started = true;
      stopping = false;
      stoppedAt = undefined;
      // The store is the truth: what this worker queued before a stop may have been sent since by another replica.
      queues.clear();
      unsubscribe = outbox.onEnqueued(add);
      if (outbox.uncertain.length > 0) {
        logger.warn({ alerts: outbox.uncertain.length, ids: outbox.uncertain.slice(0, 100) }, 'alerts were being sent when the previous process stopped; sending them again (at-least-once)');
      }
      add(await outbox.pending());
    },
    /** stops dispatching and waits for the sends in flight to be recorded */
    async stop(): Promise<void> {
      stopping = true;
      stoppedAt ??= clock();
      unsubscribe?.();
      if (timer) clearTimeout(timer);
      timer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      await Promise.all([...running]);
      started = false;
    },
    /** resolves when nothing is queued or in flight (retries scheduled later count as queued) */
    idle(): Promise<void> {
      if (isIdle()) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    /** alerts waiting to be sent, summed over all chats (those in flight not counted) */
    queued: (): number => [...queues.values()].reduce((n, q) => n + q.length, 0),
  };
};

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
