import { createHash } from 'node:crypto';
import { realpathSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { StoreError } from '../errors';

export interface Lock {
  release(): Promise<void>;
}

export interface LockHolder {
  pid: number;
  purpose: string;
  since: string;
}

/**
 * The lock is a listening Unix socket named after the store's real path. The
 * kernel closes a process's sockets the moment it dies, SIGKILL included, so a
 * lock can never outlive its holder: unlike a pid file, there is nothing to
 * judge stale, and no killed-but-unreaped process or reused pid can hold it.
 *
 * On Linux the name lives in the abstract namespace (no file at all). It is
 * scoped to the network namespace: two containers that share a volume but not
 * the network do not see each other's lock; run several replicas on
 * PostgreSQL instead. Elsewhere the socket is a file in the temp folder, and a
 * file whose owner died (connect is refused) is removed and taken over.
 */
export const lockSocketOf = (dbPath: string): string => {
  const absolute = resolve(dbPath);
  let folder = dirname(absolute);
  try {
    folder = realpathSync(folder);
  } catch {
    // a folder that does not exist yet: opening the store will name it
  }
  const key = createHash('sha256')
    .update(join(folder, basename(absolute)))
    .digest('hex')
    .slice(0, 32);
  return process.platform === 'linux' ? `\0target-progress-bot-store:${key}` : join(tmpdir(), `target-progress-bot-${key}.sock`);
};

/** How long a lock whose holder no longer answers may take to be released by the kernel. */
const DYING_HOLDER_MS = 3000;

const listen = (server: Server, address: string): Promise<void> =>
  new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolveListen();
    });
  });

/** Asks the lock's holder who it is; undefined when nobody listens. */
const askHolder = (address: string): Promise<LockHolder | undefined> =>
  new Promise((resolveAsk) => {
    let text = '';
    const socket = connect(address);
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('error', () => resolveAsk(undefined));
    socket.on('close', () => {
      try {
        const parsed = JSON.parse(text) as Partial<LockHolder>;
        resolveAsk({ pid: Number(parsed.pid), purpose: String(parsed.purpose ?? ''), since: String(parsed.since ?? '') });
      } catch {
        // connected, but the holder did not answer in time: still held
        resolveAsk(text === '' ? { pid: 0, purpose: 'unknown', since: '' } : undefined);
      }
    });
  });

/**
 * Takes the store's lock so that one process at a time writes the lowdb files:
 * lowdb keeps the state in memory and rewrites the file on every change, and
 * two writers would silently undo each other's changes.
 */
export const acquireLock = async (dbPath: string, purpose: string): Promise<Lock> => {
  const address = lockSocketOf(dbPath);
  const holder: LockHolder = { pid: process.pid, purpose, since: new Date().toISOString() };
  const giveUpAt = Date.now() + DYING_HOLDER_MS;
  for (let attempt = 0; ; attempt += 1) {
    const server = createServer((socket) => {
      // Any local process can connect (an abstract socket has no file permissions); one that hangs up
      // before reading makes the answer fail with EPIPE, which without a listener would end the process.
      socket.on('error', () => undefined);
      socket.end(JSON.stringify(holder));
    });
    server.on('error', () => undefined);
    try {
      await listen(server, address);
      // The lock must not keep the process alive on its own.
      server.unref();
      return { release: () => new Promise((done) => server.close(() => done())) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      const other = await askHolder(address);
      // A process that opens its own store again (tests of a restart) already holds the lock.
      if (other?.pid === process.pid) return { release: async () => undefined };
      // Bound but not answering: the holder is being torn down (its other threads are still exiting).
      if (!other && process.platform === 'linux' && Date.now() < giveUpAt) {
        await new Promise((resolveWait) => setTimeout(resolveWait, 50));
        continue;
      }
      if (other || attempt > 0 || process.platform === 'linux') {
        const who = other && other.pid > 0 ? `process ${other.pid} (${other.purpose}, since ${other.since})` : 'another process';
        throw new StoreError('locked', dbPath, `the store ${dbPath} is in use by ${who}`);
      }
      unlinkSync(address);
    }
  }
};

/** Who holds the store's lock, or undefined when nobody does. */
export const lockHolder = (dbPath: string): Promise<LockHolder | undefined> => askHolder(lockSocketOf(dbPath));
