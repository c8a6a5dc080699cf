import { createTokenBuckets } from '../../src/limits/token-buckets';

describe('token buckets', () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => void (t += ms) };
  };

  it('allows a burst, then one request per token regained, and says when the next token is due', () => {
    const c = clock();
    const buckets = createTokenBuckets({ burst: 3, perSecond: 2, noticeIntervalMs: 60_000, maxKeys: 100, now: c.now });
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true]);
    expect(buckets.take('a')).toEqual({ allowed: false, notify: true, retryAfterMs: 500 });
    c.advance(250);
    expect(buckets.take('a')).toEqual({ allowed: false, notify: false, retryAfterMs: 250 });
    c.advance(250);
    expect(buckets.take('a').allowed).toBe(true);
    // another key has its own bucket
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('notifies a refused key once per interval', () => {
    const c = clock();
    const buckets = createTokenBuckets({ burst: 1, perSecond: 0.001, noticeIntervalMs: 10_000, maxKeys: 100, now: c.now });
    buckets.take('a');
    const notices = [];
    for (let i = 0; i < 30; i += 1) {
      notices.push(buckets.take('a').notify);
      c.advance(1000);
    }
    expect(notices.filter(Boolean)).toHaveLength(3);
  });

  it('keeps memory bounded: idle keys are swept when maxKeys is reached', () => {
    const c = clock();
    const buckets = createTokenBuckets({ burst: 2, perSecond: 1, noticeIntervalMs: 1000, maxKeys: 10, now: c.now });
    for (let i = 0; i < 10; i += 1) buckets.take(`k${i}`);
    expect(buckets.size()).toBe(10);
    c.advance(2000);
    buckets.take('new');
    expect(buckets.size()).toBe(1);
  });

  it('refuses options that would never allow a request', () => {
    expect(() => createTokenBuckets({ burst: 0, perSecond: 1, noticeIntervalMs: 0, maxKeys: 1 })).toThrow(/burst must be ≥ 1/);
  });
});
