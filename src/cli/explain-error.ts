import { ConfigError } from '../config';
import { StoreError } from '../store/errors';
import { TableError } from '../table/errors';
import { CONSOLE_WORDS as W } from '../wording/console';
import { IMPORT_CLI_WORDS, tableRejection } from '../wording/import';

/**
 * Why a terminal tool (npm start, npm run ask, npm run store:copy) stopped, in Chinese for the person who
 * ran it. Errors with a code are worded from it; anything else points to the log (which keeps the English
 * details for whoever debugs), since a library's message must not reach a user raw.
 */
export const explainError = (error: unknown): string => {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof StoreError) return W.store(error.code, error.path);
  if (error instanceof TableError) return tableRejection({ code: error.code, details: error.details }, 'terminal');
  const errno = error as NodeJS.ErrnoException;
  if (errno?.code === 'ENOENT' && typeof errno.path === 'string') return IMPORT_CLI_WORDS.noFile(errno.path);
  if (errno?.code === 'EACCES' && typeof errno.path === 'string') return IMPORT_CLI_WORDS.unreadable(errno.path);
  return W.startFailedOther;
};

/** A refusal of our own (usage, a bad option): its message is already worded for the terminal. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
