import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../../src/store/db';
import { openOutbox } from '../../src/alerts/outbox';
import { useTempDir } from '../helpers/tmp';
import { openStores } from './helpers';

const dir = useTempDir();

/** What a fresh process would see: the store file and journals as left on disk. */
const reopen = async (dbPath: string) => openOutbox(await openDb(dbPath), { journalPath: `${dbPath}.outbox` });

const alerts = (n: number, chatId = 1) => Array.from({ length: n }, (_, i) => ({ id: `t:${chatId}:${i + 1}`, chatId, text: `message ${i + 1}` }));

describe('outbox', () => {
  it('has the alerts in the store file before enqueue returns', async () => {
    const { dbPath, outbox } = await openStores(dir());
    await outbox.enqueue(alerts(3), { report: 1, reportSha: 'abc', alerts: 3, chats: 1 });
    const onDisk = JSON.parse(readFileSync(dbPath, 'utf8')) as { outbox: { id: string; state: string }[]; fanOuts: { report: number }[] };
    expect(onDisk.outbox.map((a) => [a.id, a.state])).toEqual([
      ['t:1:1', 'pending'],
      ['t:1:2', 'pending'],
      ['t:1:3', 'pending'],
    ]);
    expect(onDisk.fanOuts.map((f) => f.report)).toEqual([1]);
    await outbox.close();
  });

  it('adds nothing when the same ids are enqueued again', async () => {
    const { outbox } = await openStores(dir());
    expect(await outbox.enqueue(alerts(2))).toHaveLength(2);
    expect(await outbox.enqueue(alerts(3))).toHaveLength(1);
    expect(outbox.pending().map((a) => a.id)).toEqual(['t:1:1', 't:1:2', 't:1:3']);
    await outbox.close();
  });

  it('remembers accepted alerts after a crash without a compaction (journal replay)', async () => {
    const { dbPath, outbox } = await openStores(dir());
    const [a, b, c] = await outbox.enqueue(alerts(3));
    outbox.markSending(a!);
    outbox.markSent(a!, 41);
    outbox.markSending(b!);
    outbox.markFailed(b!, '400: Bad Request: message is too long');
    outbox.markSending(c!);
    outbox.markRetry(c!, 12345, 'server: Internal Server Error');
    // no close(), no compact(): the process "dies" here
    const after = await reopen(dbPath);
    expect(after.get('t:1:1')).toMatchObject({ state: 'sent', messageId: 41, attempts: 1 });
    expect(after.get('t:1:2')).toMatchObject({ state: 'failed', error: '400: Bad Request: message is too long' });
    expect(after.get('t:1:3')).toMatchObject({ state: 'pending', attempts: 1, notBefore: 12345 });
    expect(after.pending().map((x) => x.id)).toEqual(['t:1:3']);
    expect(after.uncertain).toEqual([]);
    await after.close();
  });

  it('reports an alert whose send started but was never answered as uncertain, and keeps it pending', async () => {
    const { dbPath, outbox } = await openStores(dir());
    const [a, b] = await outbox.enqueue(alerts(2));
    outbox.markSending(a!);
    outbox.markSent(a!, 7);
    outbox.markSending(b!); // killed while Telegram had the request
    const after = await reopen(dbPath);
    expect(after.uncertain).toEqual(['t:1:2']);
    expect(after.pending().map((x) => x.id)).toEqual(['t:1:2']);
    await after.close();
  });

  it('folds the journal into the store on compaction and removes old journal files', async () => {
    const { dbPath, outbox } = await openStores(dir());
    const [a] = await outbox.enqueue(alerts(1));
    outbox.markSending(a!);
    outbox.markSent(a!, 1);
    await outbox.compact();
    const onDisk = JSON.parse(readFileSync(dbPath, 'utf8')) as { outbox: { state: string }[] };
    expect(onDisk.outbox[0]!.state).toBe('sent');
    const journals = readdirSync(dir()).filter((n) => n.startsWith('db.json.outbox.'));
    expect(journals).toHaveLength(1); // only the fresh, empty one
    expect(readFileSync(join(dir(), journals[0]!), 'utf8')).toBe('');
    await outbox.close();
  });

  it('prunes delivered alerts older than keepDays but never pending ones', async () => {
    const dbPath = join(dir(), 'db.json');
    let now = new Date('2022-10-01T00:00:00Z');
    const outbox = await openOutbox(await openDb(dbPath), { journalPath: `${dbPath}.outbox`, keepDays: 30, now: () => now });
    const [a] = await outbox.enqueue(alerts(2));
    outbox.markSending(a!);
    outbox.markSent(a!, 1);
    now = new Date('2022-11-15T00:00:00Z');
    await outbox.compact();
    expect(outbox.all().map((x) => x.id)).toEqual(['t:1:2']);
    await outbox.close();
  });
});
