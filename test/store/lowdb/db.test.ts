import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLowdbStore } from '../../../src/store/lowdb';
import { commit, openDb } from '../../../src/store/lowdb/db';
import { emptyDb, SCHEMA_VERSION } from '../../../src/store/lowdb/schema';
import { readTableFile } from '../../../src/table/load-table';
import { useLowdbStores } from '../../helpers/lowdb-store';
import { SEED_PATH } from '../../helpers/seed';
import { useTempDir } from '../../helpers/tmp';

const dir = useTempDir();
const openStore = useLowdbStores();

describe('lowdb files', () => {
  it('starts empty with the current schema version when there is no file', async () => {
    const db = await openDb(join(dir(), 'db.json'));
    expect(db.data).toEqual(emptyDb());
    expect(db.data.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('writes each report once, as its own file, and keeps only its id and hash in DB_PATH', async () => {
    const store = await openStore(dir());
    const report = await readTableFile(SEED_PATH);
    await store.reports.add(report, new Date('2022-10-08T02:00:00Z'));
    const reportFile = join(dir(), 'db.json.reports', '1.json');
    const written = statSync(reportFile).mtimeMs;
    await store.subscriptions.add(1, { kind: 'all' });
    await store.subscriptions.setDigest(1, 'daily');
    // a /subscribe rewrites the small file only: the report is not in it and its own file is untouched
    expect(statSync(reportFile).mtimeMs).toBe(written);
    const db = JSON.parse(readFileSync(join(dir(), 'db.json'), 'utf8')) as { reports: unknown[] };
    expect(db.reports).toEqual([{ id: 1, sha256: report.source.sha256, importedAt: '2022-10-08T02:00:00.000Z' }]);
    expect(statSync(join(dir(), 'db.json')).size).toBeLessThan(2000);
  });

  it('moves the reports and the outbox of a version 1 file out of it, keeping fan-outs keyed to the same reports', async () => {
    const path = join(dir(), 'db.json');
    const report = await readTableFile(SEED_PATH);
    const alert = { id: 'imp:1:5:1', chatId: 5, text: 'x', createdAt: '2022-10-08T02:00:00.000Z', seq: 1, state: 'pending', attempts: 0, notBefore: 0 };
    writeFileSync(
      path,
      JSON.stringify({
        schemaVersion: 1,
        reports: [
          { ...report, importedAt: '2022-07-08T02:00:00.000Z' },
          { ...report, importedAt: '2022-10-08T02:00:00.000Z' },
        ],
        subscriptions: [{ id: 'abc', chatId: 5, filter: { kind: 'all' }, createdAt: '2022-07-01T00:00:00.000Z', active: true }],
        chats: [{ chatId: 5, digest: 'daily', active: true }],
        outbox: [alert],
        fanOuts: [{ report: 1, reportSha: report.source.sha256, at: '2022-10-08T02:00:00.000Z', alerts: 1, chats: 1 }],
      }),
    );
    const store = await openStore(dir());
    expect((await store.reports.history()).map((r) => [r.id, r.importedAt])).toEqual([
      [1, '2022-07-08T02:00:00.000Z'],
      [2, '2022-10-08T02:00:00.000Z'],
    ]);
    // position 1 of the old history is the report with id 2 now
    expect(await store.outbox.hasFanOut(2)).toBe(true);
    expect(await store.outbox.pending()).toEqual([alert]);
    expect((await store.subscriptions.list(5)).map((s) => s.id)).toEqual(['abc']);
    const onDisk = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(Object.keys(onDisk).sort()).toEqual(['chats', 'reports', 'schemaVersion', 'settings', 'subscriptions']);
  });

  it('migrates a file written before schemaVersion existed', async () => {
    writeFileSync(join(dir(), 'db.json'), JSON.stringify({ reports: [] }));
    const db = await openDb(join(dir(), 'db.json'));
    expect(db.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(db.data.subscriptions).toEqual([]);
  });

  it('refuses a corrupt file, naming it, and leaves it byte-identical', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(path, '{"schemaVersion":1,"reports":[{"title":');
    const before = readFileSync(path);
    await expect(openLowdbStore({ dbPath: path, purpose: 'test' })).rejects.toThrow(new RegExp(`the store ${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON`));
    expect(readFileSync(path).equals(before)).toBe(true);
    // the lock was released with the failure
    await (await openStore(dir(), 'other.json')).close();
    await expect(openLowdbStore({ dbPath: path, purpose: 'test' })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('moves a corrupt file aside and starts empty only when asked to recover', async () => {
    const path = join(dir(), 'db.json');
    writeFileSync(path, 'not json');
    const db = await openDb(path, { recover: true });
    expect(db.data.reports).toEqual([]);
    expect(readdirSync(dir()).some((n) => n.startsWith('db.json.corrupt-'))).toBe(true);
  });

  it('names a report file that is missing', async () => {
    const store = await openStore(dir());
    await store.reports.add(await readTableFile(SEED_PATH));
    await store.close();
    rmSync(join(dir(), 'db.json.reports', '1.json'));
    await expect(openLowdbStore({ dbPath: join(dir(), 'db.json'), purpose: 'test' })).rejects.toThrow(/lists report 1, but its file .*1\.json cannot be read/);
  });

  it('refuses a file from a newer schema version', async () => {
    writeFileSync(join(dir(), 'db.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 }));
    await expect(openDb(join(dir(), 'db.json'))).rejects.toMatchObject({ code: 'unsupported-version' });
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
    const store = await openStore(folder);
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'not a folder');
    await expect(store.reports.add(await readTableFile(SEED_PATH))).rejects.toMatchObject({ code: 'write-failed' });
    expect(await store.reports.history()).toHaveLength(0);
    await expect(store.subscriptions.add(1, { kind: 'all' })).rejects.toMatchObject({ code: 'write-failed' });
    expect(await store.subscriptions.list(1)).toEqual([]);
    expect(await store.subscriptions.chats()).toEqual([]);
    expect(existsSync(join(folder, 'db.json'))).toBe(false);
  });
});
