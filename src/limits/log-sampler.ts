/**
 * At most one log line per key (an address) per `intervalMs`, carrying how many events it stands
 * for: a flood of forged requests costs a few lines, not one each, and the count still says how big
 * it was. Keys are forgotten once their interval is over, and all at once if `maxKeys` is reached
 * within one interval, so memory stays bounded whoever knocks.
 */
export interface LogSamplerOptions {
  intervalMs: number;
  maxKeys: number;
  /** injectable clock for tests, ms */
  now?: () => number;
}

export interface LogSampler {
  /** counts one event of `key`; returns the events since its last line (this one included) when a line is due now */
  take(key: string): number | undefined;
}

export const createLogSampler = (options: LogSamplerOptions): LogSampler => {
  const now = options.now ?? Date.now;
  /** per key: when its last line was written, and the events since */
  const keys = new Map<string, { at: number; unlogged: number }>();
  return {
    take(key) {
      const t = now();
      const entry = keys.get(key);
      if (entry && t - entry.at < options.intervalMs) {
        entry.unlogged += 1;
        return undefined;
      }
      const count = (entry?.unlogged ?? 0) + 1;
      if (!entry && keys.size >= options.maxKeys) {
        for (const [k, e] of keys) if (t - e.at >= options.intervalMs) keys.delete(k);
        if (keys.size >= options.maxKeys) keys.clear();
      }
      keys.set(key, { at: t, unlogged: 0 });
      return count;
    },
  };
};
