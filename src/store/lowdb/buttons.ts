import { closeSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { StoreError } from '../errors';
import type { ButtonStore } from '../ports';
import { replayJournal, type DamagedLine } from './journal';

/** `{id, value}` adds a button; `{id}` alone records that it was used */
type Line = { id: string; value?: unknown };

/**
 * The lowdb store's buttons: a journal of one short line per add or use in
 * `path`, appended synchronously (a few hundred bytes, not a rewrite of
 * DB_PATH per question), with the least recently used order kept in memory.
 * When the journal holds twice the limit in lines it is rewritten with what is
 * kept, through a temp file and a rename, so it stays a few MB at most.
 */
export const openLowdbButtons = (path: string, limit: number, onSkip?: (damage: DamagedLine) => void): ButtonStore & { close(): void } => {
  // A Map keeps insertion order: re-inserting on use makes the first key the least recently used.
  const entries = new Map<string, unknown>();
  const apply = (line: Line): void => {
    if ('value' in line) {
      entries.delete(line.id);
      entries.set(line.id, line.value);
    } else if (entries.has(line.id)) {
      const value = entries.get(line.id);
      entries.delete(line.id);
      entries.set(line.id, value);
    }
    while (entries.size > limit) entries.delete(entries.keys().next().value!);
  };

  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new StoreError('corrupt', path, `cannot read the buttons journal ${path}: ${(error as Error).message}`, { cause: error });
  }
  // A torn last line: that add or use did not finish. A damaged line elsewhere costs one button at most,
  // not worth refusing to start over: it is skipped and reported.
  replayJournal<Line>(path, text, apply, { recover: true, onSkip });

  const rewrite = (): number => {
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, [...entries].map(([id, value]) => `${JSON.stringify({ id, value })}\n`).join(''));
    renameSync(tmp, path);
    return openSync(path, 'a');
  };
  let fd = rewrite();
  let lines = entries.size;
  let closed = false;

  const append = (line: Line): void => {
    if (closed) throw new Error(`the buttons journal ${path} is closed`);
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
    async add(id, value) {
      if (entries.has(id)) return false;
      append({ id, value: structuredClone(value ?? null) });
      return true;
    },
    async get<T>(id: string) {
      if (!entries.has(id)) return undefined;
      append({ id });
      return structuredClone(entries.get(id)) as T;
    },
    close() {
      if (closed) return;
      closed = true;
      closeSync(fd);
    },
  };
};
