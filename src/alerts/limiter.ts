import type { AlertLimits } from './config';

/**
 * When the next message may go to a chat under Telegram's broadcast limits:
 * at most `globalPerSecond` in any one-second window, one per
 * `perChatIntervalMs` in a chat, and `perGroupPerMinute` in any one-minute
 * window in a group (negative chat ids are groups, supergroups and channels).
 *
 * Sliding windows of send times rather than token buckets: a bucket allows a
 * burst of its whole capacity after idling, which in a one-second window
 * would exceed the limit we promise. Global sends are also spaced
 * 1000/globalPerSecond ms apart.
 */
export interface RateLimiter {
  /** earliest epoch ms at which a send to this chat fits every limit (ignoring the global one) */
  chatReadyAt(chatId: number): number;
  /** earliest epoch ms at which any send fits the global limit */
  globalReadyAt(now: number): number;
  /** records a send starting now */
  record(chatId: number, now: number): void;
  /** records a send that counts against the global limit only (a retry of a send already under way) */
  recordGlobal(now: number): void;
  /** no sends to this chat before `until` (a 429's retry_after) */
  pause(chatId: number, until: number): void;
  /** forgets chats idle for a minute (keeps memory flat over 10,000 chats) */
  prune(now: number): void;
}

/** A fixed-size ring of the most recent send times. */
const createWindow = (size: number) => {
  const times: number[] = [];
  let start = 0;
  return {
    /** time of the send `size` sends ago, or -Infinity when fewer were made */
    oldest: (): number => (times.length < size ? Number.NEGATIVE_INFINITY : times[start]!),
    push(t: number): void {
      if (times.length < size) times.push(t);
      else {
        times[start] = t;
        start = (start + 1) % size;
      }
    },
    last: (): number => (times.length === 0 ? Number.NEGATIVE_INFINITY : times[(start + times.length - 1) % times.length]!),
  };
};

export const createRateLimiter = (limits: Pick<AlertLimits, 'globalPerSecond' | 'perChatIntervalMs' | 'perGroupPerMinute'>): RateLimiter => {
  const global = createWindow(limits.globalPerSecond);
  const gapMs = 1000 / limits.globalPerSecond;
  const lastByChat = new Map<number, number>();
  const groups = new Map<number, ReturnType<typeof createWindow>>();
  const paused = new Map<number, number>();

  return {
    chatReadyAt(chatId) {
      let at = (lastByChat.get(chatId) ?? Number.NEGATIVE_INFINITY) + limits.perChatIntervalMs;
      const group = groups.get(chatId);
      if (group) at = Math.max(at, group.oldest() + 60_000);
      return Math.max(at, paused.get(chatId) ?? Number.NEGATIVE_INFINITY);
    },
    // Evenly paced as well as windowed: 25 sends in the first milliseconds of each second are "25/s" too,
    // but bursts are what Telegram's flood control punishes, and they put many sends in flight at once
    // (each one a message that a crash at that moment would leave uncertain).
    globalReadyAt: (now) => Math.max(now, global.oldest() + 1000, global.last() + gapMs),
    record(chatId, now) {
      global.push(now);
      lastByChat.set(chatId, now);
      if (chatId < 0) {
        let group = groups.get(chatId);
        if (!group) {
          group = createWindow(limits.perGroupPerMinute);
          groups.set(chatId, group);
        }
        group.push(now);
      }
    },
    recordGlobal(now) {
      global.push(now);
    },
    pause(chatId, until) {
      paused.set(chatId, Math.max(until, paused.get(chatId) ?? 0));
    },
    prune(now) {
      for (const [chatId, t] of lastByChat) {
        if (now - t > 60_000 && (paused.get(chatId) ?? 0) < now) {
          lastByChat.delete(chatId);
          groups.delete(chatId);
          paused.delete(chatId);
        }
      }
    },
  };
};
