/**
 * Thresholds of question answering, in one frozen object so they are tuned in
 * one place (and tests can pass their own).
 */
export const QA_DEFAULTS = Object.freeze({
  /** fuse.js score (0 perfect … 1 anything) above which a name is not a match: 0.34 admits one wrong character in three */
  nameFuzzyMaxScore: 0.34,
  /** a name mention must be at least this long to be matched fuzzily (two characters would match half the table) */
  nameFuzzyMinLength: 3,
  /**
   * share of the question's (idf-weighted) words a target must contain to count as a search hit.
   * 0.6 keeps 5G基站建设 (建设 is a common word) but drops 今天天气 (only 天气 occurs, in 重污染天气).
   */
  searchMinCoverage: 0.6,
  /** a word counts as present in a target when this share of its character pairs occurs there */
  searchMinWordCoverage: 0.6,
  /**
   * hits whose ranking is refined with whole-phrase checks (substring scans of the texts); the rest keep
   * the cheaper pair-score order. 60 covers the first six pages and keeps p95 low at 100k targets.
   */
  searchRefineTop: 60,
  /** weight of a word found in the target text against one found only in the progress text */
  searchTargetWeight: 3,
});

export type QaConfig = typeof QA_DEFAULTS;
