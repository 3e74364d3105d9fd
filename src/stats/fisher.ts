/** Fisher's exact test for 2×2 tables. */

// ---------------------------------------------------------------------------------------------- Fisher

/** A 2×2 contingency table [[a, b], [c, d]] (rows: arms; columns: e.g. responder / non-responder). */
export type Table2x2 = readonly [readonly [number, number], readonly [number, number]];

/** Result of Fisher's exact test on a 2×2 table. */
export interface FisherExactResult {
  /** Two-sided p: the sum of P(table) over tables with the same margins and P ≤ P(observed) (R's rule). */
  p: number;
  /** One-sided p = P(X ≤ a), X the top-left cell under H0 (odds ratio < 1). */
  pLess: number;
  /** One-sided p = P(X ≥ a) (odds ratio > 1). */
  pGreater: number;
  /** Sample odds ratio a·d / (b·c) (Infinity or NaN when a cell is 0; R reports the conditional MLE instead). */
  oddsRatio: number;
}

/**
 * Fisher's exact test for a 2×2 table of counts (hypergeometric null on the top-left cell, margins fixed).
 * Tables within a relative 1e-7 of P(observed) count as "as extreme", as in R. Degenerate: NaN when a cell is
 * negative or not an integer; p = 1 when a margin is zero.
 */
export function fisherExact(table: Table2x2): FisherExactResult {
  const [[a, b], [c, d]] = table;
  const cells = [a, b, c, d];
  const oddsRatio = (a * d) / (b * c);
  if (!cells.every((x) => Number.isInteger(x) && x >= 0)) {
    return { p: Number.NaN, pLess: Number.NaN, pGreater: Number.NaN, oddsRatio: Number.NaN };
  }
  const row1 = a + b;
  const col1 = a + c;
  const n = a + b + c + d;
  const lo = Math.max(0, row1 + col1 - n);
  const hi = Math.min(row1, col1);
  // Unnormalised probabilities by the ratio P(x+1)/P(x), scaled at the mode to avoid under/overflow.
  const len = hi - lo + 1;
  const logw = new Float64Array(len);
  for (let x = lo; x < hi; x++) {
    const ratio = ((row1 - x) * (col1 - x)) / ((x + 1) * (n - row1 - col1 + x + 1));
    logw[x - lo + 1] = logw[x - lo] + Math.log(ratio);
  }
  let maxLog = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < len; i++) maxLog = Math.max(maxLog, logw[i]);
  const w = new Float64Array(len);
  let total = 0;
  for (let i = 0; i < len; i++) {
    w[i] = Math.exp(logw[i] - maxLog);
    total += w[i];
  }
  const obs = w[a - lo];
  let two = 0;
  let less = 0;
  let greater = 0;
  for (let i = 0; i < len; i++) {
    if (w[i] <= obs * (1 + 1e-7)) two += w[i];
    if (i <= a - lo) less += w[i];
    if (i >= a - lo) greater += w[i];
  }
  return { p: Math.min(1, two / total), pLess: Math.min(1, less / total), pGreater: Math.min(1, greater / total), oddsRatio };
}

