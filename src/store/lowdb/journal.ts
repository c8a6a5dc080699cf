import { closeSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StoreError } from '../errors';
import type { Db } from './db';
import type { DbSchema } from './schema';

export interface DbJournal<C> {
  /** appends the change (written before memory changes, so a failed write changes nothing) and applies it */
  record(change: C): void;
  /** stops writing (the next open replays what the journal holds); later changes are refused */
  close(): void;
}

export interface DbJournalOptions<C> {
  /** journal files are `<path>.<n>` */
  path: string;
  /** applies one change to the data: the same function on record and on replay */
  apply(data: DbSchema, change: C): void;
  /** fold the journal into DB_PATH after this many lines (one full rewrite per that many changes) */
  foldAfterLines?: number;
  /** damaged lines: refuse to open, or (--recover-db) skip and report them */
  damage?: DamagePolicy;
}

/** A line of a journal that was not applied, other than a torn last one. */
export interface DamagedLine {
  file: string;
  /** 1-based */
  line: number;
  why: string;
}

/**
 * What to do with damaged lines: refuse to open (the default: skipping one line of
 * a journal can bring back an /unsubscribe), or, with `recover` (--recover-db),
 * apply the valid lines and report each skipped one through `onSkip`.
 */
export interface DamagePolicy {
  recover: boolean;
  onSkip?: ((damage: DamagedLine) => void) | undefined;
}

/**
 * Replays one journal file, a JSON object per line, through `apply`.
 *
 * A torn last line (no newline after it: the append a crash cut short) recorded a
 * change that did not finish; it is skipped without a word. Any other line that is
 * not a JSON object, or that `apply` cannot apply, is damage: the file and line are
 * named, and the policy decides. Without `recover`, nothing is applied before the
 * whole file was checked, except what `apply` already did when it threw (the caller
 * writes nothing after a refusal, so memory is all that changed).
 */
export const replayJournal = <T>(file: string, text: string, apply: (value: T) => void, policy: DamagePolicy): void => {
  const damaged: DamagedLine[] = [];
  const valid: { line: number; value: T }[] = [];
  const rows = text.split('\n');
  rows.forEach((raw, index) => {
    if (!raw.trim()) return;
    const torn = index === rows.length - 1; // only the last piece lacks its newline
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      if (!torn) damaged.push({ file, line: index + 1, why: `not JSON (${(error as Error).message})` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) damaged.push({ file, line: index + 1, why: `${clip(raw)} is not a change` });
    else valid.push({ line: index + 1, value: value as T });
  });
  const judge = (found: DamagedLine[]): void => {
    if (found.length === 0) return;
    if (!policy.recover) throw damageError(file, found);
    for (const d of found) policy.onSkip?.(d);
  };
  judge(damaged);
  for (const { line, value } of valid) {
    try {
      apply(value);
    } catch (error) {
      judge([{ file, line, why: `${clip(JSON.stringify(value))} cannot be applied (${(error as Error).message})` }]);
    }
  }
};

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

const damageError = (file: string, damaged: readonly DamagedLine[]): StoreError => {
  const lines = damaged.slice(0, 5).map((d) => `line ${d.line}: ${d.why}`);
  if (damaged.length > 5) lines.push(`and ${damaged.length - 5} more`);
  return new StoreError(
    'corrupt',
    file,
    `the store's journal ${file} is damaged (${lines.join('; ')}); nothing was changed. Restore it from a backup, or start with --recover-db to apply its valid lines and skip these`,
  );
};

/** the files `<path>.<n>` beside `path`, oldest (lowest n) first */
export const journalFiles = (path: string): { path: string; n: number }[] => {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => ({ path: join(dirname(path), name), n: Number(name.slice(prefix.length)) }))
    .sort((a, b) => a.n - b.n);
};

/**
 * Small changes to DB_PATH (a /subscribe, a /digest setting) as one line each,
 * appended synchronously to a journal beside it, instead of a rewrite of the
 * whole file: with 10,000 subscribers that file is megabytes.
 *
 * Every full write of DB_PATH (a commit of anything else, or a fold after
 * `foldAfterLines` changes) first moves on to a new journal file and writes, in
 * the snapshot, the number of the first file it does not hold (`journal`); once
 * the write succeeded, the older files are deleted. Opening replays the files
 * from that number on, so each change is applied exactly once, whatever moment
 * a crash hit. A torn last line (SIGKILL mid-append) is a change that did not
 * finish: it is skipped; any other damage follows `damage` (replayJournal).
 */
export const openDbJournal = async <C>(db: Db, options: DbJournalOptions<C>): Promise<DbJournal<C>> => {
  const foldAfterLines = options.foldAfterLines ?? 1000;
  const files = journalFiles(options.path);
  const from = db.data.journal ?? 0;
  let replayed = 0;
  for (const file of files) {
    if (file.n < from) continue;
    replayJournal<C>(
      file.path,
      readFileSync(file.path, 'utf8'),
      (change) => {
        options.apply(db.data, change);
        replayed += 1;
      },
      options.damage ?? { recover: false },
    );
  }

  let fileNo = Math.max(from, (files.at(-1)?.n ?? 0) + 1);
  let known = files.map((f) => f.path);
  // opened on the first change: a store nobody subscribes to has no journal file
  let fd: number | undefined;
  let lines = 0;
  let closed = false;

  // lowdb has no hook around a write: the instance's write is wrapped, so every full write folds the journal.
  const write = db.write.bind(db);
  db.write = async () => {
    if (fd !== undefined) {
      closeSync(fd);
      fd = undefined;
      known.push(`${options.path}.${fileNo}`);
      fileNo += 1;
      lines = 0;
    }
    db.data.journal = fileNo;
    // the snapshot is taken now, synchronously: it holds every change recorded so far
    await write();
    const folded = known;
    known = [];
    for (const path of folded) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };

  const fold = (): Promise<void> => db.write().catch(() => undefined);

  // replayed changes go into DB_PATH at once, so the journal starts empty
  if (replayed > 0 || known.length > 0) await db.write();

  return {
    record(change) {
      if (closed) throw new Error(`the journal ${options.path} is closed`);
      const path = `${options.path}.${fileNo}`;
      try {
        fd ??= openSync(path, 'a');
        writeSync(fd, `${JSON.stringify(change)}\n`);
      } catch (error) {
        throw new StoreError('write-failed', path, `could not write the store's journal ${path}: ${(error as Error).message}`, { cause: error });
      }
      options.apply(db.data, change);
      lines += 1;
      if (lines >= foldAfterLines) void fold();
    },
    close() {
      if (closed) return;
      closed = true;
      if (fd !== undefined) closeSync(fd);
    },
  };
};
