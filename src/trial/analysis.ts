import { mean, sd } from '../stats/descriptive.ts';
import { standardNormalCdf, standardNormalQuantile, studentTQuantile, studentTTwoSidedP } from '../stats/special.ts';

/**
 * Trial statistics (pure, no model): per-arm summaries with t intervals, ANCOVA of the change on arm and
 * baseline (ordinary least squares), arm differences with CI, Wilson intervals for responder proportions
 * and Newcombe (hybrid score) intervals for their differences, and a normal-approximation power curve.
 */

/** Mean ± SD and the two-sided t confidence interval of the mean. */
export interface ArmSummary {
  n: number;
  mean: number;
  sd: number;
  lo: number;
  hi: number;
}

/** Mean, SD and 95 % (or `level`) t interval of xs (NaN fields when n < 2). */
export function summarizeChange(xs: ArrayLike<number>, level = 0.95): ArmSummary {
  const n = xs.length;
  const m = n > 0 ? mean(xs) : Number.NaN;
  const s = n > 1 ? sd(xs) : Number.NaN;
  const half = n > 1 ? studentTQuantile(0.5 + level / 2, n - 1) * (s / Math.sqrt(n)) : Number.NaN;
  return { n, mean: m, sd: s, lo: m - half, hi: m + half };
}

/** Solves the symmetric positive-definite system A x = b (Gauss–Jordan with partial pivoting); returns A⁻¹ too. */
function solveWithInverse(a: number[][], b: number[]): { x: number[]; inv: number[][] } {
  const p = b.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)), b[i]]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (Math.abs(m[piv][c]) < 1e-300) throw new RangeError('ANCOVA design is singular (an arm with no subjects, or a constant baseline?)');
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c];
    for (let j = 0; j < m[c].length; j++) m[c][j] /= d;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < m[r].length; j++) m[r][j] -= f * m[c][j];
    }
  }
  return { x: m.map((row) => row[2 * p]), inv: m.map((row) => row.slice(p, 2 * p)) };
}

/** One arm's adjusted difference from the control arm. */
export interface ArmDifference {
  arm: number;
  estimate: number;
  se: number;
  lo: number;
  hi: number;
  p: number;
}

/** Result of the ANCOVA y = β₀ + Σ_a β_a·[arm = a] + γ·(baseline − mean baseline). */
export interface AncovaResult {
  df: number;
  residualSd: number;
  baselineSlope: number;
  /** Adjusted mean of each arm at the mean baseline. */
  adjustedMeans: number[];
  /** Differences of every non-control arm from the control. */
  differences: ArmDifference[];
}

/**
 * ANCOVA of `y` (e.g. change from baseline) on arm (treatment contrasts against `control`) and the centred
 * baseline, by OLS; t intervals on n − p residual degrees of freedom.
 */
export function ancova(y: ArrayLike<number>, arm: ArrayLike<number>, baseline: ArrayLike<number>, nArms: number, control = 0, level = 0.95): AncovaResult {
  const n = y.length;
  const others = Array.from({ length: nArms }, (_, a) => a).filter((a) => a !== control);
  const p = 2 + others.length;
  const bMean = mean(baseline);
  const row = (i: number): number[] => [1, ...others.map((a) => (arm[i] === a ? 1 : 0)), baseline[i] - bMean];
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const r = row(i);
    for (let j = 0; j < p; j++) {
      xty[j] += r[j] * y[i];
      for (let k = 0; k < p; k++) xtx[j][k] += r[j] * r[k];
    }
  }
  const { x: beta, inv } = solveWithInverse(xtx, xty);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const r = row(i);
    let fit = 0;
    for (let j = 0; j < p; j++) fit += r[j] * beta[j];
    rss += (y[i] - fit) ** 2;
  }
  const df = n - p;
  const s2 = df > 0 ? rss / df : Number.NaN;
  const tq = df > 0 ? studentTQuantile(0.5 + level / 2, df) : Number.NaN;
  const adjustedMeans = Array.from({ length: nArms }, (_, a) => beta[0] + (a === control ? 0 : beta[1 + others.indexOf(a)]));
  const differences = others.map((a, k) => {
    const est = beta[1 + k];
    const se = Math.sqrt(s2 * inv[1 + k][1 + k]);
    return { arm: a, estimate: est, se, lo: est - tq * se, hi: est + tq * se, p: df > 0 ? studentTTwoSidedP(est / se, df) : Number.NaN };
  });
  return { df, residualSd: Math.sqrt(s2), baselineSlope: beta[p - 1], adjustedMeans, differences };
}

