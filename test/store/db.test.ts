import { existsSync, mkdirSync, rmSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commit, openDb } from '../../src/store/db';
import { StoreError } from '../../src/store/errors';
import { acquireLock, lockHolder } from '../../src/store/lock';
import { createReportStore } from '../../src/store/reports';
import { emptyDb, SCHEMA_VERSION } from '../../src/store/schema';
import { readTableFile } from '../../src/table/load-table';
import { SEED_PATH } from '../helpers/seed';
import { useTempDir } from '../helpers/tmp';

describe('openDb', () => {
  const dir = useTempDir();

  it('starts empty with the current schema version when there is no file', async () => {
    const db = await openDb(join(dir(), 'db.json'));
    expect(db.data).toEqual(emptyDb());
    expect(db.data.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('keeps a stored report across reopening the file', async () => {
    const path = join(dir(), 'db.json');
    const report = await readTableFile(SEED_PATH);
    await createReportStore(await openDb(path)).add(report, new Date('2022-10-08T02:00:00Z'));

    const reopened = createReportStore(await openDb(path));
    expect(reopened.history()).toHaveLength(1);
    expect(reopened.current()).toEqual({ ...report, importedAt: '2022-10-08T02:00:00.000Z' });
    expect(reopened.findBySha(report.source.sha256)?.targets).toHaveLength(48);
  });

  it('migrates a file written before schemaVersion existed', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(path, JSON.stringify({ reports: [] }));
    const db = await openDb(path);
    expect(db.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(db.data.subscriptions).toEqual([]);
  });

  it('refuses a corrupt file, naming it, and leaves it byte-identical', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(path, '{"schemaVersion":1,"reports":[{"title":');
    const before = readFileSync(path);
    await expect(openDb(path)).rejects.toThrow(new RegExp(`the store ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON`));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('moves a corrupt file aside and starts empty only when asked to recover', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(path, 'not json');
    const db = await openDb(path, { recover: true });
    expect(db.data.reports).toEqual([]);
    expect(readdirSync(dir()).some((n) => n.startsWith('db.json.corrupt-'))).toBe(true);
  });

  it('refuses a file from a newer schema version', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 }));
    await expect(openDb(path)).rejects.toMatchObject({ code: 'unsupported-version' });
  });

  it('reports a failed write and undoes the change in memory', async () => {
    const path = join(dir(), 'db.json');
    const db = await openDb(path);
    db.write = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const reports = createReportStore(db);
    const report = await readTableFile(SEED_PATH);
    await expect(reports.add(report)).rejects.toBeInstanceOf(StoreError);
    await expect(reports.add(report)).rejects.toThrow(/could not write the store: ENOSPC/);
    expect(reports.current()).toBeUndefined();
    expect(existsSync(path)).toBe(false);
  });

  it('writes atomically: the file on disk is either the old or the new complete JSON', async () => {
    const path = join(dir(), 'db.json');
    const db = await openDb(path);
    await commit(db, (data) => {
      data.chats.push({ chatId: 1, digest: 'off', active: true });
      return { result: undefined, undo: () => void data.chats.pop() };
    });
    expect(JSON.parse(readFileSync(path, 'utf8')).chats).toEqual([{ chatId: 1, digest: 'off', active: true }]);
    // steno writes a temp file next to the target and renames it; none is left behind
    expect(readdirSync(dir())).toEqual(['db.json']);
  });

  it('fails when the folder cannot be written, leaving memory as it was', async () => {
    // The folder is replaced by a regular file after opening: writes then fail for root too
    // (ENOTDIR), unlike a chmod'ed folder, which root may still write.
    const folder = join(dir(), 'store');
    mkdirSync(folder);
    const db = await openDb(join(folder, 'db.json'));
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'not a folder');
    const reports = createReportStore(db);
    await expect(reports.add(await readTableFile(SEED_PATH))).rejects.toMatchObject({ code: 'write-failed' });
    expect(reports.history()).toHaveLength(0);
  });
});

describe('acquireLock', () => {
  const dir = useTempDir();

  it('lets one process hold the store and names the holder to the next', async () => {
    const path = join(dir(), 'db.json');
    const lock = await acquireLock(path, 'bot');
    expect((await lockHolder(path))?.pid).toBe(process.pid);
    await lock.release();
    expect(await lockHolder(path)).toBeUndefined();
  });

  it('refuses while another live process holds the lock', async () => {
    const path = join(dir(), 'db.json');
    // pid 1 is always alive
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 1, purpose: 'bot', since: '2022-10-01T00:00:00Z' }));
    await expect(acquireLock(path, 'import')).rejects.toThrow(/is in use by process 1 \(bot/);
  });

  it('takes over a lock left by a process that died (SIGKILL)', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'bot', since: 'x' }));
    const lock = await acquireLock(path, 'bot');
    expect((await lockHolder(path))?.pid).toBe(process.pid);
    await lock.release();
  });
});
