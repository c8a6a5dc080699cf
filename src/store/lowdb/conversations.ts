import type { ConversationStore } from '../ports';
import type { DamagedLine } from './journal';
import { openKeyedJournal } from './keyed-journal';

/**
 * The lowdb store's conversations: a keyed journal of their own
 * (keyed-journal.ts), one line per answered message, so a busy chat never
 * rewrites DB_PATH; the `limit` most recently put are kept.
 */
export const openLowdbConversations = (path: string, limit: number, now: () => Date, onSkip?: (damage: DamagedLine) => void): ConversationStore & { close(): void } => {
  const journal = openKeyedJournal(path, limit, 'conversations', onSkip);
  return {
    async get<T>(key: string, since: Date) {
      const entry = journal.get(key, false);
      return entry && entry.at >= since.getTime() ? (entry.value as T) : undefined;
    },
    async put(key, value) {
      journal.put(key, value, now().getTime());
    },
    async clear(key) {
      journal.delete(key);
    },
    close: () => journal.close(),
  };
};
