import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openLowdbOutbox } from '../../../src/store/lowdb/outbox';
import { storeFiles } from '../../../src/store/lowdb/files';
import { useTempDir } from '../../helpers/tmp';

/**
 * What only the lowdb outbox does: its journal. The behaviour both backends
 * share (enqueue once, pending order, marks, pruning) is in contract.test.ts.
 */
const dir = useTempDir();

/** What a fresh process would see: the outbox file and journals as left on disk. */
const open = (options: { now?: () => Date; keepDays?: number } = {}) => {
  const files = storeFiles(join(dir(), 'db.json'));
  return openLowdbOutbox({ path: files.outbox, journalPath: files.journal, ...options });
};

const alerts = (n: number, chatId = 1) => Array.from({ length: n }, (_, i) => ({ id: `t:${chatId}:${i + 1}`, chatId, text: `message ${i + 1}` }));

describe('lowdb outbox', () => {
  it('has the alerts in the outbox file before enqueue returns', async () => {
    const outbox = await open();
    await outbox.enqueue(alerts(3), { report: 1, reportSha: 'abc', alerts: 3, chats: 1 });
    const onDisk = JSON.parse(readFileSync(join(dir(), 'db.json.outbox.json'), 'utf8')) as { outbox: { id: string; state: string }[]; fanOuts: { report: number }[] };
    expect(onDisk.outbox.map((a) => [a.id, a.state])).toEqual([
      ['t:1:1', 'pending'],
      ['t:1:2', 'pending'],
      ['t:1:3', 'pending'],
    ]);
    expect(onDisk.fanOuts.map((f) => f.report)).toEqual([1]);
    await outbox.close();
  });

  it('remembers accepted alerts after a crash without a compaction (journal replay)', async () => {
    const outbox = await open();
    const [a, b, c] = await outbox.enqueue(alerts(3));
    await outbox.markSending(a!);
    await outbox.markSent(a!, 41);
    await outbox.markSending(b!);
    await outbox.markFailed(b!, '400: Bad Request: message is too long');
    await outbox.markSending(c!);
    await outbox.markRetry(c!, 12345, 'server: Internal Server Error');
    // no close(), no compact(): the process "dies" here
    const after = await open();
    expect(await after.get('t:1:1')).toMatchObject({ state: 'sent', messageId: 41, attempts: 1 });
    expect(await after.get('t:1:2')).toMatchObject({ state: 'failed', error: '400: Bad Request: message is too long' });
    expect(await after.get('t:1:3')).toMatchObject({ state: 'pending', attempts: 1, notBefore: 12345 });
    expect((await after.pending()).map((x) => x.id)).toEqual(['t:1:3']);
    expect(after.uncertain).toEqual([]);
    await after.close();
  });

  it('reports an alert whose send started but was never answered as uncertain, and keeps it pending', async () => {
    const outbox = await open();
    const [a, b] = await outbox.enqueue(alerts(2));
    await outbox.markSending(a!);
    await outbox.markSent(a!, 7);
    await outbox.markSending(b!); // killed while Telegram had the request
    const after = await open();
    expect(after.uncertain).toEqual(['t:1:2']);
    expect((await after.pending()).map((x) => x.id)).toEqual(['t:1:2']);
    await after.close();
  });

  it('refuses a journal damaged before its last line, naming file and line; with recover skips it and says so', async () => {
    const outbox = await open();
    const [a] = await outbox.enqueue(alerts(1));
    await outbox.markSending(a!);
    await outbox.markSent(a!, 7);
    // no close(): the process "dies"; then a line in the middle is damaged
    const file = join(dir(), readdirSync(dir()).find((n) => /^db\.json\.outbox\.\d+$/.test(n))!);
    const [sending, sent] = readFileSync(file, 'utf8').trim().split('\n');
    writeFileSync(file, `${sending}\n[1,2]\n${sent}\n`);
    await expect(open()).rejects.toThrow(`the store's journal ${file} is damaged (line 2: [1,2] is not a change)`);
    const skipped: unknown[] = [];
    const files = storeFiles(join(dir(), 'db.json'));
    const recovered = await openLowdbOutbox({ path: files.outbox, journalPath: files.journal, recover: true, onSkip: (d) => skipped.push(d) });
    expect(skipped).toEqual([{ file, line: 2, why: '[1,2] is not a change' }]);
    expect(await recovered.get('t:1:1')).toMatchObject({ state: 'sent', messageId: 7 });
    await recovered.close();
  });

  it('folds the journal into the outbox file on compaction and removes old journal files', async () => {
    const outbox = await open();
    const [a] = await outbox.enqueue(alerts(1));
    await outbox.markSending(a!);
    await outbox.markSent(a!, 1);
    await outbox.compact();
    const onDisk = JSON.parse(readFileSync(join(dir(), 'db.json.outbox.json'), 'utf8')) as { outbox: { state: string }[] };
    expect(onDisk.outbox[0]!.state).toBe('sent');
    const journals = readdirSync(dir()).filter((n) => /^db\.json\.outbox\.\d+$/.test(n));
    expect(journals).toHaveLength(1); // only the fresh, empty one
    expect(readFileSync(join(dir(), journals[0]!), 'utf8')).toBe('');
    await outbox.close();
  });
});
