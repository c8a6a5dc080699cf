import { createLogSampler } from '../../src/limits/log-sampler';

describe('log sampler', () => {
  it('lets one line per key through per interval, carrying the count of events it stands for, and stays bounded', () => {
    let t = 0;
    const sampler = createLogSampler({ intervalMs: 60_000, maxKeys: 3, now: () => t });
    expect(sampler.take('a')).toBe(1);
    for (let i = 0; i < 99; i += 1) expect(sampler.take('a')).toBeUndefined();
    expect(sampler.take('b')).toBe(1);
    t = 60_000;
    expect(sampler.take('a')).toBe(100); // the 99 unlogged ones and this one
    expect(sampler.take('a')).toBeUndefined();
    // keys over the bound: those whose interval is over go first, then all
    expect(sampler.take('c')).toBe(1);
    expect(sampler.take('d')).toBe(1);
    expect(sampler.take('e')).toBe(1);
    expect(sampler.take('a')).toBe(1);
  });
});
