/**
 * Descriptive statistics of one sample.
 *
 * Missing data: every function takes `ArrayLike<number>` and skips NaN entries (NaN marks a missing value, e.g. a
 * virtual subject that dropped out); `n` is the count of non-NaN values. ±Infinity is kept and propagates.
 * Undefined results (an empty sample, the SD of a single value, p outside [0, 1]) are NaN; nothing throws.
 */
import { studentTQuantile } from './special.ts';

/** The non-NaN values of xs, in their original order, as a new Float64Array. */
export function dropNaN(xs: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i])) n++;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i])) out[k++] = xs[i];
  return out;
}

/** Number of non-NaN values. */
export function count(xs: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i])) n++;
  return n;
}

/** Arithmetic mean of the non-NaN values (two-pass, corrected); NaN when there are none. */
export function mean(xs: ArrayLike<number>): number {
  let n = 0;
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (Number.isNaN(x)) continue;
    n++;
    s += x;
  }
  if (n === 0) return Number.NaN;
  const m = s / n;
  if (!Number.isFinite(m)) return m;
  let c = 0;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i])) c += xs[i] - m;
  return m + c / n;
}

/** Sum of squared deviations from the mean, and n, over the non-NaN values. */
export function sumSquares(xs: ArrayLike<number>): { n: number; mean: number; ss: number } {
  const m = mean(xs);
  let n = 0;
  let ss = 0;
  let c = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (Number.isNaN(x)) continue;
    n++;
    const d = x - m;
    ss += d * d;
    c += d;
  }
  // Corrected two-pass algorithm (Chan, Golub & LeVeque): removes the rounding error left in the mean.
  return { n, mean: m, ss: n > 0 ? Math.max(0, ss - (c * c) / n) : Number.NaN };
}

/** Sample variance with the n − 1 denominator; NaN when fewer than 2 non-NaN values. */
export function variance(xs: ArrayLike<number>): number {
  const { n, ss } = sumSquares(xs);
  return n >= 2 ? ss / (n - 1) : Number.NaN;
}

/** Sample standard deviation (n − 1 denominator); NaN when fewer than 2 non-NaN values. */
export function sd(xs: ArrayLike<number>): number {
  return Math.sqrt(variance(xs));
}

/** Standard error of the mean, SD / √n; NaN when fewer than 2 non-NaN values. */
export function sem(xs: ArrayLike<number>): number {
  const { n, ss } = sumSquares(xs);
  return n >= 2 ? Math.sqrt(ss / (n - 1) / n) : Number.NaN;
}

function sortedValues(xs: ArrayLike<number>): Float64Array {
  return dropNaN(xs).sort();
}

/** Type-7 quantile of an ascending-sorted array with no NaN (R default, NumPy `linear`). */
function quantileSorted(s: Float64Array, p: number): number {
  const n = s.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  if (frac === 0 || lo + 1 >= n) return s[lo];
  const a = s[lo];
  const b = s[lo + 1];
  if (a === b) return a;
  return a + frac * (b - a);
}

/** Sample quantile of type 7 (R's default, NumPy's `linear`): x₍ₖ₎ interpolated at h = (n − 1) p. */
export function quantile(xs: ArrayLike<number>, p: number): number {
  return quantileSorted(sortedValues(xs), p);
}

/** Several type-7 quantiles at once (sorts once). */
export function quantiles(xs: ArrayLike<number>, ps: ArrayLike<number>): number[] {
  const s = sortedValues(xs);
  const out: number[] = [];
  for (let i = 0; i < ps.length; i++) out.push(quantileSorted(s, ps[i]));
  return out;
}

/** Median of the non-NaN values (type-7 quantile at ½, i.e. the mean of the two middle values for even n). */
export function median(xs: ArrayLike<number>): number {
  return quantile(xs, 0.5);
}

/** A confidence interval for a mean. */
export interface MeanConfidenceInterval {
  /** Number of non-NaN values. */
  n: number;
  mean: number;
  /** Standard error of the mean. */
  sem: number;
  /** Degrees of freedom of the t quantile, n − 1. */
  df: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  lower: number;
  upper: number;
}

/** t-based confidence interval of the mean, mean ± t_{1−α/2, n−1} · SEM; bounds NaN when n < 2. */
export function meanConfidenceInterval(xs: ArrayLike<number>, level = 0.95): MeanConfidenceInterval {
  const { n, mean: m, ss } = sumSquares(xs);
  const se = n >= 2 ? Math.sqrt(ss / (n - 1) / n) : Number.NaN;
  const df = n - 1;
  const half = df >= 1 && level > 0 && level < 1 ? studentTQuantile(0.5 + level / 2, df) * se : Number.NaN;
  return { n, mean: m, sem: se, df, level, lower: m - half, upper: m + half };
}

/** Summary of one sample, as reported per arm. */
export interface Summary {
  n: number;
  mean: number;
  sd: number;
  sem: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** n, mean, SD, SEM, min, quartiles (type 7) and max of the non-NaN values. */
export function summarize(xs: ArrayLike<number>): Summary {
  const s = sortedValues(xs);
  const { n, mean: m, ss } = sumSquares(s);
  const v = n >= 2 ? ss / (n - 1) : Number.NaN;
  return {
    n,
    mean: m,
    sd: Math.sqrt(v),
    sem: Math.sqrt(v / n),
    min: n > 0 ? s[0] : Number.NaN,
    q1: quantileSorted(s, 0.25),
    median: quantileSorted(s, 0.5),
    q3: quantileSorted(s, 0.75),
    max: n > 0 ? s[n - 1] : Number.NaN,
  };
}

/** Ascending comparison that is also correct for ±Infinity (where a − b would give NaN). */
export function ascending(x: number, y: number): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
