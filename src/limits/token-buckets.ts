/**
 * A token bucket per key (a user, a chat): each key holds up to `burst` tokens and regains `perSecond`
 * tokens a second; a request that finds no token is refused. Used by the chat's flood control and by
 * the dashboard's API, so that one user cannot keep a replica busy for everyone else.
 *
 * A refused key is told why at most once per `noticeIntervalMs` (`notify`), so that a flood earns one
 * notice, not one per request. Idle keys are swept when `maxKeys` is reached, so memory stays bounded
 * however many users pass by.
 */
export interface TokenBucketOptions {
  /** requests a key may make at once before it is throttled */
  burst: number;
  /** tokens regained per second (the sustained rate) */
  perSecond: number;
  /** at most one `notify` per key per this many ms */
  noticeIntervalMs: number;
  /** keys kept before idle ones are swept */
  maxKeys: number;
  /** injectable clock for tests, ms */
  now?: () => number;
}

export interface TakeResult {
  allowed: boolean;
  /** refused, and the first refusal of this key within noticeIntervalMs: tell the user why */
  notify: boolean;
  /** when refused, how long until the next token, ms */
  retryAfterMs: number;
}

export interface TokenBuckets {
  take(key: string): TakeResult;
  /** number of keys currently tracked (for tests and the soak figures) */
  size(): number;
}

interface Bucket {
  tokens: number;
  /** ms of the last refill */
  at: number;
  /** ms of the last notice, or -Infinity */
  noticedAt: number;
}

export const createTokenBuckets = (options: TokenBucketOptions): TokenBuckets => {
  const { burst, perSecond, noticeIntervalMs, maxKeys } = options;
  const now = options.now ?? Date.now;
  if (!(burst >= 1) || !(perSecond > 0)) throw new RangeError(`rate limit: burst must be ≥ 1 and perSecond > 0, got burst=${burst}, perSecond=${perSecond}`);
  const buckets = new Map<string, Bucket>();

  const refill = (b: Bucket, t: number): void => {
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
    b.at = t;
  };

  // Idle keys (full bucket, notice interval over) carry no information: drop them so the map stays bounded.
  const sweep = (t: number): void => {
    for (const [key, b] of buckets) {
      refill(b, t);
      if (b.tokens >= burst && t - b.noticedAt >= noticeIntervalMs) buckets.delete(key);
    }
  };

  return {
    take(key) {
      const t = now();
      let b = buckets.get(key);
      if (!b) {
        if (buckets.size >= maxKeys) sweep(t);
        b = { tokens: burst, at: t, noticedAt: Number.NEGATIVE_INFINITY };
        buckets.set(key, b);
      }
      refill(b, t);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { allowed: true, notify: false, retryAfterMs: 0 };
      }
      const notify = t - b.noticedAt >= noticeIntervalMs;
      if (notify) b.noticedAt = t;
      return { allowed: false, notify, retryAfterMs: Math.ceil(((1 - b.tokens) / perSecond) * 1000) };
    },
    size: () => buckets.size,
  };
};
