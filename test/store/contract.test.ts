import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb';
import type { Store } from '../../src/store/ports';
import { openPostgresStore } from '../../src/store/postgres';
import type { Alert, StoredReport, Subscription } from '../../src/store/types';
import { createWeblinkStore, WEBLINKS_SCOPE, type WeblinkRecord } from '../../src/store/weblinks';
import { parseTable } from '../../src/table/load-table';
import { editedSeed } from '../alerts/tables';
import { startTestPostgres, uniqueName, type TestPostgres } from '../helpers/postgres';
import { seedBytes } from '../helpers/seed';

/**
 * The store's contract (src/store/ports.ts), run against every backend: what
 * one does, the other must do too. Each test gets a new, empty store; `reopen`
 * opens the same store again, as a restarted process (or another replica) would.
 */
interface Backend {
  name: string;
  /** a new, empty place for a store; returns how to open it */
  /** `limit` bounds both the buttons and the conversations kept */
  fresh(now?: () => Date, limit?: number): () => Promise<Store>;
}

let postgres: TestPostgres;
const tempDirs: string[] = [];
const opened: Store[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  for (const store of opened.splice(0).reverse()) await store.close();
});

const track = async (store: Promise<Store>): Promise<Store> => {
  const s = await store;
  opened.push(s);
  return s;
};

const BACKENDS: Backend[] = [
  {
    name: 'lowdb',
    fresh: (now, limit) => {
      const dir = mkdtempSync(join(tmpdir(), 'tpb-contract-'));
      tempDirs.push(dir);
      return () =>
        track(openLowdbStore({ dbPath: join(dir, 'db.json'), purpose: 'test', ...(now ? { now } : {}), ...(limit ? { buttonLimit: limit, conversationLimit: limit, updateLogLimit: limit } : {}) }));
    },
  },
  {
    name: 'postgres',
    fresh: (now, limit) => {
      const schema = uniqueName('contract');
      return () => track(openPostgresStore({ url: postgres.url, schema, ...(now ? { now } : {}), ...(limit ? { buttonLimit: limit, conversationLimit: limit, updateLogLimit: limit } : {}) }));
    },
  },
];