/** A proportion with its Wilson score interval. */
export interface Proportion {
  k: number;
  n: number;
  p: number;
  lo: number;
  hi: number;
}

/** Wilson score interval of k successes in n (Wilson 1927). */
export function wilson(k: number, n: number, level = 0.95): Proportion {
  if (n === 0) return { k, n, p: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const z = standardNormalQuantile(0.5 + level / 2);
  const p = k / n;
  const den = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return { k, n, p, lo: centre - half, hi: centre + half };
}

/** Difference p₁ − p₂ with Newcombe's hybrid score interval (method 10, Newcombe 1998). */
export function proportionDifference(a: Proportion, b: Proportion): { estimate: number; lo: number; hi: number } {
  const d = a.p - b.p;
  return {
    estimate: d,
    lo: d - Math.sqrt((a.p - a.lo) ** 2 + (b.hi - b.p) ** 2),
    hi: d + Math.sqrt((a.hi - a.p) ** 2 + (b.p - b.lo) ** 2),
  };
}

/**
 * Power of a two-sided two-sample comparison of means (difference Δ, common SD σ, n per arm, level α) by the
 * normal approximation Φ(|Δ|/(σ√(2/n)) − z_{1−α/2}) (the opposite tail is negligible), and the n per arm
 * for a target power: n = 2σ²(z_{1−α/2} + z_power)²/Δ².
 */
export function normalPower(delta: number, sigma: number, nPerArm: number, alpha = 0.05): number {
  const z = standardNormalQuantile(1 - alpha / 2);
  const x = Math.abs(delta) / (sigma * Math.sqrt(2 / nPerArm)) - z;
  return standardNormalCdf(x);
}

/** n per arm for `power` (normal approximation, rounded up). */
export function nForPower(delta: number, sigma: number, power: number, alpha = 0.05): number {
  const z = standardNormalQuantile(1 - alpha / 2) + standardNormalQuantile(power);
  return delta === 0 ? Infinity : Math.ceil((2 * sigma * sigma * z * z) / (delta * delta));
}

/** A paired difference: mean of per-subject differences with its t interval and two-sided p (paired t test). */
export interface PairedDifference {
  n: number;
  estimate: number;
  sd: number;
  se: number;
  lo: number;
  hi: number;
  p: number;
}

/**
 * Paired comparison of the same subjects under two conditions (a[i] and b[i] belong to subject i): the mean
 * of a − b, its SE sd/√n, the t interval on n − 1 degrees of freedom and the paired t test's two-sided p
 * (NaN fields when n < 2; p = 1 when every difference is 0, p = 0 when they are all equal and not 0).
 */
export function pairedDifference(a: ArrayLike<number>, b: ArrayLike<number>, level = 0.95): PairedDifference {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length (${a.length} vs ${b.length})`);
  const d = Array.from({ length: a.length }, (_, i) => a[i] - b[i]);
  const n = d.length;
  if (n < 2) return { n, estimate: n === 1 ? d[0] : Number.NaN, sd: Number.NaN, se: Number.NaN, lo: Number.NaN, hi: Number.NaN, p: Number.NaN };
  const m = mean(d);
  const s = sd(d);
  const se = s / Math.sqrt(n);
  const half = studentTQuantile(0.5 + level / 2, n - 1) * se;
  const p = se > 0 ? studentTTwoSidedP(m / se, n - 1) : m === 0 ? 1 : 0;
  return { n, estimate: m, sd: s, se, lo: m - half, hi: m + half, p };
}
