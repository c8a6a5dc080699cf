import type { Measure } from './extract';
import { PROGRESS_DEFAULTS } from './defaults';
import { MEASURE_WORDS as W } from '../wording/answers';

/**
 * A one-line text progress bar for a target reply:
 * `▰▰▰▰▰▰▰▰▱▱ 83% · 目标 2000 个 · 已完成 1658 个`.
 *
 * The cells stop at full (1331 of 1000 fills 10 cells) but the percent is the
 * true one (133%). Percent and cells are rounded, except that an unfinished goal
 * never shows 100% or a full bar (99.6% shows 99% and 9 cells), so a full bar
 * always means done. Plain text: no characters that need HTML escaping.
 */
export const renderBar = (measure: Measure, cells: number = PROGRESS_DEFAULTS.barCells): string => {
  const ratio = finiteRatio(measure);
  const filled = ratio >= 1 ? cells : Math.min(cells - 1, Math.max(0, Math.round(ratio * cells)));
  const bar = '▰'.repeat(filled) + '▱'.repeat(cells - filled);
  return `${bar} ${barPercent(measure)}% · ${describeMeasure(measure)}`;
};

const finiteRatio = (measure: Measure): number => (Number.isFinite(measure.ratio) ? measure.ratio : 0);

/** The percent a bar shows (text or drawn): rounded, but below 100 while the goal is not met. */
export const barPercent = (measure: Measure): number => {
  const ratio = finiteRatio(measure);
  return ratio < 1 ? Math.min(99, Math.round(ratio * 100)) : Math.round(ratio * 100);
};

/** 目标 2000 个 · 已完成 1658 个 / 目标增长 8% · 实际增长 6.8% */
export const describeMeasure = (m: Measure): string => {
  switch (m.kind) {
    case 'growth':
      return W.growth(formatNumber(m.goal), formatNumber(m.achieved));
    case 'level':
      return W.level(formatNumber(m.goal), formatNumber(m.achieved));
    case 'share':
      return W.share(formatNumber(m.goal), formatNumber(m.achieved));
    default:
      return W.count(formatNumber(m.goal), formatNumber(m.achieved), m.unit);
  }
};

/** 10000 → 1万 (as the tables write round goals), 414.1 → 414.1, 0.8956 → 0.9 */
export const formatNumber = (n: number): string => {
  if (Math.abs(n) >= 1e4 && n % 1e4 === 0) return W.tenThousands(n / 1e4);
  return String(Math.round(n * 100) / 100);
};
