import type { ButtonStore } from '../ports';
import type { DamagedLine } from './journal';
import { openKeyedJournal } from './keyed-journal';

/**
 * The lowdb store's buttons: a keyed journal of their own (keyed-journal.ts),
 * one short line per add or use; whatever was neither added nor read within
 * the last `limit` adds and reads is pruned.
 */
export const openLowdbButtons = (path: string, limit: number, onSkip?: (damage: DamagedLine) => void): ButtonStore & { close(): void } => {
  const journal = openKeyedJournal(path, limit, 'buttons', onSkip);
  return {
    async add(id, value) {
      if (journal.has(id)) return false;
      journal.put(id, value, 0);
      return true;
    },
    get: async <T>(id: string) => journal.get(id, true)?.value as T | undefined,
    close: () => journal.close(),
  };
};
