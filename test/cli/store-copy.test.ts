import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store';
import { parseTable } from '../../src/table/load-table';
import { editedSeed } from '../alerts/tables';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres';
import { seedBytes } from '../helpers/seed';
import { useTempDir } from '../helpers/tmp';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const dir = useTempDir();
let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
});

const copy = (from: string, to: string) => spawnSync(TSX, ['src/cli/store-copy.ts', '--from', from, '--to', to], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });

const openAt = (where: string): Promise<Store> => openStore(where.startsWith('postgres') ? { dbPath: '', databaseUrl: where, purpose: 'test' } : { dbPath: where, purpose: 'test' });

/** Everything a store holds, as store:copy must carry it. */
const contents = async (store: Store) => ({
  reports: await store.reports.history(),
  chats: [...(await store.subscriptions.chats())].sort((a, b) => a.chatId - b.chatId),
  subscriptions: await store.subscriptions.all(),
  alerts: await store.outbox.all(),
  fanOuts: await store.outbox.fanOuts(),
  settings: await store.settings.list('columns'),
  supervision: [await store.supervision.bindings(), await store.supervision.reminders(), await store.supervision.replies()],
});

describe('npm run store:copy', () => {
  it('moves a lowdb store to PostgreSQL and back, subscriptions and outbox included, and refuses a non-empty target', async () => {
    const dbPath = join(dir(), 'db.json');
    const source = await openAt(dbPath);
    await source.reports.add(await parseTable(seedBytes(), 'q3.tsv'), new Date('2022-10-08T02:00:00Z'));
    const current = await source.reports.add(await parseTable(editedSeed({ lagging: ['58'] }), 'q4.tsv'), new Date('2023-01-08T02:00:00Z'));
    await source.subscriptions.add(1001, { kind: 'unit', unit: '市工业和信息化局' }, 'private');
    await source.subscriptions.add(-100123, { kind: 'all' }, 'supergroup');
    await source.subscriptions.setQuiet(-100123, { from: 22, to: 8 });
    await source.subscriptions.markInactive(1001);
    const [sent] = await source.outbox.enqueue(
      [
        { id: `imp:${current.id}:1001:1`, chatId: 1001, text: '<b>一</b>' },
        { id: `imp:${current.id}:-100123:1`, chatId: -100123, text: '二', silent: true },
      ],
      { report: current.id, reportSha: current.source.sha256, alerts: 2, chats: 2 },
    );
    await source.outbox.markSending(sent!);
    await source.outbox.markSent(sent!, 77);
    await source.settings.put('columns', 'heze', { 任务名称: '责任目标内容' });
    const { binding } = await source.supervision.requestBinding({ chatId: -100123, unit: '市工业和信息化局', requestedBy: 5 });
    await source.supervision.decideBinding(binding.id, 'approved', 9001);
    await source.supervision.addReply({ reportId: current.id, target: '57', unit: '市工业和信息化局', chatId: -100123, userId: 5, person: '张三', text: '已开工', at: '2023-01-09T02:00:00.000Z' });
    const expected = await contents(source);
    await source.close();

    const url = await postgres.createDatabase();
    const there = copy(dbPath, url);
    expect(there.stderr).toBe('');
    expect(there.status).toBe(0);
    expect(there.stdout).toContain('报表 2 期，会话 2 个，订阅 2 条，提醒 2 条，设置 1 项，督办记录 2 条');
    // the password never reaches the output
    expect(there.stdout).not.toContain(new URL(url).password);
    const inPostgres = await openAt(url);
    expect(await contents(inPostgres)).toEqual(expected);
    // a new import continues after the copied ids
    expect((await inPostgres.reports.add(await parseTable(seedBytes(), 'again.tsv'))).id).toBe(current.id + 1);
    await inPostgres.close();

    const back = join(dir(), 'back.json');
    const fromPostgres = copy(url, back);
    expect(fromPostgres.stderr).toBe('');
    expect(fromPostgres.status).toBe(0);
    const again = await openAt(back);
    const roundTrip = await contents(again);
    await again.close();
    expect(roundTrip.subscriptions).toEqual(expected.subscriptions);
    expect(roundTrip.alerts).toEqual(expected.alerts);
    expect(roundTrip.supervision).toEqual(expected.supervision);
    expect(roundTrip.reports).toHaveLength(3);

    const refused = copy(dbPath, url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/复制失败：目标存储 postgres:\/\/postgres:\*\*\*@.* 不是空的，没有复制任何内容/);
  }, 120_000);

  it('names a missing argument', () => {
    const run = copy('--to', 'x');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('用法：npm run store:copy');
  });
});
