import type { UpdateLog } from '../ports';
import type { DamagedLine } from './journal';
import { openKeyedJournal } from './keyed-journal';

/**
 * The lowdb store's UpdateLog: a keyed journal of its own (keyed-journal.ts), one
 * short line appended synchronously per handled update (not a rewrite of DB_PATH
 * per message); the newest `limit` ids are kept. A line is in the page cache once
 * the append returns, so it survives SIGKILL. A damaged line costs at most one
 * update answered twice: it is skipped and reported, never a reason not to start.
 */
export const openLowdbUpdateLog = (path: string, limit: number, onSkip?: (damage: DamagedLine) => void): UpdateLog & { close(): void } => {
  const journal = openKeyedJournal(path, limit, 'update log', onSkip);
  return {
    has: async (updateId) => journal.has(String(updateId)),
    add: async (updateId) => journal.put(String(updateId), 1, 0),
    close: () => journal.close(),
  };
};
