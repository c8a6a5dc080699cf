/**
 * Thresholds for the traffic lights, in one frozen object; callers override
 * per call (`assessTarget(t, r, { paceMargin: 0.05 })`), never by mutation.
 */
export interface ProgressOptions {
  /**
   * How far (as a share, 0.10 = 10 percentage points) the achieved share may
   * trail the share of time elapsed before a target turns yellow.
   *
   * Why 10 points: reports come quarterly, so one quarter of slip on a
   * year-long target is 25 points; 10 points (about five weeks) flags a real
   * slip within the quarter it happens, while absorbing what is normal in these
   * tables: work that lands in batches (facilities handed over together),
   * statistics that lag a month behind the as-of date, and rounding in texts
   * like 完成95%.
   */
  paceMargin: number;
  /**
   * How far a reported rate may fall short of a rate goal, relative to the goal
   * (0.10: 增长8% tolerates 7.2% or more; 6.8% is 15% short → yellow).
   * Relative, because a 1-point miss means more on a 5% goal than on a 30% one.
   */
  rateMargin: number;
  /** cells in a text progress bar */
  barCells: number;
}

export const PROGRESS_DEFAULTS: Readonly<ProgressOptions> = Object.freeze({
  paceMargin: 0.1,
  rateMargin: 0.1,
  barCells: 10,
});

export const withDefaults = (options: Partial<ProgressOptions> = {}): ProgressOptions => ({ ...PROGRESS_DEFAULTS, ...options });
