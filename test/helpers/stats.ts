/**
 * Tolerances for statistical tests, derived from the sample size. z = 4.5 makes a false alarm about
 * 7 in a million per comparison, so the suite stays green by design, not by luck.
 */
export const Z = 4.5;

/** Sample mean and (unbiased) variance. */
export function meanVar(xs: ArrayLike<number>): { mean: number; variance: number } {
  const n = xs.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (xs[i] - m) ** 2;
  return { mean: m, variance: v / (n - 1) };
}

/** Tolerance on a sample mean of N draws with SD sigma. */
export const meanTol = (sigma: number, n: number, z = Z): number => (z * sigma) / Math.sqrt(n);

/** Tolerance on a sample variance of N draws, from the fourth moment: SE ≈ sqrt((μ4 − σ⁴)/N). */
export const varianceTol = (variance: number, excessKurtosis: number, n: number, z = Z): number =>
  z * Math.sqrt(((excessKurtosis + 2) * variance * variance) / n);

/** Upper quantile of χ²(df) by Wilson–Hilferty, for a one-sided z. */
export function chiSquareUpper(df: number, z = Z): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Lower quantile of χ²(df) by Wilson–Hilferty. */
export function chiSquareLower(df: number, z = Z): number {
  const a = 2 / (9 * df);
  return df * Math.max(0, 1 - a - z * Math.sqrt(a)) ** 3;
}

/** Pearson χ² of observed counts against expected probabilities, merging tail bins with expected < 5. */
export function chiSquareStatistic(counts: Map<number, number>, pmf: (k: number) => number, n: number, kMax: number): { stat: number; df: number } {
  const obs: number[] = [];
  const exp: number[] = [];
  let accO = 0;
  let accE = 0;
  for (let k = 0; k <= kMax; k++) {
    accO += counts.get(k) ?? 0;
    accE += n * pmf(k);
    if (accE >= 5) {
      obs.push(accO);
      exp.push(accE);
      accO = 0;
      accE = 0;
    }
  }
  // everything above kMax joins the last bin
  let rest = 0;
  for (const [k, c] of counts) if (k > kMax) rest += c;
  let tailE = n;
  for (const e of exp) tailE -= e;
  obs.push(accO + rest);
  exp.push(Math.max(tailE, 1e-9));
  let stat = 0;
  for (let i = 0; i < obs.length; i++) stat += (obs[i] - exp[i]) ** 2 / exp[i];
  return { stat, df: obs.length - 1 };
}
