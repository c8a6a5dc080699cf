import { createPageKeys, decodeCallback, encodeCallback, reportVersion, type CallbackData } from '../../src/bot/callback-data';
import { createQueryCache } from '../../src/bot/query-cache';
import { seedEngine } from './seed';
import { testButtons } from './harness';

describe('callback data', () => {
  const samples: CallbackData[] = [
    { type: 'page', version: 'abc123', key: { kind: 'lagging' }, page: 2 },
    { type: 'page', version: '000000', key: { kind: 'unit', index: 41 }, page: 12 },
    { type: 'page', version: 'ffffff', key: { kind: 'leader', index: 3 }, page: 1 },
    { type: 'page', version: 'a1b2c3', key: { kind: 'query', id: 'Ab-_9xYz' }, page: 99999 },
    { type: 'detail', id: '57' },
    { type: 'example', index: 2 },
    { type: 'noop' },
    { type: 'subscribe-all' },
    { type: 'subscribe-keyword' },
    { type: 'subscribe-menu', of: 'unit', page: 1 },
    { type: 'subscribe-menu', of: 'leader', page: 9999 },
    { type: 'subscribe-pick', of: 'unit', version: 'abc123', index: 0 },
    { type: 'subscribe-pick', of: 'leader', version: 'ffffff', index: 99999 },
    { type: 'unsubscribe', id: 'Ab-_9xYz01234567' },
    { type: 'column', round: 999999, cell: 999 },
    { type: 'column', round: 1, cell: 'cancel' },
    { type: 'binding', action: 'approve', id: 'Ab-_9xYz01234567' },
    { type: 'binding', action: 'refuse', id: 'a1' },
    { type: 'binding', action: 'remove', id: 'a1' },
    { type: 'remind', send: true, id: 'Ab-_9xYz01234567' },
    { type: 'remind', send: false, id: 'x' },
    { type: 'feedback', report: 999999999999, target: 'A'.repeat(40) },
    { type: 'remind-list', version: 'abc123', key: { kind: 'query', id: 'Ab-_9xYz01234567' } },
    { type: 'remind-list', version: 'abc123', key: { kind: 'lagging' } },
    { type: 'export', version: 'abc123', key: { kind: 'query', id: 'Ab-_9xYz01234567' } },
    { type: 'export', version: 'ffffff', key: { kind: 'lagging' } },
    { type: 'export', version: '000000', key: { kind: 'unit', index: 999999 } },
  ];

  it('round-trips every format within 64 ASCII bytes', () => {
    for (const data of samples) {
      const raw = encodeCallback(data);
      expect(Buffer.byteLength(raw, 'utf8')).toBeLessThanOrEqual(64);
      expect(raw).toMatch(/^[\x21-\x7e]+$/);
      expect(decodeCallback(raw)).toEqual(data);
    }
  });

  it('rejects forged or foreign data instead of guessing', () => {
    for (const raw of [
      '',
      'p:abc:lag:1',
      'p:abc123:lag:0',
      'p:abc123:x9:1',
      'p:abc123:lag:1:extra',
      'd:',
      'd:五十七',
      'd:57;drop',
      'ex:10',
      'ex:a',
      'noop ',
      '{"a":1}',
      's:',
      's:mx:1',
      's:u:abc:1',
      's:u:ABC123:1',
      'us:',
      'us:a b',
      'cm:1:',
      'cm:x:1',
      'cm:1:1000',
      'bd:q:abc',
      'bd:a:',
      'rm:y:a b',
      'fb:1:',
      'fb:x:57',
      'fb:1:五十七',
      'x:abc123',
      'x:abc123:lag:1',
      'x:ABC123:lag',
      'x:abc123:q',
      undefined,
    ]) {
      expect(decodeCallback(raw)).toBeUndefined();
    }
  });
});

describe('createPageKeys', () => {
  it('describes unit, leader and lagging lists by position, so they survive a restart', async () => {
    const { report, engine } = await seedEngine();
    const keysBefore = createPageKeys(createQueryCache(testButtons()));
    const unitAnswer = engine.askAs('unit', '工信局');
    const unitKey = await keysBefore.keyFor(report, { as: 'unit', arg: '工信局' }, unitAnswer);
    expect(unitKey.kind).toBe('unit');
    // a fresh process with an empty store resolves the same key to the same unit
    const keysAfter = createPageKeys(createQueryCache(testButtons()));
    const origin = await keysAfter.originOf(report, unitKey);
    expect(origin).toEqual({ as: 'unit', arg: unitAnswer.query.units?.[0] });

    const leader = engine.ask('王昌华').query.leader!;
    const leaderKey = await keysBefore.keyFor(report, { as: 'leader', arg: leader }, engine.askAs('leader', leader));
    expect(await keysAfter.originOf(report, leaderKey)).toEqual({ as: 'leader', arg: leader });
    expect(await keysBefore.keyFor(report, { as: 'lagging' }, engine.askAs('lagging', ''))).toEqual({ kind: 'lagging' });
  });

  it('keeps combinations and searches in the store under a random id, which another store does not know', async () => {
    const { report, engine } = await seedEngine();
    const buttons = testButtons();
    const origin = { as: 'ask' as const, question: '王昌华负责的滞后项目' };
    const key = await createPageKeys(createQueryCache(buttons)).keyFor(report, origin, engine.ask(origin.question));
    expect(key).toEqual({ kind: 'query', id: expect.stringMatching(/^[A-Za-z0-9_-]{8}$/) });
    // any process on the same store (another replica) resolves it
    expect(await createPageKeys(createQueryCache(buttons)).originOf(report, key)).toEqual(origin);
    expect(await createPageKeys(createQueryCache(testButtons())).originOf(report, key)).toBeUndefined();
  });

  it('gives no origin for a unit index beyond the report', async () => {
    const { report } = await seedEngine();
    expect(await createPageKeys(createQueryCache(testButtons())).originOf(report, { kind: 'unit', index: 99999 })).toBeUndefined();
  });

  it('versions a report by its file hash', async () => {
    const { report } = await seedEngine();
    expect(reportVersion(report)).toBe(report.source.sha256.slice(0, 6));
    expect(reportVersion({ ...report, source: { ...report.source, sha256: '' } })).toMatch(/^[0-9a-f]{6}$/);
  });
});

describe('createQueryCache', () => {
  it('forgets the least recently used question beyond the store’s limit', async () => {
    const cache = createQueryCache(testButtons(2));
    const a = await cache.put({ as: 'ask', question: 'a' });
    const b = await cache.put({ as: 'ask', question: 'b' });
    await cache.get(a); // a is now more recent than b
    const c = await cache.put({ as: 'ask', question: 'c' });
    expect(await cache.get(b)).toBeUndefined();
    expect(await cache.get(a)).toEqual({ as: 'ask', question: 'a' });
    expect(await cache.get(c)).toEqual({ as: 'ask', question: 'c' });
  });

  it('asks nothing for a stored value that is not a question (another version’s, a damaged one)', async () => {
    const buttons = testButtons();
    await buttons.add('weird1', { as: 'drop table', arg: 1 });
    await buttons.add('weird2', 'text');
    await buttons.add('good', { as: 'search', arg: '数字' });
    const cache = createQueryCache(buttons);
    expect(await cache.get('weird1')).toBeUndefined();
    expect(await cache.get('weird2')).toBeUndefined();
    expect(await cache.get('good')).toEqual({ as: 'search', arg: '数字' });
  });
});
