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
}

/** The JSON lines of a journal's text; a torn line (a write a crash cut short) is skipped: what it records did not finish. */
export const jsonLines = <T>(text: string): T[] => {
  const out: T[] = [];
  for (const raw of text.split('\n')) {
    if (!raw) continue;
    try {
      out.push(JSON.parse(raw) as T);
    } catch {
      // torn
    }
  }
  return out;
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
 * finish: it is skipped.
 */
export const openDbJournal = async <C>(db: Db, options: DbJournalOptions<C>): Promise<DbJournal<C>> => {
  const foldAfterLines = options.foldAfterLines ?? 1000;
  const files = journalFiles(options.path);
  const from = db.data.journal ?? 0;
  let replayed = 0;
  for (const file of files) {
    if (file.n < from) continue;
    for (const change of jsonLines<C>(readFileSync(file.path, 'utf8'))) {
      options.apply(db.data, change);
      replayed += 1;
    }
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
