import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../../src/store/lowdb/db';
import { openDbJournal } from '../../../src/store/lowdb/journal';
import { applySubscriptionChange, type SubscriptionChange } from '../../../src/store/lowdb/subscriptions';
import { openLowdbStore } from '../../../src/store/lowdb';
import { useTempDir } from '../../helpers/tmp';

/** DB_PATH's journal: subscriptions and chats change by appended lines, replayed once each. */
describe('lowdb journal of subscriptions and chats', () => {
  const dir = useTempDir();
  const open = () => openLowdbStore({ dbPath: join(dir(), 'db.json'), purpose: 'test' });
  const journals = () =>
    readdirSync(dir())
      .filter((n) => /^db\.json\.journal\.\d+$/.test(n))
      .sort();

  it('appends a line per /subscribe instead of rewriting DB_PATH, and replays it on the next open', async () => {
    const store = await open();
    await store.settings.put('columns', 'x', 1); // DB_PATH exists from here on
    const before = statSync(join(dir(), 'db.json'));
    const { subscription } = await store.subscriptions.add(1, { kind: 'all' }, 'private');
    await store.subscriptions.setDigest(1, 'daily');
    await store.subscriptions.add(2, { kind: 'unit', unit: '市工业和信息化局' });
    await store.subscriptions.markInactive(2);
    const after = statSync(join(dir(), 'db.json'));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
    expect(journals()).toHaveLength(1);
    expect(readFileSync(join(dir(), journals()[0]!), 'utf8').trim().split('\n')).toHaveLength(4);
    await store.close();

    const again = await open();
    expect(await again.subscriptions.list(1)).toEqual([subscription]);
    expect(await again.subscriptions.settings(1)).toMatchObject({ digest: 'daily', type: 'private', active: true });
    expect(await again.subscriptions.settings(2)).toMatchObject({ active: false, inactiveSince: expect.any(String) });
    expect([...(await again.subscriptions.subscribers()).keys()]).toEqual([1]);
    // folded into DB_PATH on open: the journal starts empty
    expect(journals()).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir(), 'db.json'), 'utf8')).subscriptions).toHaveLength(2);
    await again.close();
  });

  it('replays no change twice: a journal left behind by a crash after DB_PATH was written is not read again', async () => {
    const store = await open();
    await store.subscriptions.add(1, { kind: 'all' });
    const [first] = journals();
    const leftover = readFileSync(join(dir(), first!));
    await store.settings.put('columns', 'x', 1); // a full write: the journal so far is in DB_PATH, its file deleted
    expect(existsSync(join(dir(), first!))).toBe(false);
    const [only] = await store.subscriptions.list(1);
    await store.subscriptions.remove(1, only!.id);
    await store.settings.put('columns', 'y', 2); // the removal goes into DB_PATH too
    await store.close();
    // as if the process died between writing DB_PATH and deleting the old journal
    writeFileSync(join(dir(), first!), leftover);

    const again = await open();
    expect(await again.subscriptions.list(1)).toEqual([]);
    await again.close();
  });

  it('skips a line torn by a crash', async () => {
    const store = await open();
    await store.subscriptions.add(1, { kind: 'all' });
    await store.close();
    appendFileSync(join(dir(), journals()[0]!), '{"op":"add","subscription":{"id":"x","chatId":2,"fil');
    const again = await open();
    expect((await again.subscriptions.all()).map((s) => s.chatId)).toEqual([1]);
    await again.close();
  });

  describe('a damaged line that is not a torn last one (issue 20, item 4)', () => {
    /** a journal of /subscribe, /subscribe, /unsubscribe for chat 1, as a stopped bot leaves it */
    const journalWith = async (): Promise<string> => {
      const store = await open();
      const { subscription } = await store.subscriptions.add(1, { kind: 'all' }, 'private');
      await store.subscriptions.add(2, { kind: 'all' }, 'private');
      await store.subscriptions.remove(1, subscription.id);
      await store.close();
      return join(dir(), journals()[0]!);
    };
    const replaceLine = (file: string, index: number, text: string): void => {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[index] = text;
      writeFileSync(file, lines.join('\n'));
    };

    it.each([
      ['a line cut in the middle of the file', '{"op":"remove","chatId":1,"i', /line 3: not JSON/],
      ['a line `null`', 'null', /line 3: null is not a change/],
      ['a line that is a change of no known shape', '{"op":"add"}', /line 3: \{"op":"add"\} cannot be applied/],
    ])('refuses to start on %s, naming the file, the line and --recover-db, and changes nothing', async (_, text, why) => {
      const file = await journalWith();
      replaceLine(file, 2, text);
      const before = readFileSync(file, 'utf8');
      const opening = open();
      await expect(opening).rejects.toThrow(why);
      await expect(opening).rejects.toThrow(`the store's journal ${file} is damaged`);
      await expect(opening).rejects.toThrow('--recover-db');
      await expect(opening).rejects.toMatchObject({ name: 'StoreError', code: 'corrupt', path: file });
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(existsSync(join(dir(), 'db.json'))).toBe(false);
    });

    it('with --recover-db applies the valid lines and reports each skipped one with file and line', async () => {
      const file = await journalWith();
      replaceLine(file, 1, 'null');
      const skipped: unknown[] = [];
      const store = await openLowdbStore({ dbPath: join(dir(), 'db.json'), purpose: 'test', recover: true, onJournalDamage: (d) => skipped.push(d) });
      expect(skipped).toEqual([{ file, line: 2, why: 'null is not a change' }]);
      // line 1 (chat 1 subscribes) and line 3 (chat 1 unsubscribes) applied; line 2 (chat 2) was lost
      expect(await store.subscriptions.all()).toEqual([]);
      await store.close();
    });
  });

  it('folds the journal into DB_PATH after foldAfterLines changes', async () => {
    const path = join(dir(), 'db.json');
    const db = await openDb(path);
    const journal = await openDbJournal<SubscriptionChange>(db, { path: `${path}.journal`, apply: applySubscriptionChange, foldAfterLines: 2 });
    const add = (chatId: number): SubscriptionChange => ({ op: 'add', subscription: { id: `s${chatId}`, chatId, filter: { kind: 'all' }, createdAt: '2022-10-01T00:00:00.000Z', active: true } });
    journal.record(add(1));
    expect(existsSync(path)).toBe(false);
    journal.record(add(2));
    await new Promise((r) => setTimeout(r, 100));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ journal: 2, subscriptions: [{ id: 's1' }, { id: 's2' }] });
    expect(journals()).toEqual([]);
    journal.record(add(3));
    expect(journals()).toEqual(['db.json.journal.2']);
    journal.close();
  });
});
