import { randomBytes } from 'node:crypto';
import type { CommandKind } from '../qa/commands';

/** How an answer was asked, so a page button can ask again: free text, or a command's kind and argument. */
export type Origin = { as: 'ask'; question: string } | { as: CommandKind; arg?: string };

/**
 * A bounded, least-recently-used map from short random ids to the questions
 * behind page buttons that cannot describe themselves in 64 bytes (free text,
 * /search words: Chinese does not fit, and must not go into callback_data).
 *
 * Ids are random rather than counted so that after a restart an old button
 * cannot hit a *different* question that happens to get the same number: it
 * misses, and the user is told the list has expired.
 */
export interface QueryCache {
  put(origin: Origin): string;
  get(id: string): Origin | undefined;
  readonly size: number;
}

export const createQueryCache = (capacity: number): QueryCache => {
  const entries = new Map<string, Origin>();
  return {
    put(origin) {
      let id = randomBytes(6).toString('base64url');
      while (entries.has(id)) id = randomBytes(6).toString('base64url');
      entries.set(id, origin);
      if (entries.size > capacity) {
        // Map keeps insertion order: the first key is the least recently used.
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return id;
    },
    get(id) {
      const origin = entries.get(id);
      if (origin !== undefined) {
        entries.delete(id);
        entries.set(id, origin);
      }
      return origin;
    },
    get size() {
      return entries.size;
    },
  };
};
