import { ALERT_DEFAULTS, alertSettingsFromEnv } from '../../src/alerts/config';
import { createRateLimiter } from '../../src/alerts/limiter';

const limits = { globalPerSecond: 25, perChatIntervalMs: 1000, perGroupPerMinute: 20 };

describe('rate limiter', () => {
  it('spaces one chat’s messages by the per-chat interval', () => {
    const limiter = createRateLimiter(limits);
    expect(limiter.chatReadyAt(1)).toBe(Number.NEGATIVE_INFINITY);
    limiter.record(1, 5000);
    expect(limiter.chatReadyAt(1)).toBe(6000);
    expect(limiter.chatReadyAt(2)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('holds a group to 20 messages in any minute', () => {
    const limiter = createRateLimiter(limits);
    for (let i = 0; i < 20; i += 1) limiter.record(-100, i * 1000);
    // the 21st must wait until the first of the last 20 is a minute old
    expect(limiter.chatReadyAt(-100)).toBe(60_000);
    // a private chat with the same history is only held to the per-chat interval
    const privateChat = createRateLimiter(limits);
    for (let i = 0; i < 20; i += 1) privateChat.record(100, i * 1000);
    expect(privateChat.chatReadyAt(100)).toBe(20_000);
  });

  it('paces global sends evenly and never allows more than the limit in a one-second window', () => {
    const limiter = createRateLimiter(limits);
    const sent: number[] = [];
    let now = 0;
    while (sent.length < 100) {
      now = limiter.globalReadyAt(now);
      limiter.record(1000 + sent.length, now);
      sent.push(now);
    }
    for (let i = 1; i < sent.length; i += 1) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(40);
    for (let i = 0; i + 25 < sent.length; i += 1) expect(sent[i + 25]! - sent[i]!).toBeGreaterThanOrEqual(1000);
  });

  it('keeps a chat paused until a 429’s retry_after has passed', () => {
    const limiter = createRateLimiter(limits);
    limiter.record(7, 0);
    limiter.pause(7, 30_000);
    expect(limiter.chatReadyAt(7)).toBe(30_000);
    limiter.prune(20_000); // still paused: not forgotten
    expect(limiter.chatReadyAt(7)).toBe(30_000);
  });
});

describe('alert settings from the environment', () => {
  it('keeps the defaults when nothing is set and takes valid overrides', () => {
    expect(alertSettingsFromEnv({})).toEqual(ALERT_DEFAULTS);
    expect(alertSettingsFromEnv({ ALERT_RATE_PER_SECOND: '10', DIGEST_TIME: '08:30' })).toMatchObject({ globalPerSecond: 10, digestTime: '08:30' });
  });

  it('names every bad variable with its allowed range', () => {
    expect(() => alertSettingsFromEnv({ ALERT_RATE_PER_SECOND: '100', ALERT_GROUP_PER_MINUTE: 'x', DIGEST_TIME: '9' })).toThrow(
      /ALERT_RATE_PER_SECOND：应为 1 到 30 之间的整数，实际为“100”[\s\S]*ALERT_GROUP_PER_MINUTE[\s\S]*DIGEST_TIME：应为当地时间 时:分/,
    );
  });
});
