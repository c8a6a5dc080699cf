import { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { StoreError } from '../errors';
import { replayJournal, type DamagedLine } from './journal';

/** `{id, value}` keeps a value (`at` when it was put); `{id}` alone records a use; `{id, gone: true}` removes it */
type Line = { id: string; value?: unknown; at?: number; gone?: true };

export interface KeyedEntry {
  value: unknown;
  /** when it was put, ms since the epoch */
  at: number;
}

/**
 * A bounded map of small JSON values kept as a journal of one short line per
 * change in `path`, appended synchronously (a few hundred bytes, not a rewrite
 * of DB_PATH per message), with the least recently used order kept in memory.
 * When the journal holds twice the limit in lines it is rewritten with what is
 * kept, through a temp file and a rename, so it stays a few MB at most.
 * Page buttons (ButtonStore) and conversations (ConversationStore) each keep one.
 */
export interface KeyedJournal {
  has(id: string): boolean;
  /** the entry under `id`; `touch` records the use, so it is pruned last */
  get(id: string, touch: boolean): KeyedEntry | undefined;
  put(id: string, value: unknown, at: number): void;
  delete(id: string): void;
  close(): void;
}

export const openKeyedJournal = (path: string, limit: number, what: string, onSkip?: (damage: DamagedLine) => void): KeyedJournal => {
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, KeyedEntry>();
  const apply = (line: Line): void => {
    const had = entries.get(line.id);
    entries.delete(line.id);
    if ('value' in line) entries.set(line.id, { value: line.value, at: line.at ?? 0 });
    else if (had && !line.gone) entries.set(line.id, had);
    while (entries.size > limit) entries.delete(entries.keys().next().value!);
  };

  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError('corrupt', path, `cannot read the ${what} journal ${path}: ${(error as Error).message}`, { cause: error });
  }
  // A torn last line: that change did not finish. A damaged line elsewhere costs one entry at most,
  // not worth refusing to start over: it is skipped and reported.
  replayJournal<Line>(path, text, apply, { recover: true, onSkip });

  const rewrite = (): number => {
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, [...entries].map(([id, { value, at }]) => `${JSON.stringify({ id, value, at })}\n`).join(''));
    renameSync(tmp, path);
    return openSync(path, 'a');
  };
  let fd = rewrite();
  let lines = entries.size;
  let closed = false;

  const append = (line: Line): void => {
    if (closed) throw new Error(`the ${what} journal ${path} is closed`);
    // Written before memory changes: if this throws, memory still says what the disk says.
    writeSync(fd, `${JSON.stringify(line)}\n`);
    apply(line);
    lines += 1;
    if (lines >= 2 * limit) {
      closeSync(fd);
      fd = rewrite();
      lines = entries.size;
    }
  };

  return {
    has: (id) => entries.has(id),
    get(id, touch) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (touch) append({ id });
      return { value: structuredClone(entry.value), at: entry.at };
    },
    put: (id, value, at) => append({ id, value: structuredClone(value ?? null), at }),
    delete(id) {
      if (entries.has(id)) append({ id, gone: true });
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
};
