import { randomBytes } from 'node:crypto';
import { COMMANDS, type CommandKind } from '../qa/commands';
import type { Conversation } from '../qa/follow-up';
import type { ButtonStore } from '../store/ports';

/**
 * How an answer was asked, so a page button can ask again: free text (with the
 * conversation it was a follow-up in, so page 2 reads it the same way), or a
 * command's kind and argument.
 */
export type Origin = { as: 'ask'; question: string; context?: Conversation } | { as: CommandKind; arg?: string };

/**
 * The questions behind page buttons that cannot describe themselves in 64 bytes
 * (free text, /search words: Chinese does not fit, and must not go into
 * callback_data), kept in the store's ButtonStore under short random ids, so a
 * button made on one replica works on another and after a restart.
 *
 * Ids are random rather than counted so that an old button (of a pruned
 * question, or of a store that was replaced) cannot hit a *different* question
 * that happens to get the same number: it misses, and the user is told the list
 * has expired.
 */
export interface QueryCache {
  put(origin: Origin): Promise<string>;
  get(id: string): Promise<Origin | undefined>;
}

/** 6 random bytes: 8 base64url characters, room to spare in callback_data */
const newId = (): string => randomBytes(6).toString('base64url');

/** What the store gives back is checked, not trusted: a value of another version of the program asks nothing. */
const isOrigin = (value: unknown): value is Origin => {
  if (typeof value !== 'object' || value === null) return false;
  const { as, question, arg, context } = value as Record<string, unknown>;
  if (as === 'ask') return typeof question === 'string' && (context === undefined || (typeof context === 'object' && context !== null));
  return (Object.values(COMMANDS) as unknown[]).includes(as) && (arg === undefined || typeof arg === 'string');
};

export const createQueryCache = (buttons: ButtonStore): QueryCache => ({
  async put(origin) {
    let id = newId();
    while (!(await buttons.add(id, origin))) id = newId();
    return id;
  },
  async get(id) {
    const value = await buttons.get(id);
    return isOrigin(value) ? value : undefined;
  },
});
