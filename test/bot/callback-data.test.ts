import { createPageKeys, decodeCallback, encodeCallback, reportVersion, type CallbackData } from '../../src/bot/callback-data';
import { createQueryCache } from '../../src/bot/query-cache';
import { seedEngine } from './seed';

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
    for (const raw of ['', 'p:abc:lag:1', 'p:abc123:lag:0', 'p:abc123:x9:1', 'p:abc123:lag:1:extra', 'd:', 'd:五十七', 'd:57;drop', 'ex:10', 'ex:a', 'noop ', '{"a":1}', 's:', 's:mx:1', 's:u:abc:1', 's:u:ABC123:1', 'us:', 'us:a b', 'cm:1:', 'cm:x:1', 'cm:1:1000', undefined]) {
      expect(decodeCallback(raw)).toBeUndefined();
    }
  });
});

describe('createPageKeys', () => {
  it('describes unit, leader and lagging lists by position, so they survive a restart', async () => {
    const { report, engine } = await seedEngine();
    const keysBefore = createPageKeys(createQueryCache(10));
    const unitAnswer = engine.askAs('unit', '工信局');
    const unitKey = keysBefore.keyFor(report, { as: 'unit', arg: '工信局' }, unitAnswer);
    expect(unitKey.kind).toBe('unit');
    // a fresh process (new cache, new key table) resolves the same key to the same unit
    const keysAfter = createPageKeys(createQueryCache(10));
    const origin = keysAfter.originOf(report, unitKey);
    expect(origin).toEqual({ as: 'unit', arg: unitAnswer.query.units?.[0] });

    const leader = engine.ask('王昌华').query.leader!;
    const leaderKey = keysBefore.keyFor(report, { as: 'leader', arg: leader }, engine.askAs('leader', leader));
    expect(keysAfter.originOf(report, leaderKey)).toEqual({ as: 'leader', arg: leader });
    expect(keysBefore.keyFor(report, { as: 'lagging' }, engine.askAs('lagging', ''))).toEqual({ kind: 'lagging' });
  });

  it('keeps combinations and searches in the bounded cache, which forgets them on restart', async () => {
    const { report, engine } = await seedEngine();
    const cache = createQueryCache(10);
    const keys = createPageKeys(cache);
    const origin = { as: 'ask' as const, question: '王昌华负责的滞后项目' };
    const key = keys.keyFor(report, origin, engine.ask(origin.question));
    expect(key.kind).toBe('query');
    expect(keys.originOf(report, key)).toEqual(origin);
    expect(createPageKeys(createQueryCache(10)).originOf(report, key)).toBeUndefined();
  });

  it('gives no origin for a unit index beyond the report', async () => {
    const { report } = await seedEngine();
    expect(createPageKeys(createQueryCache(1)).originOf(report, { kind: 'unit', index: 99999 })).toBeUndefined();
  });

  it('versions a report by its file hash', async () => {
    const { report } = await seedEngine();
    expect(reportVersion(report)).toBe(report.source.sha256.slice(0, 6));
    expect(reportVersion({ ...report, source: { ...report.source, sha256: '' } })).toMatch(/^[0-9a-f]{6}$/);
  });
});

describe('createQueryCache', () => {
  it('evicts the least recently used question beyond its capacity', () => {
    const cache = createQueryCache(2);
    const a = cache.put({ as: 'ask', question: 'a' });
    const b = cache.put({ as: 'ask', question: 'b' });
    cache.get(a); // a is now more recent than b
    const c = cache.put({ as: 'ask', question: 'c' });
    expect(cache.size).toBe(2);
    expect(cache.get(b)).toBeUndefined();
    expect(cache.get(a)).toEqual({ as: 'ask', question: 'a' });
    expect(cache.get(c)).toEqual({ as: 'ask', question: 'c' });
    expect(a).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });
});