const seed = () => parseTable(seedBytes(), 'heze-2022-q3.tsv');
const q4 = () => parseTable(editedSeed({ lagging: ['58'] }), 'heze-2022-q4.tsv');
const alerts = (n: number, chatId = 1, prefix = 't') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}:${chatId}:${i + 1}`, chatId, text: `<b>消息</b> ${i + 1}` }));
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

describe.each(BACKENDS)('$name store', (backend) => {
  describe('reports', () => {
    it('is empty before the first import', async () => {
      const store = await backend.fresh()();
      expect(await store.reports.current()).toBeUndefined();
      expect(await store.reports.currentId()).toBeUndefined();
      expect(await store.reports.history()).toEqual([]);
      expect(await store.isEmpty()).toBe(true);
    });

    it('gives each import a new id, keeps history oldest first, and returns reports as they were stored after a restart', async () => {
      const open = backend.fresh();
      const store = await open();
      const [q3Report, q4Report] = [await seed(), await q4()];
      const first = await store.reports.add(q3Report, new Date('2022-10-08T02:00:00Z'));
      const second = await store.reports.add(q4Report, new Date('2023-01-08T02:00:00Z'));
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store.reports.currentId()).toBe(second.id);
      expect(await store.isEmpty()).toBe(false);
      const again = await open();
      expect(await again.reports.current()).toEqual({ ...q4Report, id: second.id, importedAt: '2023-01-08T02:00:00.000Z' });
      expect((await again.reports.history()).map((r) => [r.id, r.source.sha256])).toEqual([
        [first.id, q3Report.source.sha256],
        [second.id, q4Report.source.sha256],
      ]);
      expect((await again.reports.history())[0]).toEqual({ ...q3Report, id: first.id, importedAt: '2022-10-08T02:00:00.000Z' });
    });

    it('restores reports with their ids, and later imports continue after them', async () => {
      const store = await backend.fresh()();
      const report = await seed();
      const copied: StoredReport[] = [
        { ...report, id: 3, importedAt: '2022-07-08T02:00:00.000Z' },
        { ...report, id: 7, importedAt: '2022-10-08T02:00:00.000Z' },
      ];
      await store.reports.restore(copied);
      expect(await store.reports.history()).toEqual(copied);
      expect((await store.reports.add(await q4())).id).toBe(8);
    });
  });

  describe('subscriptions and chat settings', () => {
    it('adds a filter once per chat, lists a chat’s subscriptions oldest first, and keeps them after a restart', async () => {
      const open = backend.fresh(() => new Date('2022-10-01T00:00:00Z'));
      const store = await open();
      const a = await store.subscriptions.add(1, { kind: 'unit', unit: '市工业和信息化局' }, 'private');
      const b = await store.subscriptions.add(1, { kind: 'keyword', keyword: '5G', terms: ['5g'] });
      const again = await store.subscriptions.add(1, { kind: 'unit', unit: '市工业和信息化局' });
      await store.subscriptions.add(2, { kind: 'all' }, 'supergroup');
      expect([a.created, b.created, again.created]).toEqual([true, true, false]);
      expect(again.subscription).toEqual(a.subscription);
      expect(a.subscription).toMatchObject({ chatId: 1, createdAt: '2022-10-01T00:00:00.000Z', active: true });
      expect(a.subscription.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
      const restarted = await open();
      expect(await restarted.subscriptions.list(1)).toEqual([a.subscription, b.subscription]);
      expect(await restarted.subscriptions.settings(2)).toEqual({ chatId: 2, type: 'supergroup', digest: 'off', active: true });
    });

    it('removes one subscription by id (undefined for a stale one) or all of a chat’s', async () => {
      const store = await backend.fresh()();
      const { subscription } = await store.subscriptions.add(1, { kind: 'all' });
      await store.subscriptions.add(1, { kind: 'leader', leader: '王昌华' });
      await store.subscriptions.add(1, { kind: 'unit', unit: '团市委' });
      await store.subscriptions.add(2, { kind: 'all' });
      expect(await store.subscriptions.remove(1, subscription.id)).toEqual(subscription);
      expect(await store.subscriptions.remove(1, subscription.id)).toBeUndefined();
      expect(await store.subscriptions.remove(2, (await store.subscriptions.list(1))[0]!.id)).toBeUndefined();
      expect(await store.subscriptions.removeAll(1)).toBe(2);
      expect(await store.subscriptions.list(1)).toEqual([]);
      expect(await store.subscriptions.list(2)).toHaveLength(1);
    });

    it('lists the active subscribers with their filters in the order they were made', async () => {
      const store = await backend.fresh()();
      await store.subscriptions.add(2, { kind: 'all' });
      await store.subscriptions.add(1, { kind: 'unit', unit: '团市委' });
      await store.subscriptions.add(3, { kind: 'all' });
      await store.subscriptions.add(1, { kind: 'leader', leader: '王昌华' });
      await store.subscriptions.markInactive(3);
      expect([...(await store.subscriptions.subscribers())].sort(([x], [y]) => x - y)).toEqual([
        [
          1,
          [
            { kind: 'unit', unit: '团市委' },
            { kind: 'leader', leader: '王昌华' },
          ],
        ],
        [2, [{ kind: 'all' }]],
      ]);
    });

    it('stores digest, quiet hours and yellow per chat, with defaults for a chat that set nothing', async () => {
      const open = backend.fresh();
      const store = await open();
      expect(await store.subscriptions.settings(9)).toEqual({ chatId: 9, digest: 'off', active: true });
      expect(await store.subscriptions.setDigest(9, 'weekly', 'group')).toEqual({ chatId: 9, type: 'group', digest: 'weekly', active: true });
      await store.subscriptions.setQuiet(9, { from: 22, to: 8 });
      expect(await store.subscriptions.setYellow(9, true)).toEqual({ chatId: 9, type: 'group', digest: 'weekly', quiet: { from: 22, to: 8 }, yellow: true, active: true });
      await store.subscriptions.setQuiet(9, undefined);
      await store.subscriptions.setYellow(9, false);
      // the first type a chat was seen with stays
      await store.subscriptions.setDigest(9, 'daily', 'supergroup');
      expect(await (await open()).subscriptions.settings(9)).toEqual({ chatId: 9, type: 'group', digest: 'daily', active: true });
      expect((await store.subscriptions.chats()).map((c) => c.chatId)).toEqual([9]);
    });

    it('marks a chat inactive after a 403 keeping its subscriptions, and active again on /start', async () => {
      const store = await backend.fresh(() => new Date('2022-10-05T00:00:00Z'))();
      await store.subscriptions.add(1, { kind: 'all' });
      expect(await store.subscriptions.reactivate(1)).toBe(false);
      expect(await store.subscriptions.markInactive(1)).toBe(true);
      expect(await store.subscriptions.markInactive(1)).toBe(false);
      expect(await store.subscriptions.settings(1)).toMatchObject({ active: false, inactiveSince: '2022-10-05T00:00:00.000Z' });
      expect((await store.subscriptions.list(1)).map((s) => s.active)).toEqual([false]);
      // a subscription made while inactive is inactive too
      await store.subscriptions.add(1, { kind: 'unit', unit: '团市委' });
      expect((await store.subscriptions.list(1)).map((s) => s.active)).toEqual([false, false]);
      expect(await store.subscriptions.reactivate(1)).toBe(true);
      expect(await store.subscriptions.settings(1)).toEqual({ chatId: 1, digest: 'off', active: true });
      expect((await store.subscriptions.list(1)).map((s) => s.active)).toEqual([true, true]);
      // a chat never seen: nothing to reactivate, but a 403 is remembered
      expect(await store.subscriptions.reactivate(5)).toBe(false);
      expect(await store.subscriptions.markInactive(5)).toBe(true);
    });

    it('hands out copies: changing a returned record changes nothing stored', async () => {
      const store = await backend.fresh()();
      await store.subscriptions.add(1, { kind: 'unit', unit: '团市委' });
      const [listed] = await store.subscriptions.list(1);
      (listed!.filter as { unit: string }).unit = '改了';
      const settings = await store.subscriptions.settings(1);
      settings.digest = 'daily';
      expect((await store.subscriptions.list(1))[0]!.filter).toEqual({ kind: 'unit', unit: '团市委' });
      expect((await store.subscriptions.settings(1)).digest).toBe('off');
    });

    it('restores chats and subscriptions as they were, ids and times included', async () => {
      const store = await backend.fresh()();
      const chats = [
        { chatId: -100, type: 'supergroup' as const, digest: 'daily' as const, quiet: { from: 23, to: 7 }, yellow: true, active: true },
        { chatId: 4, digest: 'off' as const, active: false, inactiveSince: '2022-09-01T00:00:00.000Z' },
      ];
      const subscriptions: Subscription[] = [
        { id: 'AAAAAAAA', chatId: 4, filter: { kind: 'all' }, createdAt: '2022-08-01T00:00:00.000Z', active: false },
        { id: 'BBBBBBBB', chatId: -100, filter: { kind: 'keyword', keyword: '5G', terms: ['5g'] }, createdAt: '2022-08-02T00:00:00.000Z', active: true },
      ];
      await store.subscriptions.restore(chats, subscriptions);
      expect(await store.subscriptions.all()).toEqual(subscriptions);
      expect([...(await store.subscriptions.chats())].sort((a, b) => a.chatId - b.chatId)).toEqual(chats);
    });
  });

  describe('outbox', () => {
    it('adds only alerts with new ids, in enqueue order, with the fan-out record in the same write', async () => {
      const open = backend.fresh();
      const store = await open();
      const first = await store.outbox.enqueue([...alerts(2), { id: 's:1', chatId: 2, text: '静音', silent: true }], { report: 4, reportSha: 'abc', alerts: 3, chats: 2 });
      expect(ids(first)).toEqual(['t:1:1', 't:1:2', 's:1']);
      expect(first[2]).toMatchObject({ chatId: 2, text: '静音', silent: true, state: 'pending', attempts: 0, notBefore: 0 });
      expect(first[1]!.seq).toBeGreaterThan(first[0]!.seq);
      // the same ids again, and a duplicate inside one batch, add nothing twice
      const second = await store.outbox.enqueue([...alerts(3), { id: 't:1:3', chatId: 1, text: 'again' }]);
      expect(ids(second)).toEqual(['t:1:3']);
      expect(second[0]!.seq).toBeGreaterThan(first[2]!.seq);
      const again = await open();
      expect(ids(await again.outbox.pending())).toEqual(['t:1:1', 't:1:2', 's:1', 't:1:3']);
      expect(await again.outbox.hasFanOut(4)).toBe(true);
      expect(await again.outbox.hasFanOut(5)).toBe(false);
      expect(await again.outbox.fanOuts()).toMatchObject([{ report: 4, reportSha: 'abc', alerts: 3, chats: 2 }]);
    });

    it('records sending, sent, retry and failed, updating the alert it is given, and keeps them after a restart', async () => {
      const open = backend.fresh(() => new Date('2022-10-10T01:00:00Z'));
      const store = await open();
      const [a, b, c] = await store.outbox.enqueue(alerts(3));
      await store.outbox.markSending(a!);
      expect(a!.attempts).toBe(1);
      await store.outbox.markSent(a!, 41);
      await store.outbox.markSending(b!);
      await store.outbox.markFailed(b!, '400: Bad Request: message is too long');
      await store.outbox.markSending(c!);
      await store.outbox.markRetry(c!, 1_665_370_000_000, 'server: Internal Server Error');
      expect(a).toMatchObject({ state: 'sent', messageId: 41, sentAt: '2022-10-10T01:00:00.000Z' });
      const again = await open();
      expect(await again.outbox.get('t:1:1')).toEqual(a);
      expect(await again.outbox.get('t:1:2')).toMatchObject({ state: 'failed', attempts: 1, error: '400: Bad Request: message is too long' });
      expect(await again.outbox.get('t:1:3')).toMatchObject({ state: 'pending', attempts: 1, notBefore: 1_665_370_000_000, error: 'server: Internal Server Error' });
      expect(await again.outbox.get('nope')).toBeUndefined();
      expect(ids(await again.outbox.pending())).toEqual(['t:1:3']);
      expect(ids(await again.outbox.all())).toEqual(['t:1:1', 't:1:2', 't:1:3']);
      // a retry that then succeeds clears the error
      const [retried] = await again.outbox.pending();
      await again.outbox.markSending(retried!);
      await again.outbox.markSent(retried!, undefined);
      expect(await again.outbox.get('t:1:3')).toMatchObject({ state: 'sent', attempts: 2 });
      expect((await again.outbox.get('t:1:3'))!.error).toBeUndefined();
    });

    it('names an alert whose send started and was never answered as uncertain after a crash, and keeps it pending', async () => {
      const open = backend.fresh();
      const store = await open();
      const [a, b] = await store.outbox.enqueue(alerts(2));
      await store.outbox.markSending(a!);
      await store.outbox.markSent(a!, 7);
      await store.outbox.markSending(b!); // killed while Telegram had the request
      const after = await open();
      expect(after.outbox.uncertain).toEqual(['t:1:2']);
      expect(ids(await after.outbox.pending())).toEqual(['t:1:2']);
    });

    it('prunes delivered and failed alerts older than keepDays, never pending ones', async () => {
      let now = new Date('2022-10-01T00:00:00Z');
      const store = await backend.fresh(() => now)();
      const [a, b] = await store.outbox.enqueue(alerts(3));
      await store.outbox.markSent(a!, 1);
      await store.outbox.markFailed(b!, 'forbidden');
      now = new Date('2022-11-15T00:00:00Z');
      await store.outbox.compact();
      expect(ids(await store.outbox.all())).toEqual(['t:1:3']);
    });

    it('tells listeners what each enqueue added, and nothing for ids it already had', async () => {
      const store = await backend.fresh()();
      const heard: Alert[][] = [];
      const stop = store.outbox.onEnqueued((added) => heard.push(added));
      await store.outbox.enqueue(alerts(2));
      await store.outbox.enqueue(alerts(2));
      stop();
      await store.outbox.enqueue(alerts(1, 5));
      expect(heard.map(ids)).toEqual([['t:1:1', 't:1:2']]);
    });

    it('restores alerts and fan-outs as they were, and later alerts come after them', async () => {
      const store = await backend.fresh()();
      const copied: Alert[] = [
        { id: 'imp:2:1:1', chatId: 1, text: 'a', createdAt: '2022-10-08T02:00:00.000Z', seq: 10, state: 'sent', attempts: 1, notBefore: 0, sentAt: '2022-10-08T02:00:01.000Z', messageId: 5 },
        {
          id: 'imp:2:2:1',
          chatId: 2,
          text: 'b',
          createdAt: '2022-10-08T02:00:00.000Z',
          seq: 11,
          state: 'pending',
          attempts: 2,
          notBefore: 1_665_194_400_000,
          silent: true,
          error: 'server: Bad Gateway',
        },
      ];
      await store.outbox.restore(copied, [{ report: 2, reportSha: 'abc', at: '2022-10-08T02:00:00.000Z', alerts: 2, chats: 2 }]);
      expect(await store.outbox.all()).toEqual(copied);
      expect(await store.outbox.fanOuts()).toEqual([{ report: 2, reportSha: 'abc', at: '2022-10-08T02:00:00.000Z', alerts: 2, chats: 2 }]);
      const [next] = await store.outbox.enqueue(alerts(1));
      expect(next!.seq).toBeGreaterThan(11);
    });
  });

  describe('supervision', () => {
    it('binds a chat to a unit once, decides a pending binding once, removes it, and keeps all of it after a restart', async () => {
      const open = backend.fresh(() => new Date('2022-10-10T01:00:00Z'));
      const store = await open();
      const first = await store.supervision.requestBinding({ chatId: -100, unit: '市科学技术局', requestedBy: 7, chatTitle: '科技局工作群' });
      expect(first.created).toBe(true);
      expect(first.binding).toMatchObject({ chatId: -100, unit: '市科学技术局', state: 'pending', requestedBy: 7, chatTitle: '科技局工作群', requestedAt: '2022-10-10T01:00:00.000Z' });
      const again = await store.supervision.requestBinding({ chatId: -100, unit: '市科学技术局', requestedBy: 8 });
      expect(again).toEqual({ binding: first.binding, created: false });
      const other = (await store.supervision.requestBinding({ chatId: 5, unit: '市工业和信息化局', requestedBy: 5 })).binding;
      expect(await store.supervision.decideBinding(first.binding.id, 'approved', 9001)).toMatchObject({ state: 'approved', decidedBy: 9001, decidedAt: '2022-10-10T01:00:00.000Z' });
      // decided once: a second tap (another admin, another replica) changes nothing
      expect(await store.supervision.decideBinding(first.binding.id, 'refused', 9002)).toBeUndefined();
      expect(await store.supervision.decideBinding('nope', 'approved', 9001)).toBeUndefined();
      await store.supervision.decideBinding(other.id, 'refused', 9001);
      const reopened = await open();
      expect((await reopened.supervision.bindings()).map((b) => [b.unit, b.state])).toEqual([
        ['市科学技术局', 'approved'],
        ['市工业和信息化局', 'refused'],
      ]);
      expect(await reopened.supervision.removeBinding(other.id)).toMatchObject({ id: other.id });
      expect(await reopened.supervision.removeBinding(other.id)).toBeUndefined();
      expect((await (await open()).supervision.bindings()).map((b) => b.id)).toEqual([first.binding.id]);
    });

    it('records reminders once per id and replies per report, and remembers who is writing a reply', async () => {
      const open = backend.fresh(() => new Date('2022-10-10T01:00:00Z'));
      const store = await open();
      const reminder = { id: 'b1:1', reportId: 3, unit: '市工业和信息化局', targets: ['47', '57'], chatIds: [-100, 5], by: 9001, at: '2022-10-10T01:00:00.000Z' };
      await store.supervision.recordReminders([reminder, { ...reminder, id: 'b1:2', unit: '市科学技术局', targets: ['57'], chatIds: [6] }]);
      await store.supervision.recordReminders([{ ...reminder, targets: ['1'] }]);
      await store.supervision.recordReminders([{ ...reminder, id: 'b2:1', reportId: 4 }]);
      const reply = await store.supervision.addReply({
        reportId: 3,
        target: '57',
        unit: '市工业和信息化局',
        chatId: -100,
        userId: 11,
        person: '张三',
        text: '已开工',
        file: { kind: 'photo', fileId: 'AgAD' },
        at: '2022-10-11T01:00:00.000Z',
      });
      expect(reply.id).toMatch(/^[A-Za-z0-9_-]{8}$/);
      await store.supervision.addReply({ reportId: 4, target: '57', unit: '市工业和信息化局', chatId: -100, userId: 11, person: '张三', text: '下一期', at: '2022-12-11T01:00:00.000Z' });
      await store.supervision.setAwaited(-100, 11, { reportId: 3, target: '47', unit: '市工业和信息化局', since: '2022-10-10T01:00:00.000Z' });
      await store.supervision.setAwaited(-100, 12, { reportId: 3, target: '57', unit: '市工业和信息化局', since: '2022-10-10T01:00:00.000Z' });
      await store.supervision.setAwaited(-100, 12, undefined);
      const reopened = await open();
      expect(await reopened.supervision.reminders(3)).toEqual([reminder, { ...reminder, id: 'b1:2', unit: '市科学技术局', targets: ['57'], chatIds: [6] }]);
      expect((await reopened.supervision.reminders()).map((r) => r.id)).toEqual(['b1:1', 'b1:2', 'b2:1']);
      expect(await reopened.supervision.replies(3)).toEqual([reply]);
      expect((await reopened.supervision.replies()).map((r) => r.text)).toEqual(['已开工', '下一期']);
      expect(await reopened.supervision.awaited(-100, 11)).toEqual({ reportId: 3, target: '47', unit: '市工业和信息化局', since: '2022-10-10T01:00:00.000Z' });
      expect(await reopened.supervision.awaited(-100, 12)).toBeUndefined();
    });

    it('restores bindings, reminders and replies as they were, and counts them as stored data', async () => {
      const source = await backend.fresh(() => new Date('2022-10-10T01:00:00Z'))();
      const { binding } = await source.supervision.requestBinding({ chatId: -100, unit: '市科技局', requestedBy: 7, chatTitle: '科技局' });
      await source.supervision.decideBinding(binding.id, 'approved', 9001);
      await source.supervision.recordReminders([{ id: 'b1:0', reportId: 3, unit: '市科技局', targets: ['57'], chatIds: [-100], by: 9001, at: '2022-10-10T01:00:00.000Z' }]);
      await source.supervision.addReply({
        reportId: 3,
        target: '57',
        unit: '市科技局',
        chatId: -100,
        userId: 11,
        person: '张三',
        text: '已开工',
        file: { kind: 'document', fileId: 'BQAD', name: '进展.pdf' },
        at: '2022-10-11T01:00:00.000Z',
      });
      const records = { bindings: await source.supervision.bindings(), reminders: await source.supervision.reminders(), replies: await source.supervision.replies() };
      const open = backend.fresh();
      const target = await open();
      expect(await target.isEmpty()).toBe(true);
      await target.supervision.restore(records);
      expect(await target.isEmpty()).toBe(false);
      const again = await open();
      expect({ bindings: await again.supervision.bindings(), reminders: await again.supervision.reminders(), replies: await again.supervision.replies() }).toEqual(records);
    });

    it('keeps an alert’s buttons through the outbox', async () => {
      const open = backend.fresh();
      const store = await open();
      const buttons = [[{ text: '反馈 57', data: 'fb:3:57' }], [{ text: '反馈 47', data: 'fb:3:47' }]];
      const [alert] = await store.outbox.enqueue([{ id: 'rem:b1:5:1', chatId: 5, text: '催办', buttons }]);
      expect(alert!.buttons).toEqual(buttons);
      expect((await (await open()).outbox.pending())[0]!.buttons).toEqual(buttons);
    });
  });

  describe('settings', () => {
    it('keeps JSON values per scope and key across a restart', async () => {
      const open = backend.fresh();
      const store = await open();
      expect(await store.settings.get('columns', 'heze')).toBeUndefined();
      await store.settings.put('columns', 'heze', { 序号: 0, 完成情况: 4 });
      await store.settings.put('columns', 'dezhou', { 序号: 1 });
      await store.settings.put('web-tokens', 'heze', 'sha256:abc');
      await store.settings.put('columns', 'heze', { 序号: 0, 完成情况: 5 });
      const again = await open();
      expect(await again.settings.get('columns', 'heze')).toEqual({ 序号: 0, 完成情况: 5 });
      expect(await again.settings.list('columns')).toEqual([
        { key: 'dezhou', value: { 序号: 1 } },
        { key: 'heze', value: { 序号: 0, 完成情况: 5 } },
      ]);
      expect(await again.settings.delete('columns', 'heze')).toBe(true);
      expect(await again.settings.delete('columns', 'heze')).toBe(false);
      expect(await again.settings.list('columns')).toEqual([{ key: 'dezhou', value: { 序号: 1 } }]);
      expect(await again.settings.get('web-tokens', 'heze')).toBe('sha256:abc');
      expect(await again.settings.scopes()).toEqual(['columns', 'web-tokens']);
      await again.settings.delete('columns', 'dezhou');
      expect(await again.settings.scopes()).toEqual(['web-tokens']);
    });
  });

  describe('settings in one write', () => {
    it('puts and removes many keys of a scope at once, counts what was removed, and keeps it across a restart', async () => {
      const open = backend.fresh();
      const store = await open();
      await store.settings.put('s', 'a', 1);
      await store.settings.put('other', 'a', 'kept');
      expect(
        await store.settings.update('s', {
          put: [
            { key: 'b', value: { n: 2 } },
            { key: 'c', value: 3 },
            { key: 'c', value: 4 },
          ],
          remove: ['a', 'zz', 'a'],
        }),
      ).toBe(1);
      // a key both put and removed is put
      expect(await store.settings.update('s', { put: [{ key: 'd', value: 5 }], remove: ['d', 'b'] })).toBe(1);
      expect(await store.settings.update('s', {})).toBe(0);
      const again = await open();
      expect(await again.settings.list('s')).toEqual([
        { key: 'c', value: 4 },
        { key: 'd', value: 5 },
      ]);
      expect(await again.settings.get('other', 'a')).toBe('kept');
    });
  });

  describe('weblinks', () => {
    const day = 86_400_000;
    const link = (n: number, userId: number, createdAt: number, days = 7): WeblinkRecord => ({
      tokenHash: `h${String(n).padStart(6, '0')}`,
      userId,
      createdAt: new Date(createdAt).toISOString(),
      expiresAt: new Date(createdAt + days * day).toISOString(),
    });
    const t0 = Date.parse('2026-01-01T00:00:00Z');

    it('keeps at most three live links a user, dropping the oldest, and prunes expired ones in one go', async () => {
      const open = backend.fresh();
      const links = createWeblinkStore((await open()).settings);
      for (let i = 1; i <= 5; i += 1) await links.add(link(i, 1001, t0 + i * 1000), new Date(t0 + i * 1000));
      await links.add(link(6, 2002, t0, 1), new Date(t0));
      const now = new Date(t0 + 10_000);
      const live = async (n: number) => (await links.find(link(n, 0, 0).tokenHash, now))?.userId;
      expect(await Promise.all([1, 2, 3, 4, 5, 6].map(live))).toEqual([undefined, undefined, 1001, 1001, 1001, 2002]);
      const reopened = createWeblinkStore((await open()).settings);
      expect(await reopened.prune(new Date(t0 + 2 * day))).toBe(1);
      expect(await reopened.find(link(6, 0, 0).tokenHash, new Date(t0))).toBeUndefined();
      expect(await reopened.revokeAll(1001, new Date(t0 + 2 * day))).toBe(3);
      expect(await reopened.revokeAll(1001, new Date(t0 + 2 * day))).toBe(0);
    });

    it('revokes 20,000 links of one user at once', async () => {
      const store = await backend.fresh()();
      const links = createWeblinkStore(store.settings);
      // links issued before the cap existed
      const many = Array.from({ length: 20_000 }, (_, i) => link(i, 1001, t0 + i));
      await store.settings.update(WEBLINKS_SCOPE, { put: [...many, link(99_999, 2002, t0)].map((r) => ({ key: r.tokenHash, value: r })) });
      const started = Date.now();
      expect(await links.revokeAll(1001, new Date(t0 + 1000))).toBe(20_000);
      const ms = Date.now() - started;
      console.log(`${backend.name}: revoked 20,000 weblinks in ${ms} ms`);
      expect(ms).toBeLessThan(5000);
      expect((await store.settings.list<WeblinkRecord>(WEBLINKS_SCOPE)).map((r) => r.value.userId)).toEqual([2002]);
    }, 30_000);
  });

  describe('buttons', () => {
    it('keeps what a button stands for across a restart, refuses a taken id, and is not counted as stored data', async () => {
      const open = backend.fresh();
      const store = await open();
      expect(await store.buttons.get('Ab-_9xYz')).toBeUndefined();
      expect(await store.buttons.add('Ab-_9xYz', { as: 'ask', question: '王昌华负责的滞后项目' })).toBe(true);
      expect(await store.buttons.add('Ab-_9xYz', { as: 'ask', question: 'another' })).toBe(false);
      expect(await store.buttons.add('k2', { as: 'search', arg: '数字' })).toBe(true);
      expect(await store.isEmpty()).toBe(true);
      await store.close();
      const again = await open();
      expect(await again.buttons.get('Ab-_9xYz')).toEqual({ as: 'ask', question: '王昌华负责的滞后项目' });
      expect(await again.buttons.get('k2')).toEqual({ as: 'search', arg: '数字' });
      expect(await again.buttons.get('k3')).toBeUndefined();
    });

    it('prunes what was neither added nor read within the last `limit` adds and reads, across a restart', async () => {
      const open = backend.fresh(undefined, 3);
      const store = await open();
      for (const id of ['a', 'b', 'c']) await store.buttons.add(id, id);
      expect(await store.buttons.get('a')).toBe('a'); // a is used again: b is now the oldest
      await store.buttons.add('d', 'd');
      expect(await store.buttons.get('b')).toBeUndefined();
      await store.close();
      const again = await open();
      await again.buttons.add('e', 'e'); // c goes
      expect(await again.buttons.get('c')).toBeUndefined();
      expect(await again.buttons.get('a')).toBe('a');
      expect(await again.buttons.get('d')).toBe('d');
      expect(await again.buttons.get('e')).toBe('e');
    });
  });

  describe('handled updates', () => {
    it('remembers handled update_ids across a restart, the newest `limit` of them, and is not counted as stored data', async () => {
      const open = backend.fresh(undefined, 3);
      const store = await open();
      expect(await store.updates.has(10)).toBe(false);
      for (const id of [10, 11, 12]) await store.updates.add(id);
      await store.updates.add(11); // recorded twice (two replicas, a retry): still one
      expect(await store.isEmpty()).toBe(true);
      await store.close();
      const again = await open();
      expect([await again.updates.has(10), await again.updates.has(12)]).toEqual([true, true]);
      await again.updates.add(13); // the oldest, 10, goes
      expect(await again.updates.has(10)).toBe(false);
      expect([await again.updates.has(11), await again.updates.has(12), await again.updates.has(13)]).toEqual([true, true, true]);
    });
  });

  describe('conversations', () => {
    it('gives back what a conversation said last across a restart, until it is older than asked, and forgets a cleared one', async () => {
      let now = new Date('2026-12-03T08:00:00Z');
      const open = backend.fresh(() => now);
      const store = await open();
      const since = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
      expect(await store.conversations.get('1', since(30))).toBeUndefined();
      await store.conversations.put('1', { last: { units: ['市卫生健康委员会'] }, page: 1 });
      await store.conversations.put('-100:7', { speaker: { unit: '市团委' } });
      await store.conversations.put('1', { last: { units: ['市商务局'] }, page: 2 }); // replaces
      expect(await store.isEmpty()).toBe(true);
      await store.close();
      now = new Date('2026-12-03T08:29:00Z');
      const again = await open();
      expect(await again.conversations.get('1', since(30))).toEqual({ last: { units: ['市商务局'] }, page: 2 });
      expect(await again.conversations.get('-100:7', since(30))).toEqual({ speaker: { unit: '市团委' } });
      now = new Date('2026-12-03T08:31:00Z'); // quiet for 31 minutes
      expect(await again.conversations.get('1', since(30))).toBeUndefined();
      await again.conversations.put('1', { page: 3 });
      expect(await again.conversations.get('1', since(30))).toEqual({ page: 3 });
      await again.conversations.clear('1');
      await again.conversations.clear('never');
      expect(await again.conversations.get('1', since(30))).toBeUndefined();
      await again.close();
      const third = await open();
      expect(await third.conversations.get('1', since(30))).toBeUndefined();
      expect(await third.conversations.get('-100:7', since(60))).toEqual({ speaker: { unit: '市团委' } });
    });

    it('keeps only the `limit` most recently active conversations', async () => {
      const open = backend.fresh(undefined, 3);
      const store = await open();
      const always = new Date(0);
      for (const key of ['a', 'b', 'c']) await store.conversations.put(key, key);
      await store.conversations.put('a', 'a2'); // a is active again: b is now the oldest
      await store.conversations.put('d', 'd');
      expect(await store.conversations.get('b', always)).toBeUndefined();
      await store.close();
      const again = await open();
      await again.conversations.put('e', 'e'); // c goes
      expect(await again.conversations.get('c', always)).toBeUndefined();
      expect(await again.conversations.get('a', always)).toBe('a2');
      expect(await again.conversations.get('d', always)).toBe('d');
      expect(await again.conversations.get('e', always)).toBe('e');
    });
  });
});
