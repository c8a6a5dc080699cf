import { open, readFile, unlink } from 'node:fs/promises';
import { StoreError } from './errors';

export interface Lock {
  path: string;
  release(): Promise<void>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `<db>.lock`, holding our pid, so that one process at a time writes the
 * store. lowdb keeps the whole file in memory and rewrites it on every change:
 * two writers would silently undo each other's changes.
 *
 * A lock left by a process that no longer exists (after SIGKILL) is taken over.
 */
export const acquireLock = async (dbPath: string, purpose: string): Promise<Lock> => {
  const path = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() }));
      await handle.close();
      return { path, release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(path);
      if (holder && alive(holder.pid) && holder.pid !== process.pid) {
        throw new StoreError('locked', dbPath, `the store ${dbPath} is in use by process ${holder.pid} (${holder.purpose}, since ${holder.since})`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new StoreError('locked', dbPath, `could not take the lock ${path}`);
};

/** Who holds the lock, or undefined when nobody alive does. */
export const lockHolder = async (dbPath: string): Promise<{ pid: number; purpose: string; since: string } | undefined> => {
  const holder = await readHolder(`${dbPath}.lock`);
  return holder && alive(holder.pid) ? holder : undefined;
};

const readHolder = async (path: string): Promise<{ pid: number; purpose: string; since: string } | undefined> => {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown; purpose?: unknown; since?: unknown };
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, purpose: String(parsed.purpose ?? ''), since: String(parsed.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
};
