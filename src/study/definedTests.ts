import { logRankTest, welchTTest } from '../stats/index.ts';

/**
 * p-values of the study comparisons, defined at the degenerate limits where the textbook formulas give
 * 0/0 (NaN, which JSON would write as null):
 * - Welch's t with zero variance in both arms (e.g. every mouse at coverage 0 on day 0): identical
 *   means → p = 1 (no evidence of a difference); different means → p = 0 (the limit as the SDs → 0).
 * - log-rank with no event in either arm (no mouse reached the threshold): p = 1 (no difference seen).
 * These limits are documented in docs/model.md next to the study statistics.
 */

/** Welch's two-sided p, defined as 1 or 0 when both arms have zero variance. */
export function definedWelchP(a: readonly number[], b: readonly number[]): number {
  const r = welchTTest(a, b);
  if (Number.isFinite(r.p)) return r.p;
  return r.meanDifference === 0 ? 1 : 0;
}

/** Log-rank p, defined as 1 when neither arm has an event. */
export function definedLogRankP(a: { time: number[]; event: boolean[] }, b: { time: number[]; event: boolean[] }): number {
  const p = logRankTest(a, b).p;
  return Number.isFinite(p) ? p : 1;
}
