import type { Update } from 'telegraf/types';

/**
 * What a successful getUpdates answer holds, checked before anything is read from it:
 * Telegram documents `result` as an array of Update objects, but a proxy, a broken
 * mirror or a future change can send something else, and one `null` must not stop
 * polling (it did: a TypeError in the loop ended the process).
 *
 * - `result` not an array is not a batch at all: the poller retries it as a failed
 *   getUpdates, with back-off, and the offset stays where it was;
 * - an entry that is not an object or has no usable `update_id` (a non-negative safe
 *   integer) is skipped: without an id there is nothing to confirm, and a later entry's
 *   id confirms it anyway;
 * - an entry with a usable id but nothing in it (no object besides `update_id`) is
 *   confirmed (the offset moves past it, or Telegram would send it for ever) but not
 *   handled: there is nothing to handle;
 * - everything else is an update, including kinds the bot does not know (the handlers
 *   cope with any shape).
 */
export interface UpdateBatch {
  updates: Update[];
  /** the offset that confirms every entry with a usable id; 0 when none had one */
  nextOffset: number;
  /** entries not handed on, for the log */
  skipped: number;
}

export const hasUpdateId = (value: unknown): value is { update_id: number } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Number.isSafeInteger((value as { update_id?: unknown }).update_id) && (value as { update_id: number }).update_id >= 0;

const carriesSomething = (entry: object): boolean => Object.entries(entry).some(([key, value]) => key !== 'update_id' && typeof value === 'object' && value !== null);

export const readUpdateBatch = (entries: readonly unknown[]): UpdateBatch => {
  const updates: Update[] = [];
  let nextOffset = 0;
  for (const entry of entries) {
    if (!hasUpdateId(entry)) continue;
    nextOffset = Math.max(nextOffset, entry.update_id + 1);
    if (carriesSomething(entry)) updates.push(entry as Update);
  }
  return { updates, nextOffset, skipped: entries.length - updates.length };
};
